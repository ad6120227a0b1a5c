/**
 * I/O: writes the pages that are files of data (src/lib/page-files.ts) into a folder, with no
 * Astro run: the same text their Astro routes answer with.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { eachInBatches } from '../../fs/in-batches.ts';
import { pageFileText, type FileKind } from '../../lib/page-files.ts';
import { pageFile, type KindedPage } from '../../lib/site-pages.ts';

/** Writes `pages` (each of a file kind) below `dir`, for the site at `site`. Returns `dir`. */
export async function writePageFiles(pages: readonly KindedPage[], dir: string, site: URL | string): Promise<string> {
  const files = pages.map((page) => ({ path: join(dir, pageFile(page.path)), text: pageFileText(page.kind as FileKind, page.props, site) }));
  await mkdir(dir, { recursive: true });
  for (const folder of new Set(files.map((file) => dirname(file.path)))) await mkdir(folder, { recursive: true });
  await eachInBatches(files, (file) => writeFile(file.path, file.text));
  return dir;
}
