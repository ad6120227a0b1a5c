/**
 * Year archives: /years/2019/ and /years/, by publication year (`published`, else the listing
 * day's year: the same year as the search's Year filter). A reference library's papers, known
 * only by their year or month, are listed on no day, so a year's page lists every one of them
 * in full; papers listed on a day are on their day's page already, so a year's page shows only
 * the `TOP_PAPERS` most upvoted of them, and its size stays bounded as an archive of daily
 * listings grows. Pure, and free of `urls.ts`.
 */
import type { Archive } from '../archive/build-archive.ts';
import type { Paper } from '../../schema/paper.ts';
import type { SitemapEntry } from '../formats/sitemap-chunks.ts';
import { publicationYear, sortDate, unlistedMonth } from '../paper-dates.ts';
import { summarize, type PaperSummary, type SitePage } from './page-props.ts';
import { TOP_PAPERS } from './period-pages.ts';

/** The data of a year's page. */
export type YearPageProps = {
  /** `2019`. */
  readonly year: string;
  /** Papers published in the year (listed on a day or not). */
  readonly total: number;
  /** The year's months that have a page (`2019-03`), oldest first. */
  readonly months: readonly string[];
  /** Every paper of the year listed on no day, newest published first. */
  readonly unlisted: readonly PaperSummary[];
  /** Papers of the year listed on a day. */
  readonly listed: number;
  /** At most `TOP_PAPERS` of those: most upvoted first, then newest. */
  readonly top: readonly PaperSummary[];
  /** The nearest years before and after that have papers. */
  readonly previous: string | null;
  readonly next: string | null;
};

/** The data of /years/: every year with papers, newest first. */
export type YearIndexProps = { readonly years: readonly { year: string; papers: number }[] };

interface YearGroup {
  readonly year: string;
  readonly listed: Paper[];
  readonly unlisted: Paper[];
}

/** The archive's papers by publication year, newest year first; papers newest first within each. */
function papersByYear(archive: Archive): YearGroup[] {
  const groups = new Map<string, YearGroup>();
  for (const paper of archive.papers) {
    const year = publicationYear(paper);
    const group = groups.get(year) ?? { year, listed: [], unlisted: [] };
    groups.set(year, group);
    (paper.date === null ? group.unlisted : group.listed).push(paper);
  }
  return [...groups.values()].sort((a, b) => (a.year < b.year ? 1 : a.year > b.year ? -1 : 0));
}

/** Most upvoted first (unknown last), then newest, then by title. */
function compareInYear(a: Paper, b: Paper): number {
  const [x, y] = [sortDate(a), sortDate(b)];
  return (
    (b.upvotes ?? -1) - (a.upvotes ?? -1) ||
    (x < y ? 1 : x > y ? -1 : 0) ||
    a.title.localeCompare(b.title, 'en') ||
    a.slug.localeCompare(b.slug)
  );
}

/** The months of `year` that have a page: a day listed in them, or a paper listed on no day published in them. */
function monthsOf(archive: Archive, year: string): string[] {
  const months = new Set<string>();
  for (const day of archive.days) if (day.date.startsWith(`${year}-`)) months.add(day.date.slice(0, 7));
  for (const paper of archive.unlisted) {
    const month = unlistedMonth(paper);
    if (month?.startsWith(`${year}-`)) months.add(month);
  }
  return [...months].sort();
}

/** One page per year that has papers. */
export function yearPages(archive: Archive): SitePage<YearPageProps>[] {
  const groups = papersByYear(archive);
  return groups.map((group, index) => ({
    path: `years/${group.year}/`,
    params: { year: group.year },
    props: {
      year: group.year,
      total: group.listed.length + group.unlisted.length,
      months: monthsOf(archive, group.year),
      unlisted: group.unlisted.map((paper) => summarize(paper, archive.authorSlug)),
      listed: group.listed.length,
      top: group.listed
        .toSorted(compareInYear)
        .slice(0, TOP_PAPERS)
        .map((paper) => summarize(paper, archive.authorSlug)),
      previous: groups[index + 1]?.year ?? null,
      next: groups[index - 1]?.year ?? null,
    },
  }));
}

/** The data of /years/. */
export function yearIndex(archive: Archive): YearIndexProps {
  return { years: papersByYear(archive).map((group) => ({ year: group.year, papers: group.listed.length + group.unlisted.length })) };
}

/** The sitemap entries of the year pages: the index with every archive, a year with its first listing day (else the year itself). */
export function yearSitemapEntries(archive: Archive): SitemapEntry[] {
  return [
    { path: 'years/', since: '' },
    ...papersByYear(archive).map(({ year, listed }) => ({ path: `years/${year}/`, since: listed.at(-1)?.date ?? year })),
  ];
}
