/**
 * The author index, `search-authors/`: every author with a page (src/site/archive/authors.ts),
 * found by how the words of their name begin. It is not a Pagefind bundle. Pagefind's metadata
 * names every page of a bundle and is loaded whole before the first search: about 60 KB more
 * for 12,000 authors, on every reader's first search. Here the names are cut into small files,
 * one per beginning of a word (`li` holds Li, Lin, Yang Liu…), and a search fetches only the
 * file, or the few files, of its longest word (docs/benchmarks.md). A file with too many
 * authors is cut again by one more letter, so files stay small as the archive grows.
 *
 * Pure, and shared by the build (src/build/search/write-author-index.ts) and the search page
 * (src/scripts/search/author-search.ts), so the two agree on every name and rule.
 */
import { foldForMatch } from '../../ingest/merge/identity-key.ts';

/** The author index's folder under the site root. */
export const AUTHOR_INDEX = 'search-authors/';

/** The file in `AUTHOR_INDEX` that lists the others (`AuthorManifest`). */
export const AUTHOR_MANIFEST = 'authors.json';

/** An author as the index holds them: the name their page shows, the page's slug, their number of papers. */
export type AuthorEntry = readonly [name: string, slug: string, papers: number];

/** What `authors.json` holds: the version in every file's name, and the beginning of words each file is for. */
export interface AuthorManifest {
  /** A hash of all the files: a new build with other authors gives every file a new name. */
  readonly version: string;
  /** Sorted. No key begins another unless the shorter is a whole word (see `shardAuthors`). */
  readonly keys: readonly string[];
}

/** Letters of a word a file is keyed by, at first. */
const KEY_LETTERS = 2;

/** Authors a file holds before it is cut by one more letter: at most 23 KB, 7 KB gzipped, at 12,000 authors. */
export const SHARD_AUTHORS = 800;

/**
 * Files one search may fetch. A word so short that its authors fill more files than this (a
 * single letter) finds no authors: it names too many to show anyway.
 */
export const MAX_SHARDS = 12;

/**
 * The words of a name or a query as the index compares them: folded as the archive sorts
 * authors (accents and case dropped, `José` → `jose`), split at anything but a letter or a
 * digit, each once.
 */
export function nameWords(text: string): string[] {
  const folded = foldForMatch(text);
  return folded === '' ? [] : [...new Set(folded.split(' '))];
}

/** The path of an author's page under the site root, as src/site/pages/author-pages.ts makes it. */
export const authorPath = (slug: string): string => `authors/${slug}/`;

/**
 * The name of the file for `key` in the index of `version`, inside `AUTHOR_INDEX`: the key as
 * it is when it is plain ASCII (`li.3f9a….json`), else its code points in hex (`u-738b-4f1f.…`),
 * so that no server or file system has to agree on how to spell other letters.
 */
export function shardFile(key: string, version: string): string {
  const name = /^[a-z0-9]+$/.test(key) ? key : `u-${[...key].map((letter) => letter.codePointAt(0)!.toString(16)).join('-')}`;
  return `${name}.${version}.json`;
}

/** A word of an author's name, as code points, with the author. */
interface Placed {
  readonly letters: readonly string[];
  readonly entry: AuthorEntry;
}

/**
 * The files of the index: `entries` by the beginning of each word of their names, first its
 * `KEY_LETTERS` letters (or the whole word, when shorter). A file of more than `limit` authors
 * is cut by one more letter; the words no longer than its key (`li` itself) stay in it. So the
 * file of a word is the one of the longest key it begins with. Each file lists its authors once,
 * in the order of `entries`. Keys are in code-point order.
 */
export function shardAuthors(entries: readonly AuthorEntry[], limit = SHARD_AUTHORS): Map<string, AuthorEntry[]> {
  const shards = new Map<string, AuthorEntry[]>();
  const place = (items: readonly Placed[], length: number) => {
    const groups = new Map<string, Placed[]>();
    for (const item of items) {
      const key = item.letters.slice(0, length).join('');
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
    for (const [key, group] of groups) {
      const authors = [...new Set(group.map((item) => item.entry))];
      const longer = group.filter((item) => item.letters.length > length);
      if (authors.length <= limit || longer.length === 0) {
        shards.set(key, authors);
        continue;
      }
      const whole = group.filter((item) => item.letters.length <= length);
      if (whole.length > 0) shards.set(key, [...new Set(whole.map((item) => item.entry))]);
      place(longer, length + 1);
    }
  };
  place(
    entries.flatMap((entry) => nameWords(entry[0]).map((word) => ({ letters: [...word], entry }))),
    KEY_LETTERS,
  );
  // Grouping kept each file in the order of `entries`; a set of placed words may have visited them out of order.
  const order = new Map(entries.map((entry, index) => [entry, index]));
  const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return new Map(
    [...shards]
      .sort(([a], [b]) => byKey(a, b))
      .map(([key, authors]) => [key, authors.sort((a, b) => order.get(a)! - order.get(b)!)] as const),
  );
}

/**
 * The keys of the files that hold every author with a word beginning with `word`: every key
 * that begins with `word` (the files a short word's authors were cut into), and the longest key
 * `word` begins with — unless `word` is a key itself: then the longer words went to files of
 * their own, and that one holds none of them.
 */
export function shardsFor(word: string, keys: readonly string[]): string[] {
  const within = keys.filter((key) => key.startsWith(word));
  if (keys.includes(word)) return within;
  const holding = keys
    .filter((key) => word.startsWith(key))
    .reduce<string | null>((longest, key) => (longest === null || key.length > longest.length ? key : longest), null);
  return holding === null ? within : [holding, ...within];
}
