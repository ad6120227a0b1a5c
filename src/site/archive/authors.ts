/**
 * The archive's authors, found by name alone. Two spellings are one author only when they are
 * the same text after Unicode NFC and whitespace normalisation: "J. Devlin" is not taken for
 * "Jacob Devlin", and two people who share a name share a page (the page says so). Guessing
 * would merge strangers silently, which a reader cannot see or undo. Pure and linear in the
 * number of author names.
 */
import { createHash } from 'node:crypto';
import type { Paper } from '../../schema/paper.ts';
import { isWindowsDevice } from '../../schema/reserved-names.ts';
import { slugifyTitle } from '../../ingest/enrich/make-slugs.ts';
import { foldForMatch } from '../../ingest/merge/identity-key.ts';
import { sortDate } from '../paper-dates.ts';

/** An author with a page: a name on at least `AUTHOR_PAGE_PAPERS` papers. */
export interface Author {
  /** The name as normalised (`normalizeAuthorName`). */
  readonly name: string;
  readonly slug: string;
  /** Newest first, in the archive's order. */
  readonly papers: Paper[];
}

/** Papers a name needs for a page of its own: one paper's authors are on its own page already. */
export const AUTHOR_PAGE_PAPERS = 2;

/** A name as authors are matched: NFC, runs of white space (any Unicode space) as one space, trimmed. */
export const normalizeAuthorName = (name: string): string => name.normalize('NFC').replace(/\s+/gu, ' ').trim();

/** The letter an author is listed under in the index: the name's first letter, folded (`É` → `e`), else `other`. */
export function authorLetter(name: string): string {
  const first = foldForMatch(name).charAt(0);
  return /^[a-z]$/.test(first) ? first : 'other';
}

/** The address below /authors/ the index's letter pages are under (`authors/letters/a/`): no author page may take it. */
const isIndexSlug = (slug: string): boolean => slug === 'letters';

const hashOf = (name: string, length: number): string => createHash('sha256').update(name).digest('hex').slice(0, length);

/** The slug a name would like: its readable ASCII form, else (a name in a script that folds to nothing) `author-<hash>`. */
function preferredSlug(name: string): string {
  const readable = slugifyTitle(name);
  if (!readable) return `author-${hashOf(name, 8)}`;
  return isIndexSlug(readable) || isWindowsDevice(readable) ? `${readable}-${hashOf(name, 6)}` : readable;
}

/** The authors with pages, and every name's slug when it has one. */
export interface AuthorIndex {
  /** By folded name, then name. */
  readonly authors: Author[];
  readonly bySlug: ReadonlyMap<string, Author>;
  /** Normalised name → slug, for names with a page. */
  readonly slugOfName: ReadonlyMap<string, string>;
}

/**
 * Every name on at least two of `papers` (newest first), with a unique slug. Names whose slugs
 * collide ("José García", "Jose Garcia") are told apart by a hash of the name, all but the one
 * seen first in the archive (its oldest paper), so an author keeps their address as new days
 * come in.
 */
export function indexAuthors(papers: readonly Paper[]): AuthorIndex {
  const papersOf = new Map<string, Paper[]>();
  for (const paper of papers) {
    for (const name of new Set(paper.authors.map(normalizeAuthorName))) {
      // A "name" without a letter (`:`, `1`) is debris of a source's author list, not a person.
      if (!/\p{L}/u.test(name)) continue;
      const list = papersOf.get(name);
      if (list) list.push(paper);
      else papersOf.set(name, [paper]);
    }
  }
  const byPreferred = new Map<string, { name: string; papers: Paper[] }[]>();
  for (const [name, list] of papersOf) {
    if (list.length < AUTHOR_PAGE_PAPERS) continue;
    const slug = preferredSlug(name);
    const group = byPreferred.get(slug);
    if (group) group.push({ name, papers: list });
    else byPreferred.set(slug, [{ name, papers: list }]);
  }
  const authors: Author[] = [];
  const taken = new Set(byPreferred.keys());
  for (const [slug, group] of byPreferred) {
    if (group.length === 1) {
      authors.push({ name: group[0]!.name, slug, papers: group[0]!.papers });
      continue;
    }
    const firstSeen = (entry: { papers: Paper[] }) => sortDate(entry.papers.at(-1)!);
    group.sort((a, b) => (firstSeen(a) < firstSeen(b) ? -1 : firstSeen(a) > firstSeen(b) ? 1 : a.name < b.name ? -1 : 1));
    group.forEach((entry, index) => {
      let own = slug;
      for (let length = 6; index > 0 && (own === slug || taken.has(own)); length += 2) own = `${slug}-${hashOf(entry.name, length)}`;
      taken.add(own);
      authors.push({ name: entry.name, slug: own, papers: entry.papers });
    });
  }
  const sortKey = new Map(authors.map((author) => [author, foldForMatch(author.name)]));
  // Folded names are lowercase ASCII letters, digits and spaces (or empty): code-unit order is alphabetical.
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  authors.sort((a, b) => compare(sortKey.get(a)!, sortKey.get(b)!) || compare(a.name, b.name));
  return {
    authors,
    bySlug: new Map(authors.map((author) => [author.slug, author])),
    slugOfName: new Map(authors.map((author) => [author.name, author.slug])),
  };
}
