/**
 * `astro dev`: the content folder watched. When a paper, the taxonomy file or the address
 * history changes (an edit, an ingest, a fetch), the search index is made again and, once an ingest's burst of writes is
 * over and the index holds the same papers, the notes collection loads again, the pages
 * render from the new content and open pages reload.
 */
import { join, sep } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { QUIET_MS, type DevSearchIndex } from '../build/search/dev-search-index.ts';
import { ADDRESS_FILE } from '../ingest/addresses/address-file.ts';
import { PAPERS_FOLDER, TAXONOMY_FILE } from '../settings/project-paths.ts';
import { NOTES_LOADER } from '../loaders/notes-loader.ts';
import { reloadArchive } from './reload-archive.ts';
import type { DevServer } from './serve-search.ts';

/** What the content folder's changes are told to. */
export interface ContentListeners {
  readonly search: DevSearchIndex;
  /** Astro's content layer, loaded again (`astro:server:setup` hands it over). */
  readonly refreshContent?: ((options: { loaders?: string[] }) => Promise<void>) | undefined;
  readonly logger: AstroIntegrationLogger;
}

/** Watches `content` with `server`'s watcher: every change is told to the search index, and the pages follow. */
export function watchContent(server: DevServer, content: string, { search, refreshContent, logger }: ContentListeners): void {
  const watched = [PAPERS_FOLDER, TAXONOMY_FILE, ADDRESS_FILE].map((name) => join(content, name));
  server.watcher.add(watched);
  let quiet: NodeJS.Timeout | undefined;
  server.watcher.on('all', (_event: string, path: string) => {
    if (!watched.some((name) => path === name || path.startsWith(name + sep))) return;
    search.changed();
    clearTimeout(quiet);
    quiet = setTimeout(() => {
      search
        .settled()
        .then(() => refreshContent?.({ loaders: [NOTES_LOADER] }))
        .then(() => reloadArchive(server))
        .catch((error: unknown) => logger.error(`content: the pages could not be made again: ${String(error)}`));
    }, QUIET_MS);
  });
}
