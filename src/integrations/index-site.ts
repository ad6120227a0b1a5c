/**
 * Builds the Pagefind search index of a built site through Pagefind's Node API. Pagefind
 * indexes only pages that carry `data-pagefind-body`, which only paper pages do. Every
 * response is checked: a silent indexing error would ship a site whose search finds nothing.
 */
import { join } from 'node:path';
import * as pagefind from 'pagefind';

/** What indexing produced. */
export interface IndexResult {
  /** Pages Pagefind indexed: the paper pages. */
  readonly pages: number;
}

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
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}
