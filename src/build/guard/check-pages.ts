/** I/O: the markup guard's task for one chunk of pages, run by `guardHtml` in a worker thread or in its own. */
import { join } from 'node:path';
import { readDigested, type FileDigest } from '../offline/digest-files.ts';
import { findForeignMarkup, type ForeignMarkup } from './find-foreign-markup.ts';

/** What every chunk of a site's pages shares. */
export interface PageSite {
  /** The built site's folder. */
  readonly outDir: string;
  /** The site's base path, `/…/`. */
  readonly base: string;
  /** The owner's head elements, as pages hold them (src/site/head-markup.ts); default none. */
  readonly head?: string | undefined;
}

/** What checking one page found: its foreign markup, and the page file's digest (read once, for the offline version too). */
export interface CheckedPage {
  readonly hits: readonly ForeignMarkup[];
  readonly digest: FileDigest;
}

/** Reads `files` (relative to `site.outDir`) and checks each, in file order. */
export function checkPages(site: PageSite, files: readonly string[]): CheckedPage[] {
  // Synchronous reads: a worker has nothing else to do meanwhile, and parsing, not reading, is the cost.
  return files.map((file) => {
    const { bytes, digest } = readDigested(join(site.outDir, file));
    return { hits: findForeignMarkup(bytes.toString('utf8'), site.base, site.head), digest };
  });
}
