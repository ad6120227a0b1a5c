/**
 * Several search bundles searched as one, as if they were one index. The first bundle's
 * Pagefind loads the others with `mergeIndex`; each bundle carries a synthetic filter naming
 * it (Pagefind's `mergeFilter`), so each can be asked on its own. Left to itself, a merged
 * search differs from one index in three ways, and each is put right here:
 *
 * 1. Ranking. Each bundle scores by its own word statistics, so a word a little rarer in one
 *    bundle lifts all of that bundle's results above the others'. Scores are rescaled to the
 *    statistics of the whole archive: each bundle's by the ratio of the query words' inverse
 *    document frequencies over all bundles to those in the bundle (exact for one word).
 * 2. Words a bundle lacks. Pagefind matches a word it cannot find by its longest known prefix
 *    (`scalesim` by `scale`), and skips a word with no match at all; one index does that only
 *    for words it has nowhere. A bundle without a query word that another bundle has is left out.
 * 3. Sorting. Pagefind scores a sorted result by its place within its own bundle, so merging
 *    by score interleaves bundles. Bundles hold consecutive runs of days
 *    (src/build/search/plan-search-bundles.ts), so the order by date across them is each
 *    bundle's own order, one bundle after the other.
 *
 * Filter counts are added up over the bundles that remain. A search thus asks every bundle on its own
 * (each scores only its own pages), and each word new to this page is counted three ways in
 * every bundle, by searches given a filter no page has: Pagefind then counts the matching pages
 * per bundle without scoring any. One bundle is searched as Pagefind searches it.
 */
import type { FilterCounts, PagefindApi, PagefindHit, SearchOptions, SearchResponse } from './pagefind-api.ts';

/** The part of Pagefind's module that opening several bundles uses. */
export interface PagefindModule {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(indexPath: string, options: Record<string, unknown>): Promise<void>;
  filters(): Promise<FilterCounts>;
  search(query: string | null, options: SearchOptions): Promise<(SearchResponse & { totalFilters: FilterCounts }) | null>;
}

/** A bundle to open: where Pagefind fetches it (ending in `/`), and how many papers it holds. */
export interface BundleToOpen {
  readonly path: string;
  readonly papers: number;
}

/** How to open the bundles. */
export interface OpenBundlesOptions {
  /** Options given before `init()` (Pagefind takes one such call; later ones replace it). */
  readonly beforeInit?: Record<string, unknown>;
  /** Options given after `init()`, and to every merged bundle. */
  readonly afterInit?: Record<string, unknown>;
}

/** The synthetic filter naming each bundle by its position (`0`, `1`…): not a name any taxonomy or `year` can have. */
export const BUNDLE_FILTER = '_bundle';

/** A value of the bundle filter that no page has. */
const NO_PAGE = { [BUNDLE_FILTER]: { any: ['none'] } };

/** Pagefind's test for an exact-phrase query, which it answers without word statistics. */
const EXACT_PHRASE = /^\s*".+"\s*$/;

/**
 * Starts `pagefind`, the module of the first of `bundles`, with the others merged in: the API
 * the search page uses. With one bundle, that is Pagefind's own.
 */
export async function openBundles(
  pagefind: PagefindModule,
  bundles: readonly BundleToOpen[],
  options: OpenBundlesOptions = {},
): Promise<PagefindApi> {
  const { beforeInit = {}, afterInit = {} } = options;
  const several = bundles.length > 1;
  await pagefind.options(several ? { ...beforeInit, mergeFilter: { [BUNDLE_FILTER]: '0' } } : beforeInit);
  await pagefind.init();
  if (Object.keys(afterInit).length > 0) await pagefind.options(afterInit);
  if (!several) return pagefind;
  await Promise.all(
    bundles
      .slice(1)
      .map((bundle, index) => pagefind.mergeIndex(bundle.path, { ...afterInit, mergeFilter: { [BUNDLE_FILTER]: String(index + 1) } })),
  );
  return bundledApi(
    pagefind,
    bundles.map((bundle) => bundle.papers),
  );
}

/** `counts` without the synthetic bundle filter. */
function withoutBundles(counts: FilterCounts): FilterCounts {
  const { [BUNDLE_FILTER]: _bundles, ...rest } = counts;
  return rest;
}

/** Adds up filter counts, value by value. */
function addCounts(all: readonly FilterCounts[]): FilterCounts {
  const sum: Record<string, Record<string, number>> = {};
  for (const counts of all) {
    for (const [name, values] of Object.entries(counts)) {
      const into = (sum[name] ??= {});
      for (const [value, count] of Object.entries(values)) into[value] = (into[value] ?? 0) + count;
    }
  }
  return sum;
}

/** Pagefind's inverse document frequency of a word on `pages` of `total` pages. */
function idf(total: number, pages: number): number {
  return Math.log((total - pages + 0.5) / (pages + 0.5) + 1);
}

/** How one query word occurs in each bundle, in pages. */
interface WordCounts {
  /** Pages matching the word as Pagefind searches it: words it begins, else its longest known prefix. */
  readonly matching: number[];
  /** Pages holding the word itself. */
  readonly exact: number[];
  /** Pages matching the word with a tail no word has: that is, its longest known prefix. */
  readonly prefix: number[];
}

/** A tail no word in any language has, to make Pagefind look up a word's longest known prefix. */
const NO_WORD_TAIL = 'qxzqjxzq';

/**
 * True when a bundle has the word only through a stand-in: not the word itself, and nothing
 * that begins with it — so Pagefind matched the same prefix it matches for the word with a
 * tail no word has.
 */
function standsIn(word: WordCounts, index: number): boolean {
  return word.exact[index] === 0 && word.matching[index] === word.prefix[index];
}

/** The search API over merged bundles of `sizes` papers each. */
function bundledApi(pagefind: PagefindModule, sizes: readonly number[]): PagefindApi {
  const bundles = sizes.map((_, index) => index);
  const total = sizes.reduce((sum, size) => sum + size, 0);

  /** Pages per bundle a search counted before filtering; null when the query held no word. */
  const perBundle = (response: { totalFilters: FilterCounts } | null): number[] | null => {
    const counts = response?.totalFilters[BUNDLE_FILTER];
    return counts ? bundles.map((index) => counts[String(index)] ?? 0) : null;
  };

  /** A word counted in every bundle; null when Pagefind finds no word in it (punctuation alone). */
  const countWord = async (word: string): Promise<WordCounts | null> => {
    const forms = [word, `"${word}"`, `${word}${NO_WORD_TAIL}`];
    const [matching, exact, prefix] = (await Promise.all(forms.map((form) => pagefind.search(form, { filters: NO_PAGE })))).map(perBundle);
    return matching && exact && prefix ? { matching, exact, prefix } : null;
  };
  // Counts do not depend on filters or order, and a reader typing a query searches its first words again and again.
  const counted = new Map<string, Promise<WordCounts | null>>();

  /** Each word of `query` (split as Pagefind splits it), counted in every bundle. */
  const countWords = async (query: string): Promise<WordCounts[]> => {
    const words = query
      .trim()
      .split(/\s+/)
      .filter((word) => word !== '');
    const counts = await Promise.all(
      words.map((word) => {
        let count = counted.get(word);
        if (!count) {
          count = countWord(word);
          counted.set(word, count);
          // A failed count (an index file that did not load) is asked again next time.
          count.catch(() => counted.delete(word));
        }
        return count;
      }),
    );
    return counts.filter((word): word is WordCounts => word !== null);
  };

  return {
    options: (options) => pagefind.options(options),
    init: () => pagefind.init(),
    filters: async () => withoutBundles(await pagefind.filters()),
    async search(query, options) {
      const { filters = {}, sort } = options;
      const direction = sort ? Object.values(sort)[0] : undefined;
      const [answers, words] = await Promise.all([
        Promise.all(
          bundles.map((index) =>
            pagefind.search(query, { ...(direction ? { sort } : {}), filters: { ...filters, [BUNDLE_FILTER]: { any: [String(index)] } } }),
          ),
        ),
        query === null || EXACT_PHRASE.test(query) ? [] : countWords(query),
      ]);
      const answered = answers.flatMap((answer) => (answer ? [answer] : []));
      if (answered.length < answers.length) return null;

      // 2. A bundle that has a word only through a stand-in, while another has it, is left out.
      const kept = bundles.filter(
        (index) => !words.some((word) => standsIn(word, index) && bundles.some((other) => !standsIn(word, other))),
      );

      // 1. Each remaining bundle's scores, rescaled from its word statistics to the whole archive's.
      const globalIdf = words.reduce(
        (sum, word) =>
          sum +
          idf(
            total,
            kept.reduce((pages, index) => pages + word.matching[index]!, 0),
          ),
        0,
      );
      const scale = (index: number) => {
        const local = words.reduce((sum, word) => sum + idf(sizes[index]!, word.matching[index]!), 0);
        return local > 0 ? globalIdf / local : 1;
      };

      let results: PagefindHit[];
      if (direction) {
        // 3. Sorted: bundle after bundle, oldest first for ascending, newest first for descending.
        results = (direction === 'asc' ? kept : [...kept].reverse()).flatMap((index) => answered[index]!.results);
      } else {
        results = kept
          .flatMap((index) => {
            const factor = scale(index);
            return answered[index]!.results.map((hit) => ({ hit, score: hit.score * factor }));
          })
          .sort((a, b) => b.score - a.score)
          .map(({ hit }) => hit);
      }
      return { results, filters: withoutBundles(addCounts(kept.map((index) => answered[index]!.filters))) };
    },
  };
}
