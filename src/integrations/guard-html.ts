/** I/O: runs `findForeignMarkup` over every page of a built site and fails the build on a hit. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listFiles } from '../fs/list-files.ts';
import { findForeignMarkup } from './find-foreign-markup.ts';

/** Scans `outDir/**\/*.html`; throws, listing every hit as `file:line: what`, when any page has foreign markup. */
export async function guardHtml(outDir: string, base: string): Promise<number> {
  const hits: string[] = [];
  let pages = 0;
  for (const file of (await listFiles(outDir)).filter((path) => path.endsWith('.html'))) {
    pages += 1;
    for (const hit of findForeignMarkup(await readFile(join(outDir, file), 'utf8'), base)) hits.push(`${file}:${hit.line}: ${hit.what}`);
  }
  if (hits.length > 0) {
    throw new Error(
      `The built pages contain markup the templates never produce, so entry text may have become code:\n  ${hits.slice(0, 50).join('\n  ')}` +
        `${hits.length > 50 ? `\n  … and ${hits.length - 50} more` : ''}\nThe build is stopped; nothing was published. Find the entry whose text appears there and report it.`,
    );
  }
  return pages;
}
