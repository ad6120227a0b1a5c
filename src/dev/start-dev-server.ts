/**
 * `papershelf dev`: Astro's dev server, in this process, with Papershelf's own configuration,
 * wherever the command runs from (this repository, or an archive folder that has Papershelf
 * as a dependency). Pages render from the content folder of the settings; the integration
 * serves the data files and the search bundles (src/integrations/papershelf.ts).
 *
 * Astro's root is a folder of the project's cache, one per content folder, as for a build
 * (src/build/render/astro-process.ts says why): the state Astro keeps of a content folder's
 * notes (`.astro/`) stays apart from the project's and from any other content folder's.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { dev } from 'astro';
import { exists } from '../fs/exists.ts';
import { PROJECT_ROOT } from '../settings/project-paths.ts';
import type { Settings } from '../settings/settings.ts';

/** The Astro roots of dev servers, one per content folder. */
const DEV_ROOTS = join(PROJECT_ROOT, 'node_modules', '.cache', 'papershelf', 'dev');

/** A running dev server. */
export interface RunningDevServer {
  /** Its address, base included: `http://localhost:4321/`. */
  readonly url: string;
  /** Stops it: the server, its file watcher and its search index. */
  stop(): Promise<void>;
}

/**
 * The folders the browser may load files from: the project, the one holding the `node_modules`
 * Astro is installed in (above the project, when Papershelf is a dependency), and the content
 * folder (what notes link to).
 */
function servedFolders(content: string): string[] {
  const astro = createRequire(import.meta.url).resolve('astro/package.json');
  return [PROJECT_ROOT, dirname(dirname(dirname(astro))), content];
}

/** The file in each root naming its content folder. */
const CONTENT_NOTE = 'content';

/** I/O: removes the roots of content folders that no longer exist (a test's temporary one, say). */
async function removeStaleRoots(): Promise<void> {
  for (const name of await readdir(DEV_ROOTS).catch(() => [] as string[])) {
    const content = await readFile(join(DEV_ROOTS, name, CONTENT_NOTE), 'utf8').catch(() => null);
    if (content !== null && !(await exists(content))) await rm(join(DEV_ROOTS, name), { recursive: true, force: true });
  }
}

/** Starts Astro's dev server for `settings` on `port` (taken ports are skipped, upwards; 0 picks a free one). */
export async function startDevServer(settings: Settings, { port }: { port: number }): Promise<RunningDevServer> {
  const content = resolve(settings.content);
  const root = join(DEV_ROOTS, createHash('sha256').update(content).digest('hex').slice(0, 16));
  await removeStaleRoots();
  await mkdir(root, { recursive: true });
  await writeFile(join(root, CONTENT_NOTE), content);
  const server = await dev({
    root,
    // Astro looks for the configuration file relative to the root.
    configFile: relative(root, join(PROJECT_ROOT, 'astro.config.mjs')),
    site: settings.site,
    base: settings.base,
    logLevel: settings.verbose ? 'debug' : 'info',
    server: { port },
    vite: { server: { fs: { allow: servedFolders(content) } } },
  });
  return { url: `http://localhost:${server.address.port}${settings.base}`, stop: () => server.stop() };
}
