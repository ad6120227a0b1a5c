/**
 * I/O: the link check of a built site. Every page, feed, sitemap, manifest and style sheet is
 * read once, on every core, and each of its links to the site must lead to a file (and to an
 * element, for a `#fragment`). Addresses are resolved as the host serves them: under `base`,
 * on `origin`. Reading every page of a large archive takes a while, so this is a step of its
 * own (tests, CI, before deploying), not part of every build.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listFiles } from '../fs/list-files.ts';
import { ARCHIVE_MARKER } from '../build/publish/output-folder.ts';
import { mapInWorkers } from '../build/workers/worker-pool.ts';
import { checkFragments } from './check-fragments.ts';
import { hasLinks, type BrokenLink } from './check-file-links.ts';
import type { LinkSite } from './check-link-files.ts';
import { htmlLinks } from './html-links.ts';
import type { SiteAddress } from './resolve-link.ts';

/** What the check found. */
export interface LinkCheck {
  /** Files whose links were checked. */
  readonly files: number;
  /** Links found in them, external ones included. */
  readonly links: number;
  /** Every link that leads nowhere, by file and line. */
  readonly broken: readonly BrokenLink[];
}

/** Options of `checkLinks`. */
export interface LinkCheckOptions {
  /** Worker threads. Default: one per core (at most 8), none for fewer than 500 files; 0 checks in this thread. */
  readonly threads?: number | undefined;
}

/** Checks every internal link of the site built in `outDir` for `site`. */
export async function checkLinks(outDir: string, site: SiteAddress, options: LinkCheckOptions = {}): Promise<LinkCheck> {
  // 1. Every file of the site: what links may lead to.
  // (The archive's marker names the site it was built for but is no page of it.)
  const files = (await listFiles(outDir)).filter((file) => file !== ARCHIVE_MARKER);
  // 2. The links of every file that has some, resolved and looked up, in worker threads.
  const shared: LinkSite = { outDir, origin: site.origin, base: site.base, files };
  const batches = await mapInWorkers(files.filter(hasLinks), {
    task: 'links',
    shared,
    threads: options.threads,
  });
  // 3. Links to elements of other pages, against those pages' ids: each page read once.
  const fragments = batches.flatMap((batch) => batch.fragments);
  const ids = new Map<string, ReadonlySet<string>>();
  for (const target of new Set(fragments.map((link) => link.target))) {
    ids.set(target, htmlLinks(await readFile(join(outDir, target), 'utf8')).ids);
  }
  const broken = [...batches.flatMap((batch) => batch.broken), ...checkFragments(fragments, (page) => ids.get(page) ?? null)];
  return {
    files: batches.reduce((sum, batch) => sum + batch.files, 0),
    links: batches.reduce((sum, batch) => sum + batch.links, 0),
    broken: broken.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.url.localeCompare(b.url)),
  };
}
