#!/usr/bin/env node
// Papershelf's command-line entry. The sources are TypeScript that Node runs by stripping the
// types, which needs Node 22.18 or newer: an older Node (the system's, say) hands the command
// to the Node 24 that the `node` package, one of Papershelf's dependencies, brings. Installed
// in another project, the package's files live under node_modules, where Node strips no types
// by itself: the command then runs with a hook that does (strip-types-hooks.js), passed on to
// every thread and process the build starts.
import { spawn } from 'node:child_process';
import module from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const HOOKS = `--import=${new URL('./strip-types-hooks.js', import.meta.url).href}`;
const QUIET = '--disable-warning=ExperimentalWarning';

const [major, minor] = process.versions.node.split('.').map(Number);
const tooOld = major < 22 || (major === 22 && minor < 18);
const installed = fileURLToPath(import.meta.url).split(sep).includes('node_modules');
const hooked = process.execArgv.includes(HOOKS);

/** The Node binary of the `node` package, when it is installed. */
function bundledNode() {
  try {
    return join(dirname(module.createRequire(import.meta.url).resolve('node/package.json')), 'bin', 'node');
  } catch {
    return null;
  }
}

if (tooOld || (installed && !hooked)) {
  const node = tooOld || typeof module.registerHooks !== 'function' ? bundledNode() : process.execPath;
  if (!node) {
    console.error(
      `papershelf needs Node 22.18 or newer (this is ${process.version}), and the Node it brings is not installed. ` +
        'Run `npm install` in this folder, then `npx papershelf …`.',
    );
    process.exit(1);
  }
  const flags = installed ? [QUIET, HOOKS] : [];
  // Astro's processes are started with no flags of their own: the hook reaches them through NODE_OPTIONS.
  const env = installed ? { ...process.env, NODE_OPTIONS: [process.env.NODE_OPTIONS, ...flags].filter(Boolean).join(' ') } : process.env;
  const child = spawn(node, [...flags, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit', env });
  // A terminal's Ctrl-C reaches both processes; a signal sent to this one alone is passed on.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    console.error(`papershelf: cannot start ${node}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    if (signal) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    }
    else process.exit(code ?? 1);
  });
} else {
  // Node keeps what it compiled of each module (TypeScript included) on disk, so a build does not
  // strip and parse Astro, Vite and its own sources again in each of its processes and threads:
  // about a second of CPU a build. The folder goes by the environment to the worker threads and
  // the Astro process; Node checks each entry against its source and ignores one that is stale.
  if (!process.env.NODE_COMPILE_CACHE) {
    process.env.NODE_COMPILE_CACHE = fileURLToPath(new URL('../node_modules/.cache/papershelf/compile', import.meta.url));
  }
  module.enableCompileCache(process.env.NODE_COMPILE_CACHE);
  await import('../src/cli/cli.ts');
}
