/**
 * Which papers go into which search bundle. Papers are taken oldest first (by day, then slug)
 * and cut into consecutive runs of `bundleSize`, so a new day's papers land in the last bundle
 * (or a new one) and every earlier bundle keeps exactly its records: an incremental build
 * re-indexes only the last. Pure.
 */
import type { Archive } from '../../site/archive/build-archive.ts';
import type { Paper } from '../../schema/paper.ts';
import { searchBundles } from './search-bundles.ts';
import { searchRecord, type SearchRecord } from './search-record.ts';

/** One bundle to write: its folder under the site root and its records, oldest first. */
export interface SearchBundlePlan {
  /** `pagefind/`, `pagefind-2/`… */
  readonly bundle: string;
  readonly records: SearchRecord[];
}

/** Every paper of the archive, oldest first: those listed on no day by publication date, then by day; then by slug. */
export function chronologicalPapers(archive: Archive): Paper[] {
  const bySlug = (a: Paper, b: Paper) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
  const byPublication = (a: Paper, b: Paper) => (a.published! < b.published! ? -1 : a.published! > b.published! ? 1 : bySlug(a, b));
  // `days` is newest first; within a day the listing order is by upvotes, which may change.
  return [...archive.unlisted.toSorted(byPublication), ...archive.days.toReversed().flatMap((day) => day.papers.toSorted(bySlug))];
}

/**
 * The bundles of `archive`, `bundleSize` papers each (the last may hold fewer). `notes` gives
 * the notes text of the papers that have notes, by slug. An empty archive still has one
 * (empty) bundle, so the search page always finds `pagefind/`.
 */
export function planSearchBundles(
  archive: Archive,
  bundleSize: number,
  notes: ReadonlyMap<string, string> = new Map(),
): SearchBundlePlan[] {
  const papers = chronologicalPapers(archive);
  return searchBundles(papers.length, bundleSize).map(({ folder }, index) => ({
    bundle: folder,
    records: papers.slice(index * bundleSize, (index + 1) * bundleSize).map((paper) => searchRecord(paper, archive, notes.get(paper.slug))),
  }));
}
