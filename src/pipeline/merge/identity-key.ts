import type { Entry } from '../../schema/paper.ts';

/** Invisible characters that must not make two titles differ: zero-width spaces and joiners, soft hyphen, BOM, bidi controls. */
const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** Folds text for comparison: NFKD without marks, invisible characters dropped, lowercase ASCII words. */
export function foldForMatch(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The key under which two entries count as the same paper: the arXiv id when known, else the
 * folded title plus the first author's folded last name (titles alone collide too often).
 */
export function identityKey(entry: Pick<Entry, 'id' | 'title' | 'authors'>): string {
  if (entry.id) return `arxiv:${entry.id}`;
  const lastName = foldForMatch(entry.authors[0] ?? '').split(' ').at(-1) ?? '';
  return `title:${foldForMatch(entry.title)}|${lastName}`;
}
