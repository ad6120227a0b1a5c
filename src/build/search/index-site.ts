/**
 * The search index of a built site, for the integration's `astro:build:done` step. The index
 * is built from the archive's data (src/build/search/), not from the built pages: this reads
 * the archive of the content folder the build used and writes its bundles into the site.
 * `papershelf build` indexes in its own step (src/build/render/render-site.ts) and does
 * not come here; a plain `astro build` does.
 */
import { resolve } from 'node:path';
import { buildArchive } from '../../site/archive/build-archive.ts';
import { contentDir } from '../../settings/content-dir.ts';
import { readArchiveData } from '../../site/archive/read-archive.ts';
import { PROJECT_ROOT } from '../../settings/project-paths.ts';
import { indexArchive, type IndexResult } from './index-archive.ts';

export type { IndexResult };

/** Indexes the archive of this build's content folder into `outDir/pagefind/` (and `pagefind-2/`… when it has more papers than one bundle holds). */
export async function indexSite(outDir: string): Promise<IndexResult> {
  const data = await readArchiveData(resolve(PROJECT_ROOT, contentDir()));
  return indexArchive(buildArchive(data.papers, data.definitions), outDir, { notes: new Map(Object.entries(data.notes)) });
}
