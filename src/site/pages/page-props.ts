/**
 * The props of every kind of page: exactly the data each shows. Types, not interfaces: Astro's
 * props need an implicit index signature. Pure.
 */
import type { Paper } from '../../schema/paper.ts';
import type { Trend } from '../trend.ts';

/** An author's name as a paper gives it, and the slug of the author's page when they have one. */
export interface AuthorLink {
  readonly name: string;
  readonly slug: string | null;
}

/** What a listing shows of a paper. */
export interface PaperSummary {
  readonly slug: string;
  readonly title: string;
  /** The first few authors; `authorCount` says how many there are. */
  readonly authors: readonly AuthorLink[];
  readonly authorCount: number;
  /** The listing day, or null for a paper listed on no day. */
  readonly date: string | null;
  /** The publication date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) when known: what a listing shows of a paper listed on no day. */
  readonly published: string | null;
  readonly upvotes: number | null;
  readonly hasCode: boolean;
}

/** A link to a neighbouring page. */
export interface PageLink {
  readonly href: string;
  readonly label: string;
}

/** A term as a paper page shows it. */
export interface TermTag {
  readonly id: string;
  readonly label: string;
}

/** A similar paper as a paper page lists it, with the tags both papers carry. */
export type RelatedLink = {
  readonly slug: string;
  readonly title: string;
  /** Terms both papers have, by taxonomy id, in the archive's taxonomy order. */
  readonly sharedTerms: readonly { taxonomy: string; label: string }[];
};

/** The data of a paper's page. (Types, not interfaces: Astro's props need an implicit index signature.) */
export type PaperPageProps = {
  readonly paper: Paper;
  /** Every author, in order, with their page when they have one. */
  readonly authors: readonly AuthorLink[];
  /** The paper's terms, one group per taxonomy, in the archive's taxonomy order. */
  readonly termGroups: readonly { taxonomy: string; label: string; terms: readonly TermTag[] }[];
  /** The neighbours in its day's listing. */
  readonly previous: { slug: string; title: string } | null;
  readonly next: { slug: string; title: string } | null;
  /** The most similar papers by text, most similar first (see related-papers.ts). */
  readonly related: readonly RelatedLink[];
};

/** The data of a day's page. */
export type DayPageProps = {
  readonly date: string;
  readonly papers: readonly PaperSummary[];
  readonly previousDate: string | null;
  readonly nextDate: string | null;
};

/** The data of a taxonomy's page: its terms with counts. */
export type TaxonomyPageProps = {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly terms: readonly {
    id: string;
    label: string;
    description: string;
    parent: string | null;
    count: number;
    trend: readonly number[];
  }[];
  /** The periods of every term's `trend`: one axis for the taxonomy, so the terms' sparklines compare. */
  readonly axis: Pick<Trend, 'unit' | 'start'>;
};

/**
 * The data of one page of a term. A term's papers are cut into archive pages of
 * `TERM_PAGE_SIZE`, counted from the oldest, so an archive page keeps its address and its
 * papers as the archive grows; the term's own page shows the two newest. A new day
 * then changes a term's own page and at most one archive page, never all of them.
 */
export type TermPageProps = {
  readonly taxonomy: { id: string; label: string };
  readonly term: { id: string; label: string; description: string };
  readonly parent: { id: string; label: string } | null;
  /** Papers in the whole term. Shown on the term's own page only, so archive pages stay put. */
  readonly total: number | null;
  /** The number of this archive page (1 = oldest), or null on the term's own page. */
  readonly archivePage: number | null;
  /** Newest first. */
  readonly papers: readonly PaperSummary[];
  /** The numbers of the neighbouring pages: newer (null = the term's own page) and older. */
  readonly newer: { archivePage: number | null } | null;
  readonly older: { archivePage: number } | null;
  /** Papers per period over the term's own span, on its own page only (archive pages stay put). */
  readonly trend: Trend | null;
};

/** A page with its route parameters and data. `path` is its address below the site's base. */
export interface SitePage<Props> {
  readonly path: string;
  readonly params: Record<string, string | undefined>;
  readonly props: Props;
}

/** Authors a listing names before "and N more". */
const LISTED_AUTHORS = 4;

/** Where an author's page is: `Archive.authorSlug`. */
export type AuthorSlugOf = (name: string) => string | undefined;

/** `names` with the pages of those who have one. */
export const authorLinks = (names: readonly string[], slugOf: AuthorSlugOf): AuthorLink[] =>
  names.map((name) => ({ name, slug: slugOf(name) ?? null }));

/** What a listing shows of `paper`; `slugOf` finds its authors' pages. */
export function summarize(paper: Paper, slugOf: AuthorSlugOf): PaperSummary {
  return {
    slug: paper.slug,
    title: paper.title,
    authors: authorLinks(paper.authors.slice(0, LISTED_AUTHORS), slugOf),
    authorCount: paper.authors.length,
    date: paper.date,
    published: paper.published,
    upvotes: paper.upvotes,
    hasCode: Boolean(paper.code_url),
  };
}
