/**
 * The pages of authors (src/site/archive/authors.ts): each author's own page with their newest
 * papers, co-authors and terms, their archive pages, their feeds; the index of authors by
 * letter. Pure. An author's archive pages are cut like a term's (`archivePagesOf`), so they keep
 * their papers and addresses as the archive grows, and a new day changes only the pages of the
 * authors on it.
 */
import type { Author } from '../archive/authors.ts';
import { authorLetter, normalizeAuthorName } from '../archive/authors.ts';
import type { Archive } from '../archive/build-archive.ts';
import type { SitemapEntry } from '../formats/sitemap-chunks.ts';
import { sortDate } from '../paper-dates.ts';
import { DEFAULT_TITLE } from '../../settings/config-schema.ts';
import { FEED_FILES, FEED_SIZE, feedItem, isListed, type FeedFormat, type FeedProps } from './feed-pages.ts';
import { summarize, type PaperSummary, type SitePage } from './page-props.ts';
import { archivePagesOf } from './term-pages.ts';

/** Co-authors an author's page names: enough to see whom they work with, few enough to read. */
export const SHOWN_COAUTHORS = 20;
/** Terms per taxonomy an author's page names. */
export const SHOWN_TERMS = 10;
/** Authors the index names as the most prolific. */
export const PROLIFIC_AUTHORS = 50;

/** An author as a list names them: with their page and their number of papers. */
export type AuthorCount = { readonly name: string; readonly slug: string | null; readonly count: number };

/** The data of one page of an author: their own page (`archivePage` null) or an archive page. */
export type AuthorPageProps = {
  readonly author: { readonly name: string; readonly slug: string };
  /** Their papers in the archive; on the own page only, so archive pages stay put. */
  readonly total: number | null;
  /** The number of this archive page (1 = oldest), or null on the author's own page. */
  readonly archivePage: number | null;
  /** Newest first. */
  readonly papers: readonly PaperSummary[];
  readonly newer: { archivePage: number | null } | null;
  readonly older: { archivePage: number } | null;
  /** Those they wrote most papers with, most first; own page only. */
  readonly coauthors: readonly AuthorCount[] | null;
  /** The terms of their papers, per taxonomy in the archive's order, most used first; own page only. */
  readonly terms: readonly { taxonomy: string; label: string; terms: readonly { id: string; label: string; count: number }[] }[] | null;
};

/** The data of the index of the authors under one letter. */
export type AuthorLetterProps = {
  readonly letter: string;
  /** Every letter with authors, for the index's navigation. */
  readonly letters: readonly { letter: string; count: number }[];
  /** By name. */
  readonly authors: readonly AuthorCount[];
};

/** What /authors/ shows: the letters, the number of authors with pages, the most prolific. Site data. */
export type AuthorsIndexProps = {
  readonly total: number;
  readonly letters: readonly { letter: string; count: number }[];
  readonly prolific: readonly AuthorCount[];
};

/** The letters of the index in order: `a`…`z`, then `other`. */
const letterOrder = (letter: string) => (letter === 'other' ? '{' : letter);

/** The authors with pages grouped by letter, letters in order (each list stays in name order). */
function byLetter(archive: Archive): Map<string, Author[]> {
  const groups = new Map<string, Author[]>();
  for (const author of archive.authors) {
    const letter = authorLetter(author.name);
    const group = groups.get(letter);
    if (group) group.push(author);
    else groups.set(letter, [author]);
  }
  return new Map([...groups].sort(([a], [b]) => (letterOrder(a) < letterOrder(b) ? -1 : 1)));
}

const counted = (author: Author): AuthorCount => ({ name: author.name, slug: author.slug, count: author.papers.length });

/** The data of /authors/. */
export function authorsIndex(archive: Archive): AuthorsIndexProps {
  return {
    total: archive.authors.length,
    letters: [...byLetter(archive)].map(([letter, authors]) => ({ letter, count: authors.length })),
    prolific: archive.authors
      .toSorted((a, b) => b.papers.length - a.papers.length)
      .slice(0, PROLIFIC_AUTHORS)
      .map(counted),
  };
}

/** One index page per letter that has authors: `authors/letters/<letter>/`. */
export function authorLetterPages(archive: Archive): SitePage<AuthorLetterProps>[] {
  const groups = byLetter(archive);
  const letters = [...groups].map(([letter, authors]) => ({ letter, count: authors.length }));
  return [...groups].map(([letter, authors]) => ({
    path: `authors/letters/${letter}/`,
    params: { letter },
    props: { letter, letters, authors: authors.map(counted) },
  }));
}

/** The names `author` wrote with, by number of papers together. */
function coauthorsOf(archive: Archive, author: Author): AuthorCount[] {
  const together = new Map<string, number>();
  for (const paper of author.papers) {
    for (const name of new Set(paper.authors.map(normalizeAuthorName))) {
      if (name && name !== author.name) together.set(name, (together.get(name) ?? 0) + 1);
    }
  }
  return [...together]
    .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, SHOWN_COAUTHORS)
    .map(([name, count]) => ({ name, slug: archive.authorSlug(name) ?? null, count }));
}

/** The terms of `author`'s papers, per taxonomy, by number of papers. */
function termsOf(archive: Archive, author: Author): NonNullable<AuthorPageProps['terms']> {
  return archive.taxonomies.flatMap((taxonomy) => {
    const uses = new Map<string, number>();
    for (const paper of author.papers) for (const id of paper.terms[taxonomy.id] ?? []) uses.set(id, (uses.get(id) ?? 0) + 1);
    const terms = [...uses].flatMap(([id, count]) => {
      const term = archive.term(taxonomy.id, id);
      return term ? [{ id, label: term.label, count }] : [];
    });
    if (terms.length === 0) return [];
    terms.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'en'));
    return [{ taxonomy: taxonomy.id, label: taxonomy.label, terms: terms.slice(0, SHOWN_TERMS) }];
  });
}

/** An author's own page and archive pages. */
export function authorPagesOf(archive: Archive, author: Author): SitePage<AuthorPageProps>[] {
  const byPage = archivePagesOf(author);
  // As on a term's page: the own page shows the newest two byPage.
  const onOwnPage = Math.min(2, byPage.length);
  const archived = byPage.length - onOwnPage;
  const shown = { name: author.name, slug: author.slug };
  const newestFirst = (papers: readonly Author['papers'][number][]) =>
    [...papers].reverse().map((paper) => summarize(paper, archive.authorSlug));
  const own: SitePage<AuthorPageProps> = {
    path: `authors/${author.slug}/`,
    params: { author: author.slug, page: undefined },
    props: {
      author: shown,
      total: author.papers.length,
      archivePage: null,
      papers: newestFirst(byPage.slice(archived).flat()),
      newer: null,
      older: archived > 0 ? { archivePage: archived } : null,
      coauthors: coauthorsOf(archive, author),
      terms: termsOf(archive, author),
    },
  };
  const pages = byPage.slice(0, archived).map((papers, index): SitePage<AuthorPageProps> => ({
    path: `authors/${author.slug}/${index + 1}/`,
    params: { author: author.slug, page: String(index + 1) },
    props: {
      author: shown,
      total: null,
      archivePage: index + 1,
      papers: newestFirst(papers),
      newer: { archivePage: index + 1 < archived ? index + 2 : null },
      older: index > 0 ? { archivePage: index } : null,
      coauthors: null,
      terms: null,
    },
  }));
  return [own, ...pages];
}

const pagesByArchive = new WeakMap<Archive, SitePage<AuthorPageProps>[]>();

/** Every author's pages, made once per archive: their `.bib` files list the same papers. */
export function authorPages(archive: Archive): SitePage<AuthorPageProps>[] {
  let pages = pagesByArchive.get(archive);
  if (!pages) {
    pages = archive.authors.flatMap((author) => authorPagesOf(archive, author));
    pagesByArchive.set(archive, pages);
  }
  return pages;
}

/** The title of an author's feeds. */
export const authorFeedTitle = (siteTitle: string, name: string): string => `${name} · Authors · ${siteTitle}`;

/**
 * Every author's feed in one format: `authors/<slug>/feed.xml` or `feed.json`, their newest
 * listed papers, each with its title, authors, terms and links but no abstract. Followers of an
 * author want to hear of a new paper; its page, the term feeds and the archive's feed carry the
 * abstract. With it, twelve thousand authors' feeds would be most of an archive's bytes
 * (docs/benchmarks.md).
 */
export function authorFeedPages(archive: Archive, format: FeedFormat, siteTitle: string = DEFAULT_TITLE): SitePage<FeedProps>[] {
  return archive.authors.map((author) => ({
    path: `authors/${author.slug}/${FEED_FILES[format]}`,
    params: { author: author.slug },
    props: {
      title: authorFeedTitle(siteTitle, author.name),
      description: `Papers by ${author.name} in the archive.`,
      page: `authors/${author.slug}/`,
      items: author.papers
        .filter(isListed)
        .slice(0, FEED_SIZE)
        .map((paper) => ({ ...feedItem(archive, paper), abstract: '' })),
    },
  }));
}

/**
 * The sitemap's entries of the author pages, each on the day it first appeared: an author's page
 * with their second paper, an archive page k with the paper that pushed it off the own page.
 */
export function authorSitemapEntries(archive: Archive): SitemapEntry[] {
  const entries: SitemapEntry[] = [{ path: 'authors/', since: '' }];
  const firstOfLetter = new Map<string, string>();
  for (const author of archive.authors) {
    const since = sortDate(author.papers.at(-2)!);
    entries.push({ path: `authors/${author.slug}/`, since });
    archivePagesOf(author)
      .slice(2)
      .forEach((page, index) => entries.push({ path: `authors/${author.slug}/${index + 1}/`, since: sortDate(page[0]!) }));
    const letter = authorLetter(author.name);
    const earliest = firstOfLetter.get(letter);
    if (earliest === undefined || since < earliest) firstOfLetter.set(letter, since);
  }
  for (const [letter, since] of firstOfLetter) entries.push({ path: `authors/letters/${letter}/`, since });
  return entries;
}
