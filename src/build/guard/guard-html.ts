/**
 * I/O: runs `findForeignMarkup` over the pages of a built site, on every core, and fails the
 * build on a hit, saying where each came from: a paper's notes, an entry's text or a template
 * (explain-foreign-markup.ts).
 */
import { listFiles } from '../../fs/list-files.ts';
import type { FileDigest } from '../offline/digest-files.ts';
import { explainHits, guardReport } from './explain-foreign-markup.ts';
import { mapInWorkers } from '../workers/worker-pool.ts';

/** Which pages `guardHtml` checks, and how. */
export interface GuardOptions {
  /**
   * The files to check, relative to `outDir` and `/`-separated, e.g. the pages an incremental
   * build re-rendered; only those ending in `.html` are read. Default: every `.html` file.
   */
  readonly files?: readonly string[] | undefined;
  /** Worker threads. Default: one per core (at most 8), none for fewer than 500 pages; 0 checks in this thread. */
  readonly threads?: number | undefined;
  /** How the report names the folder of paper files, as the user knows it. Default `content/papers`. */
  readonly papers?: string | undefined;
  /** The owner's head elements as every page holds them (src/site/head-markup.ts), accepted in a page's head only. Default none. */
  readonly head?: string | undefined;
}

/** The pages checked, and each page file's digest, by path: the guard reads every page once, so the offline version need not. */
export interface GuardedPages {
  readonly pages: number;
  readonly digests: ReadonlyMap<string, FileDigest>;
}

/** Scans the pages of `outDir`; throws, listing every hit as `file:line: what, origin`, when any has foreign markup. */
export async function guardHtml(outDir: string, base: string, options: GuardOptions = {}): Promise<GuardedPages> {
  // Sorted and without repeats, so the report reads the same whatever order the caller gave.
  const files = [...new Set(options.files ?? (await listFiles(outDir)))].filter((path) => path.endsWith('.html')).sort();
  const checked = await mapInWorkers(files, {
    task: 'guard',
    shared: { outDir, base, head: options.head },
    threads: options.threads,
  });
  if (checked.some((page) => page.hits.length > 0)) {
    const pages = files.map((file, n) => ({ file, hits: checked[n]!.hits }));
    throw new Error(guardReport(explainHits(pages, options.papers)));
  }
  return { pages: files.length, digests: new Map(files.map((file, n) => [file, checked[n]!.digest])) };
}
