/**
 * What the feeds carry: the archive's newest papers, and each term's, with everything an
 * entry shows. Pure, and free of `urls.ts` (the build planner imports it through
 * `site-pages.ts` outside Astro); src/site/formats/atom-feed.ts and src/site/formats/json-feed.ts write the files.
 * A term's feeds are pages of their own, so a new day re-renders only the feeds of the terms
 * its papers carry.
 */
import { arxivAbsUrl } from '../arxiv.ts';
import type { Archive, Term } from '../archive/build-archive.ts';
import type { SitePage } from './page-props.ts';
import type { Paper } from '../../schema/paper.ts';
import { DEFAULT_TITLE } from '../../settings/config-schema.ts';

/** Papers a feed lists: the newest, about what a feed reader shows at once. */
export const FEED_SIZE = 50;

/** The two formats, by the name of the file each is written to beside its page. */
export const FEED_FILES = { atom: 'feed.xml', json: 'feed.json' } as const;
/** `atom` (Atom 1.0) or `json` (JSON Feed 1.1). */
export type FeedFormat = keyof typeof FEED_FILES;

/** One paper as a feed entry. */
export interface FeedItem {
  readonly slug: string;
  readonly title: string;
  /** Every author, in order. */
  readonly authors: readonly string[];
  /** The listing day, `YYYY-MM-DD`: the entry's date. */
  readonly date: string;
  /** Plain text; may be empty. */
  readonly abstract: string;
  /** The labels of the paper's terms, with their taxonomy, in the archive's taxonomy order. */
  readonly categories: readonly { taxonomy: string; label: string }[];
  /** The paper's own page elsewhere: its arXiv abstract, else its `url`, else null. */
  readonly external: string | null;
}

/** The data of one feed. (A type, not an interface: Astro's props need an implicit index signature.) */
export type FeedProps = {
  readonly title: string;
  readonly description: string;
  /** The page the feed follows, below the site's base: `''` for the home page, `topics/attention/` for a term. */
  readonly page: string;
  /** Newest first, at most `FEED_SIZE`. */
  readonly items: readonly FeedItem[];
};

/** A feed's title: the archive's, `siteTitle`, or with `of` a term's, named with its taxonomy. */
export const feedTitle = (siteTitle: string, of?: { term: string; taxonomy: string }): string =>
  of ? `${of.term} · ${of.taxonomy} · ${siteTitle}` : siteTitle;

/** A feed item of a listed paper. */
export function feedItem(archive: Archive, paper: Paper & { date: string }): FeedItem {
  return {
    slug: paper.slug,
    title: paper.title,
    authors: paper.authors,
    date: paper.date,
    abstract: paper.abstract,
    categories: archive.taxonomies.flatMap((taxonomy) =>
      (paper.terms[taxonomy.id] ?? []).flatMap((id) => {
        const term = archive.term(taxonomy.id, id);
        return term ? [{ taxonomy: taxonomy.id, label: term.label }] : [];
      }),
    ),
    external: paper.id ? arxivAbsUrl(paper.id) : paper.url,
  };
}

/** The feed of the whole archive, named `siteTitle`: its newest papers, in listing order. */
export function archiveFeed(archive: Archive, siteTitle: string = DEFAULT_TITLE): FeedProps {
  const newest: Paper[] = [];
  for (const day of archive.days) {
    if (newest.length >= FEED_SIZE) break;
    newest.push(...day.papers.slice(0, FEED_SIZE - newest.length));
  }
  return {
    title: feedTitle(siteTitle),
    description: 'The newest papers in the archive.',
    page: '',
    items: newest.filter(isListed).map((paper) => feedItem(archive, paper)),
  };
}

/** True when `paper` is listed on a day. */
export const isListed = (paper: Paper): paper is Paper & { date: string } => paper.date !== null;

/**
 * The feed of one term: its newest papers, in the order its page lists them. Feeds announce what
 * was listed when, so a paper listed on no day (known only by its publication year or month) is
 * in no feed: an item needs a day, and none is invented; its year's page lists it.
 */
export function termFeed(archive: Archive, term: Term, siteTitle: string = DEFAULT_TITLE): FeedProps {
  const taxonomy = archive.taxonomy(term.taxonomy)!;
  return {
    title: feedTitle(siteTitle, { term: term.label, taxonomy: taxonomy.label }),
    description: term.description || `Papers tagged ${term.label}.`,
    page: `${taxonomy.id}/${term.id}/`,
    items: term.papers
      .filter(isListed)
      .slice(0, FEED_SIZE)
      .map((paper) => feedItem(archive, paper)),
  };
}

/** Every term's feed in one format, as pages: `<taxonomy>/<term>/feed.xml` or `feed.json`. */
export function termFeedPages(archive: Archive, format: FeedFormat, siteTitle: string = DEFAULT_TITLE): SitePage<FeedProps>[] {
  return archive.taxonomies.flatMap((taxonomy) =>
    taxonomy.terms.map((term) => ({
      path: `${taxonomy.id}/${term.id}/${FEED_FILES[format]}`,
      params: { taxonomy: taxonomy.id, term: term.id },
      props: termFeed(archive, term, siteTitle),
    })),
  );
}

/** A listing day as the instant feeds want (RFC 3339): its start, in UTC. */
export const feedTime = (day: string): string => `${day}T00:00:00Z`;
