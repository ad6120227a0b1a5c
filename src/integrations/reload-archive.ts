/**
 * `astro dev`: pages made from the content folder as it is now. The routes read the archive
 * once per module instance (src/site/archive/get-archive.ts), so when a paper or the taxonomy
 * file changes, that module and every module that imports it, up to the routes, are evaluated
 * anew on their next request; Astro forgets the pages each route listed, and open pages reload.
 *
 * Only those modules are dropped, at once, in the server's module runner. Vite's own reload (as
 * if the file had been edited) goes through its update messages and re-imports every route,
 * and a request arriving meanwhile could keep the old archive.
 */
import { fileURLToPath } from 'node:url';
import type { DevServer } from './serve-search.ts';

/** The module that holds the archive under `astro dev`. */
const ARCHIVE_MODULE = fileURLToPath(new URL('../site/archive/get-archive.ts', import.meta.url));

/** The part of a module runner's evaluated modules used here. */
interface EvaluatedModules {
  getModulesByFile(file: string): Set<EvaluatedModule> | undefined;
  getModuleById(id: string): EvaluatedModule | undefined;
  invalidateModule(module: EvaluatedModule): void;
}
interface EvaluatedModule {
  readonly id: string;
  readonly importers: Set<string>;
}

/** Drops the evaluated modules of `file` and of everything that imports them, in `modules`. */
function dropWithImporters(modules: EvaluatedModules, file: string): void {
  const seen = new Set<string>();
  const queue = [...(modules.getModulesByFile(file) ?? [])];
  for (let module = queue.pop(); module; module = queue.pop()) {
    if (seen.has(module.id)) continue;
    seen.add(module.id);
    for (const id of module.importers) {
      const importer = modules.getModuleById(id);
      if (importer) queue.push(importer);
    }
    modules.invalidateModule(module);
  }
}

/** I/O: makes `server` render from the content folder again. */
export function reloadArchive(server: DevServer): void {
  for (const environment of Object.values(server.environments)) {
    if (!('runner' in environment)) continue;
    const { evaluatedModules } = (environment as unknown as { runner: { evaluatedModules: EvaluatedModules } }).runner;
    dropWithImporters(evaluatedModules, ARCHIVE_MODULE);
    // Astro's cache of what each route's `getStaticPaths` returned, cleared as on a content change of its own.
    environment.hot.send('astro:content-changed', {});
  }
  server.environments['client']?.hot.send({ type: 'full-reload', path: '*' });
}
