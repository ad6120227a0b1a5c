/** I/O: the markup guard's task for one batch of pages, run by `guardHtml` in a worker thread or in its own. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findForeignMarkup } from './find-foreign-markup.ts';
import { inlineScripts } from './inline-scripts.ts';

/** What every batch of a site shares. */
export interface PageSite {
  /** The built site's folder. */
  readonly outDir: string;
  /** The site's base path, `/…/`. */
  readonly base: string;
}

/** Reads `files` (relative to `site.outDir`) and lists their foreign markup as `file:line: what`, in file order. */
export function checkPages(site: PageSite, files: readonly string[]): string[] {
  const hits: string[] = [];
  // Synchronous reads: a worker has nothing else to do meanwhile, and parsing, not reading, is the cost.
  for (const file of files) {
    for (const hit of findForeignMarkup(readFileSync(join(site.outDir, file), 'utf8'), site.base, inlineScripts())) hits.push(`${file}:${hit.line}: ${hit.what}`);
  }
  return hits;
}
