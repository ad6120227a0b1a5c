/**
 * Builds the Pagefind search index of a built site through Pagefind's Node API. Pagefind
 * indexes only pages that carry `data-pagefind-body`, which only paper pages do. Every
 * response is checked: a silent indexing error would ship a site whose search finds nothing.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

/** What indexing produced. */
export interface IndexResult {
  /** Pages in the search index: the paper pages. */
  readonly pages: number;
}

/** Pagefind's own search interfaces, which the archive does not use. */
const UNUSED_BUNDLES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

function check(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind failed to ${step}:\n  ${errors.join('\n  ')}`);
}

/** Indexes the HTML under `outDir` into `outDir/pagefind/`. */
export async function indexSite(outDir: string): Promise<IndexResult> {
  try {
    const created = await pagefind.createIndex({ forceLanguage: 'en' });
    check('start', created.errors);
    if (!created.index) throw new Error('Pagefind failed to start: no index was created');
    const added = await created.index.addDirectory({ path: outDir });
    check('read the built pages', added.errors);
    const written = await created.index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    check('write the index', written.errors);
    // Pagefind also writes its ready-made interfaces; the archive has its own, so they would
    // only add bytes to every copy and every offline save.
    for (const name of UNUSED_BUNDLES) await rm(join(outDir, 'pagefind', name), { force: true });
    // addDirectory counts every page it read; the entry file counts the ones searchable.
    const entry = JSON.parse(await readFile(join(outDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    return { pages: Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0) };
  } finally {
    await pagefind.close();
  }
}
