/**
 * The search index comes in bundles of at most `searchBundleSize` papers each (src/settings/settings.ts) — `pagefind/`,
 * `pagefind-2/`, `pagefind-3/`… — which the search page loads as one (the first bundle, with
 * the others merged into it). The names follow from the number of papers alone, so the page
 * that loads them and the step that writes them agree without reading each other's output.
 * Pure; shared by the build and the search page.
 */

/** Papers per bundle, by default: five bundles, five Pagefind runs, for an archive of 100,000. */
export const SEARCH_BUNDLE_SIZE = 20_000;

/** The folder of bundle `index` (0-based) under the site root: `pagefind/`, then `pagefind-2/`, `pagefind-3/`… */
export function bundleName(index: number): string {
  return index === 0 ? 'pagefind/' : `pagefind-${index + 1}/`;
}

/**
 * Up to this many bytes of index files (all bundles together, gzipped), the offline worker
 * caches the whole index once the reader opens the search page
 * (src/build/offline/write-offline-files.ts), so every reader who searches downloads every
 * index file; past it, a reader downloads only the index files their searches use.
 */
export const WHOLE_INDEX_BYTES = 2 * 1024 * 1024;

/**
 * A path under the site root inside a search bundle (`pagefind/pagefind.js`, `pagefind-2/index/…`)
 * or the author index (`search-authors/…`, src/build/search/author-shards.ts), or one of those
 * folders itself (`pagefind-2/`). Their files are served, cached, kept and made portable alike.
 */
export const IN_SEARCH_BUNDLE = /^(?:pagefind(?:-[1-9]\d*)?|search-authors)\//;

/** One search bundle: its folder under the site root and how many papers it holds. */
export interface SearchBundle {
  /** `pagefind/`, `pagefind-2/`… */
  readonly folder: string;
  readonly papers: number;
}

/**
 * The bundles of an archive of `paperCount` papers, `bundleSize` papers each (the last holds the
 * rest): always at least `pagefind/`, even when empty. The search page needs the sizes to
 * rank across bundles as one index would.
 */
export function searchBundles(paperCount: number, bundleSize: number): SearchBundle[] {
  const count = Math.max(1, Math.ceil(paperCount / bundleSize));
  return Array.from({ length: count }, (_, index) => ({
    folder: bundleName(index),
    papers: Math.max(0, Math.min(bundleSize, paperCount - index * bundleSize)),
  }));
}
