/** I/O: runs `findForeignMarkup` over every page of a built site and fails the build on a hit. */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { findForeignMarkup } from './find-foreign-markup.ts';

async function* htmlFiles(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.name.endsWith('.html')) yield path;
  }
}

/** Scans `outDir/**\/*.html`; throws, listing every hit as `file:line: what`, when any page has foreign markup. */
export async function guardHtml(outDir: string, base: string): Promise<number> {
  const hits: string[] = [];
  let pages = 0;
  for await (const file of htmlFiles(outDir)) {
    pages += 1;
    for (const hit of findForeignMarkup(await readFile(file, 'utf8'), base)) hits.push(`${relative(outDir, file)}:${hit.line}: ${hit.what}`);
  }
  if (hits.length > 0) {
    throw new Error(
      `The built pages contain markup the templates never produce, so entry text may have become code:\n  ${hits.slice(0, 50).join('\n  ')}` +
        `${hits.length > 50 ? `\n  … and ${hits.length - 50} more` : ''}\nThe build is stopped; nothing was published. Find the entry whose text appears there and report it.`,
    );
  }
  return pages;
}
