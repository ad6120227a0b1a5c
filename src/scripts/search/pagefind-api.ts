/** The part of Pagefind's browser API the search page uses, as types. */

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
