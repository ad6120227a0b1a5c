#!/usr/bin/env node
// Papershelf's command-line entry. The sources are TypeScript, run by Node's type stripping
// (Node >= 22.18); npm puts the project's own Node 24 first on PATH for `npx papershelf`.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(
    `papershelf needs Node 22.18 or newer (this is ${process.version}). ` +
      'Run it through npm (`npx papershelf …` or `npm run …`), which uses the Node 24 that `npm install` put in node_modules/.bin.',
  );
  process.exit(1);
}
// Node keeps what it compiled of each module (TypeScript included) on disk, so a build does not
// strip and parse Astro, Vite and its own sources again in each of its processes and threads:
// about a second of CPU a build. The folder goes by the environment to the worker threads and
// the Astro process; Node checks each entry against its source and ignores one that is stale.
if (!process.env.NODE_COMPILE_CACHE) {
  const { fileURLToPath } = await import('node:url');
  process.env.NODE_COMPILE_CACHE = fileURLToPath(new URL('../node_modules/.cache/papershelf/compile', import.meta.url));
}
(await import('node:module')).enableCompileCache(process.env.NODE_COMPILE_CACHE);
await import('../src/cli/cli.ts');
