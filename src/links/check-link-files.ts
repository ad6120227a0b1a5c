/** I/O: the link check's task for one chunk of files, run by `checkLinks` in a worker thread or in its own. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFileLinks, linksOf, type BrokenLink, type FragmentLink } from './check-file-links.ts';
import type { SiteAddress } from './resolve-link.ts';

/** What every chunk shares: where the site is served, its folder, and every file in it. */
export interface LinkSite extends SiteAddress {
  readonly outDir: string;
  /** Every file of the site, relative to `outDir`, `/`-separated. */
  readonly files: readonly string[];
}

/** What one chunk found. */
export interface BatchReport {
  readonly files: number;
  readonly links: number;
  readonly broken: BrokenLink[];
  readonly fragments: FragmentLink[];
}

// A worker is sent the site once and checks many chunks against it: build its lookup once.
const lookups = new WeakMap<LinkSite, ReadonlySet<string>>();

/** Reads `files` (relative to `site.outDir`) and checks their links. */
export function checkLinkFiles(site: LinkSite, files: readonly string[]): BatchReport[] {
  let known = lookups.get(site);
  if (known === undefined) lookups.set(site, (known = new Set(site.files)));
  const has = (file: string) => known.has(file);
  const report = { files: files.length, links: 0, broken: [] as BrokenLink[], fragments: [] as FragmentLink[] };
  // Synchronous reads: a worker has nothing else to do meanwhile, and parsing is the cost.
  for (const file of files) {
    const checked = checkFileLinks(file, linksOf(file, readFileSync(join(site.outDir, file), 'utf8')), site, has);
    report.links += checked.links;
    report.broken.push(...checked.broken);
    report.fragments.push(...checked.fragments);
  }
  return [report];
}
