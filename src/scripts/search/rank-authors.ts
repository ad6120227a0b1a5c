/**
 * Which authors of the author index a query finds, and in what order. Pure: the search page
 * runs it over the files it fetched (src/scripts/search/author-search.ts).
 */
import { nameWords, type AuthorEntry } from '../../build/search/author-shards.ts';
import { foldForMatch } from '../../ingest/merge/identity-key.ts';

/** An author a search found. */
export interface FoundAuthor {
  readonly name: string;
  readonly slug: string;
  /** Their number of papers in the archive. */
  readonly papers: number;
}

/** How well a name answers the query: its whole name typed, then more words typed whole, then more papers. */
interface Ranked {
  readonly author: FoundAuthor;
  readonly whole: boolean;
  readonly exact: number;
  readonly sortName: string;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A name's words, folded, each as often as it comes, sorted (the order typed does not matter): `Liu Liu` is two words, so "liu" is not all of it. */
const allWords = (text: string): string => foldForMatch(text).split(' ').sort().join(' ');

/**
 * The authors among `entries` (each listed once, however many files held them) that have, for
 * every word of `query` (folded as `nameWords` folds them), a word of their name beginning with
 * it: "liu" finds Yang Liu and Liu Yang (and Liuba Petrova); "yang liu" finds both of the first;
 * "jose" finds José García. Best first: those whose name is exactly the words typed, in any
 * order; then those with more of the words typed whole; then those with more papers; then by name.
 */
export function rankAuthors(query: string, entries: readonly AuthorEntry[]): FoundAuthor[] {
  const words = nameWords(query);
  if (words.length === 0) return [];
  const typed = allWords(query);
  const seen = new Set<string>();
  const ranked: Ranked[] = [];
  for (const [name, slug, papers] of entries) {
    if (seen.has(slug)) continue;
    seen.add(slug);
    const own = nameWords(name);
    if (!words.every((word) => own.some((part) => part.startsWith(word)))) continue;
    const exact = words.filter((word) => own.includes(word)).length;
    ranked.push({
      author: { name, slug, papers },
      whole: allWords(name) === typed,
      exact,
      sortName: own.join(' '),
    });
  }
  return ranked
    .sort(
      (a, b) =>
        Number(b.whole) - Number(a.whole) ||
        b.exact - a.exact ||
        b.author.papers - a.author.papers ||
        compare(a.sortName, b.sortName) ||
        compare(a.author.slug, b.author.slug),
    )
    .map((entry) => entry.author);
}
