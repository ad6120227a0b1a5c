import type { Entry } from '../../schema/paper.ts';

/** Invisible characters that must not make two titles differ: zero-width spaces and joiners, soft hyphen, BOM, bidi controls. */
const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** Folds text for comparison: NFKD without marks, invisible characters dropped, lowercase words. */
export function foldForMatch(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The folded last name of the first author, or '' when there are no authors. */
export function firstAuthorKey(authors: readonly string[]): string {
  return (
    foldForMatch(authors[0] ?? '')
      .split(' ')
      .at(-1) ?? ''
  );
}

/**
 * The key a paper is known by across runs: its arXiv id, else its DOI, else its folded title
 * plus the first author's folded last name. Slugs and notes follow this key.
 */
export function identityKey(entry: Pick<Entry, 'id' | 'doi' | 'title' | 'authors'>): string {
  if (entry.id) return `arxiv:${entry.id}`;
  if (entry.doi) return `doi:${entry.doi.toLowerCase()}`;
  return `title:${foldForMatch(entry.title)}|${firstAuthorKey(entry.authors)}`;
}
