/**
 * The search index under `astro dev`: the bundles a build would write (`writeSearch`, the same
 * records, the same Pagefind run), made from the content folder as it is now and made again
 * once it changes. Each index goes into a new folder of the project's cache
 * (`node_modules/.cache/papershelf/dev-search/<pid>/<n>/`), never the user's folders. The one
 * before it is kept too: a search page that loaded it still asks for its files, whose names
 * Pagefind makes from their contents.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { buildArchive } from '../../site/archive/build-archive.ts';
import { readArchiveData } from '../../site/archive/read-archive.ts';
import { PROJECT_ROOT } from '../../settings/project-paths.ts';
import { IN_SEARCH_BUNDLE } from './search-bundles.ts';
import { writeSearch } from './write-search.ts';

/** Every dev server's indexes, one folder per process. */
const DEV_SEARCH = join(PROJECT_ROOT, 'node_modules', '.cache', 'papershelf', 'dev-search');

/** How long the content folder must stay quiet before it is indexed again: an ingest writes many files at once. */
export const QUIET_MS = 300;

/** What to index, and whom to tell. */
export interface DevSearchOptions {
  /** The content folder (`papers/`, `taxonomies.yaml`). */
  readonly content: string;
  /** The taxonomy file (the settings' `taxonomies`). Default: the content folder's. */
  readonly taxonomies?: string | undefined;
  /** Papers per bundle, as in a build. */
  readonly bundleSize: number;
  /** Told when an index is ready, with its number of papers. Default: nothing. */
  readonly onIndexed?: (papers: number) => void;
  /** Told when indexing failed; the last index stays. Default: nothing. */
  readonly onError?: (error: unknown) => void;
}

/** The index of one dev server. */
export interface DevSearchIndex {
  /**
   * The bytes of `path` under the site root (`pagefind/pagefind-entry.json`) in the newest
   * index, else in the one before it; null when neither has it. Waits for the first index.
   */
  fileAt(path: string): Promise<Uint8Array | null>;
  /** The content folder changed: indexes it again once it has been quiet for a moment. */
  changed(): void;
  /** Settles once the index holds the content as it was at the last change told. */
  settled(): Promise<void>;
  /** Stops indexing and removes this server's indexes. */
  close(): Promise<void>;
}

/** True when process `pid` is running. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** I/O: removes the indexes of dev servers that ended without removing their own (killed). */
async function removeOrphans(): Promise<void> {
  const names = await readdir(DEV_SEARCH).catch(() => [] as string[]);
  const orphans = names.filter((name) => /^\d+$/.test(name) && Number(name) !== process.pid && !isRunning(Number(name)));
  await Promise.all(orphans.map((name) => rm(join(DEV_SEARCH, name), { recursive: true, force: true })));
}

/** I/O: starts indexing `options.content` for a dev server, at once. */
export function devSearchIndex(options: DevSearchOptions): DevSearchIndex {
  const folder = join(DEV_SEARCH, String(process.pid));
  /** The ready indexes, newest first: at most two. */
  const ready: string[] = [];
  let generation = 0;
  // Changes told, and changes indexed: the loop runs while the second trails the first.
  let wanted = 1;
  let indexed = 0;
  let loop: Promise<void> | null = null;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const indexOnce = async () => {
    const into = join(folder, String((generation += 1)));
    const read = await readArchiveData(options.content, undefined, undefined, options.taxonomies);
    // As the build makes it (src/build/build.ts, step 4).
    const archive = buildArchive(read.papers, read.definitions, undefined, read.addresses);
    await writeSearch(archive, read.notes, { into, bundleSize: options.bundleSize, codeVersion: 'dev' }).catch(async (error: unknown) => {
      await rm(into, { recursive: true, force: true });
      throw error;
    });
    ready.unshift(into);
    await Promise.all(ready.splice(2).map((old) => rm(old, { recursive: true, force: true })));
    options.onIndexed?.(read.papers.length);
  };
  const pump = async () => {
    while (indexed < wanted && !closed) {
      const target = wanted;
      await indexOnce().catch((error: unknown) => options.onError?.(error));
      indexed = target;
    }
  };
  const run = (): Promise<void> => {
    loop ??= pump().finally(() => {
      loop = null;
    });
    return loop;
  };
  // The first index starts at once, once the indexes killed servers left are gone.
  const started = removeOrphans().then(run);
  const settled = async () => {
    await started;
    while (loop) await loop;
  };

  return {
    async fileAt(path) {
      if (!IN_SEARCH_BUNDLE.test(path) || path.split('/').some((part) => part === '..' || part === '.')) return null;
      if (ready.length === 0) await settled();
      for (const index of [...ready]) {
        const found = await readFile(join(index, path)).catch(() => null);
        if (found) return found;
      }
      return null;
    },
    changed() {
      wanted += 1;
      clearTimeout(timer);
      timer = setTimeout(run, QUIET_MS);
    },
    async settled() {
      // A change told within the quiet moment is indexed now rather than waited for.
      if (indexed < wanted) {
        clearTimeout(timer);
        void run();
      }
      await settled();
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      await settled();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
