/**
 * The search page's search of authors, over the author index (src/build/search/author-shards.ts)
 * beside the papers' search bundles: the manifest once, then for each query the files of its
 * longest word, each file once. Everything goes through `fetch`, which a portable archive
 * answers from disk (src/portable/runtime/install-fetch-shim.ts).
 */
import {
  AUTHOR_INDEX,
  AUTHOR_MANIFEST,
  MAX_SHARDS,
  nameWords,
  shardFile,
  shardsFor,
  type AuthorEntry,
  type AuthorManifest,
} from '../../build/search/author-shards.ts';
import { rankAuthors, type FoundAuthor } from './rank-authors.ts';

export type { FoundAuthor } from './rank-authors.ts';

/** The authors of an archive, searched by name. */
export interface AuthorSearch {
  /**
   * Every author with a name word beginning with each word of `query`, best first
   * (`rankAuthors`). None when the query has no word long enough to pick a few files by, or
   * when the index did not load: a search of papers never fails because of the authors.
   */
  search(query: string): Promise<FoundAuthor[]>;
}

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} fetching ${url}`);
  return response.json();
}

/** The author index under `base` (the site root: `/`, or `../` on a page opened from disk). */
export function openAuthorIndex(base: string): AuthorSearch {
  const folder = `${base}${AUTHOR_INDEX}`;
  let manifest: Promise<AuthorManifest> | null = null;
  const shards = new Map<string, Promise<AuthorEntry[]>>();
  // Whatever failed to load is asked for again by the next search.
  const loadManifest = (): Promise<AuthorManifest> => {
    // The manifest's name never changes, so, like Pagefind's entry file, it is asked for past
    // any cache: a new build's manifest must not meet the last build's files.
    manifest ??= (fetchJson(`${folder}${AUTHOR_MANIFEST}?ts=${Date.now()}`) as Promise<AuthorManifest>).catch((error: unknown) => {
      manifest = null;
      throw error;
    });
    return manifest;
  };
  const loadShard = (key: string, version: string): Promise<AuthorEntry[]> => {
    let shard = shards.get(key);
    if (!shard) {
      shard = fetchJson(`${folder}${shardFile(key, version)}`) as Promise<AuthorEntry[]>;
      shards.set(key, shard);
      shard.catch(() => shards.delete(key));
    }
    return shard;
  };

  return {
    async search(query) {
      const words = nameWords(query);
      // The longest word narrows the names down most; the others are checked against what it found.
      const longest = words.reduce<string | null>(
        (best, word) => (best === null || [...word].length > [...best].length ? word : best),
        null,
      );
      if (longest === null) return [];
      try {
        const { version, keys } = await loadManifest();
        const needed = shardsFor(longest, keys);
        if (needed.length === 0 || needed.length > MAX_SHARDS) return [];
        const entries = await Promise.all(needed.map((key) => loadShard(key, version)));
        return rankAuthors(query, entries.flat());
      } catch {
        return [];
      }
    },
  };
}
