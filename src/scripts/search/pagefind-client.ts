/**
 * The one door to the search engine. Everything else in the search UI talks to this
 * interface, so another way of loading Pagefind (from disk, for a portable archive) only
 * has to provide a different `loadPagefind`.
 */
import type { SearchBundle } from '../../build/search/search-bundles.ts';
import { openBundles, type PagefindModule } from './open-bundles.ts';
import type { PagefindApi } from './pagefind-api.ts';

export type { FilterCounts, PagefindApi, PagefindHit, SearchOptions, SearchResponse } from './pagefind-api.ts';

/**
 * A way of loading Pagefind: given the site's root (`/`, or `../` on a page opened from disk)
 * and the search bundles under it (`pagefind/`, `pagefind-2/`…, first bundle first), the ready
 * API over all of them.
 */
export type LoadPagefind = (base: string, bundles: readonly SearchBundle[]) => Promise<PagefindApi>;

/** Loads Pagefind from the site's first bundle under `base`, with the other bundles merged in, as the hosted site does. */
export const loadPagefind: LoadPagefind = async (base, bundles) => {
  const first = bundles[0]?.folder ?? 'pagefind/';
  const pagefind = (await import(/* @vite-ignore */ `${base}${first}pagefind.js`)) as PagefindModule;
  const baseUrl = { baseUrl: base };
  return openBundles(
    pagefind,
    bundles.map((bundle) => ({ path: `${base}${bundle.folder}`, papers: bundle.papers })),
    // Searching in a web worker costs every first search one more download, Pagefind's worker
    // script; a search over the few index files a query needs is quick enough on the page
    // itself, as every Pagefind search was before 1.5 (and as it is from disk).
    { beforeInit: { ...baseUrl, noWorker: true }, afterInit: bundles.length > 1 ? baseUrl : {} },
  );
};
