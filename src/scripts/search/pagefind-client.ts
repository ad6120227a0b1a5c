/**
 * The one door to the search engine. Everything else in the search UI talks to this
 * interface, so another way of loading Pagefind (from disk, for a portable archive) only
 * has to provide a different `loadPagefind`.
 */

/** A filter's values with how many results carry each. */
export type FilterCounts = Record<string, Record<string, number>>;

/** One search hit; its data is fetched only when shown. */
export interface PagefindHit {
  readonly id: string;
  data(): Promise<{
    url: string;
    /** The page's indexed text, plain (not HTML). */
    content: string;
    /** Word indices of the matches in `content`. */
    locations: number[];
    meta: Record<string, string | undefined>;
  }>;
}

/** The part of Pagefind's API the search page uses. */
export interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<FilterCounts>;
  search(
    query: string | null,
    options: { filters?: Record<string, { any: readonly string[] }>; sort?: Record<string, 'asc' | 'desc'> },
  ): Promise<{ results: PagefindHit[]; filters: FilterCounts; totalFilters: FilterCounts } | null>;
  debouncedSearch?: unknown;
}

/** A way of loading Pagefind: given the site's root (`/`, or `../` on a page opened from disk), the ready API. */
export type LoadPagefind = (base: string) => Promise<PagefindApi>;

/** Loads Pagefind from the site's `pagefind/` folder under `base`, as the hosted site does. */
export async function loadPagefind(base: string): Promise<PagefindApi> {
  const url = `${base}pagefind/pagefind.js`;
  const pagefind = (await import(/* @vite-ignore */ url)) as PagefindApi;
  await pagefind.options({ baseUrl: base });
  await pagefind.init();
  return pagefind;
}
