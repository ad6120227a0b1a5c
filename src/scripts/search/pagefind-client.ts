/**
 * The one door to the search engine. Everything else in the search UI talks to this
 * interface, so another way of loading Pagefind (from disk, for a portable archive) only
 * has to provide a different `loadPagefind`.
 */
import type { SearchBundle } from '../../build/search/search-bundles.ts';
import { openBundles, type PagefindModule } from './open-bundles.ts';

/** A filter's values with how many results carry each. */
export type FilterCounts = Record<string, Record<string, number>>;

/** One search hit; its data is fetched only when shown. */
export interface PagefindHit {
  readonly id: string;
  /** How well the page matches; higher is better. */
  readonly score: number;
  data(): Promise<{
    url: string;
    /** The page's indexed text, plain (not HTML). */
    content: string;
    /** Word indices of the matches in `content`. */
    locations: number[];
    meta: Record<string, string | undefined>;
  }>;
}

/** What a search asks for besides the words: filter values (any of each), and an order. */
export interface SearchOptions {
  filters?: Record<string, { any: readonly string[] }>;
  sort?: Record<string, 'asc' | 'desc'>;
}

/** A search's answer: the hits, best (or first in the asked order) first, and per filter value how many of them carry it. */
export interface SearchResponse {
  results: PagefindHit[];
  filters: FilterCounts;
}

/** The part of Pagefind's API the search page uses. */
export interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  /** Every filter value with the number of papers carrying it. */
  filters(): Promise<FilterCounts>;
  /** `query` null searches by filters alone. Null when a newer search overtook this one. */
  search(query: string | null, options: SearchOptions): Promise<SearchResponse | null>;
}

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
    // Searching in a web worker costs every first search Pagefind's 12 KB (gzip) worker script,
    // a tenth of what it downloads; a search over the few chunks a query needs is quick enough on
    // the page itself, as every Pagefind search was before 1.5 (and as it is from disk).
    { beforeInit: { ...baseUrl, noWorker: true }, afterInit: bundles.length > 1 ? baseUrl : {} },
  );
};
