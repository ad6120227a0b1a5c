/**
 * This build against the last one of the same destination: which of the last build's files stay
 * as they are, which no longer belong, and which files this build wrote. With no last build,
 * every file is new and nothing is stale.
 */
import { listFiles } from '../../fs/list-files.ts';
import { pageFile } from '../../site/pages/site-pages.ts';
import type { BuildContext } from '../build-context.ts';
import type { WrittenCards } from '../cards/write-cards.ts';
import type { WrittenDataset } from '../dataset/write-dataset.ts';
import { DATASET_FILE } from '../../site/formats/archive-dataset.ts';
import type { PagePlan } from '../plan/plan-pages.ts';
import { IN_SEARCH_BUNDLE } from '../search/search-bundles.ts';
import type { WrittenSearch } from '../search/write-search.ts';

/** What a build changed in the last one's folder. */
export interface Changes {
  /** The last build's files known to be exactly as it recorded them, which stay. */
  readonly unchanged: ReadonlySet<string>;
  /** The last build's files that no longer belong (relative paths). */
  readonly stale: readonly string[];
  /** The files written into `context.into`, new or replacing the last build's. */
  readonly written: readonly string[];
}

/** What this build changed, given its pages, cards, search bundles and download. */
export async function compareBuilds(
  context: BuildContext,
  pages: PagePlan,
  cards: WrittenCards,
  search: WrittenSearch,
  dataset: Pick<WrittenDataset, 'reused'>,
): Promise<Changes> {
  const unchanged = new Set([...[...pages.reused].map(pageFile), ...cards.reused, ...(dataset.reused ? [DATASET_FILE] : [])]);
  if (!context.last) return { unchanged, stale: [], written: [] };
  const written = await listFiles(context.into);
  const writtenHere = new Set(written);
  const pageFiles = new Set([...pages.fingerprints.keys()].map(pageFile));
  const keptBundles = new Set(search.kept);
  const belongs = (path: string) =>
    writtenHere.has(path) ||
    pageFiles.has(path) ||
    path === DATASET_FILE ||
    Object.hasOwn(cards.hashes, path) ||
    keptBundles.has(IN_SEARCH_BUNDLE.exec(path)?.[0] ?? '');
  const stale = Object.keys(context.last.record.files).filter((path) => !belongs(path));
  return { unchanged, stale, written };
}
