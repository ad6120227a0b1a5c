/** I/O: the markup guard's task for one batch of pages, run by `guardHtml` in a worker thread or in its own. */
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { digestOf, type FileDigest } from './digest-files.ts';
import { findForeignMarkup } from './find-foreign-markup.ts';

/** What every batch of a site shares. */
export interface PageSite {
  /** The built site's folder. */
  readonly outDir: string;
  /** The site's base path, `/…/`. */
  readonly base: string;
}

/** What checking one page found: its foreign markup as `file:line: what`, and the page file's digest (read once, for the offline version too). */
export interface CheckedPage {
  readonly hits: string[];
  readonly digest: FileDigest;
}

/** Reads `files` (relative to `site.outDir`) and checks each, in file order. */
export function checkPages(site: PageSite, files: readonly string[]): CheckedPage[] {
  // Synchronous reads: a worker has nothing else to do meanwhile, and parsing, not reading, is the cost.
  return files.map((file) => {
    const fd = openSync(join(site.outDir, file), 'r');
    try {
      // The time is taken before reading, as digestFiles does: a write during the read changes it.
      const { mtimeMs } = fstatSync(fd);
      const bytes = readFileSync(fd);
      const hits = findForeignMarkup(bytes.toString('utf8'), site.base).map((hit) => `${file}:${hit.line}: ${hit.what}`);
      return { hits, digest: digestOf(bytes, mtimeMs) };
    } finally {
      closeSync(fd);
    }
  });
}
