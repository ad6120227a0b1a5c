/**
 * The data files — feeds of terms, citation files, sitemaps (src/site/pages/page-files.ts) —
 * written by the build itself, with no Astro run: they are most of an archive's files. Their
 * text is made while Astro renders, and written once Astro's pages are in place, into the
 * folders those made. `astro dev` serves the same text (src/integrations/serve-data-files.ts).
 */
import { closeSync, fstatSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { digestOf, type FileDigest } from '../offline/digest-files.ts';
import { pageFileText, type FileKind } from '../../site/pages/page-files.ts';
import { pageFile, type KindedPage } from '../../site/pages/site-pages.ts';

/** One file of data: where it goes in the site (relative, `/`-separated) and its text. */
export interface DataFileText {
  readonly path: string;
  readonly text: string;
}

/** The file of `page` (of a file kind), for the site at `site`. Pure. */
function dataFileTextOf(page: KindedPage, site: URL | string): DataFileText {
  return { path: pageFile(page.path), text: pageFileText(page.kind as FileKind, page.props, site) };
}

/**
 * The files of `pages`, made a slice at a time: this thread also feeds the search index and
 * the card thread, which would wait while it worked through all of them in one go.
 */
export async function dataFileTexts(pages: readonly KindedPage[], site: URL | string): Promise<DataFileText[]> {
  const files: DataFileText[] = [];
  for (const [n, page] of pages.entries()) {
    if (n % 1_000 === 999) await new Promise((resolve) => setImmediate(resolve));
    files.push(dataFileTextOf(page, site));
  }
  return files;
}

/** Files written between two turns of the event loop, which hands the guard's threads their work meanwhile. */
const SLICE = 500;

/**
 * I/O: writes `files` below `dir`, making the folders they need; returns each file's digest, by
 * path. The calls are made in place, a slice of files at a time: these are tens of thousands of
 * small files, for which a trip to libuv's threads per call (open, write, stat, close) costs
 * more than the call itself.
 */
export async function writeDataFiles(files: readonly DataFileText[], dir: string): Promise<Map<string, FileDigest>> {
  for (const folder of new Set(files.map((file) => dirname(join(dir, file.path))))) mkdirSync(folder, { recursive: true });
  const digests = new Map<string, FileDigest>();
  for (const [n, file] of files.entries()) {
    if (n % SLICE === SLICE - 1) await new Promise((resolve) => setImmediate(resolve));
    const fd = openSync(join(dir, file.path), 'w');
    try {
      writeFileSync(fd, file.text);
      digests.set(file.path, digestOf(file.text, fstatSync(fd).mtimeMs));
    } finally {
      closeSync(fd);
    }
  }
  return digests;
}
