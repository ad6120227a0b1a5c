/**
 * Week and month archives: /weeks/2026-W12/ and /months/2026-03/, each with its days and their
 * counts, its most upvoted papers and its neighbours, plus /weeks/ and /months/ listing every
 * period with its count. A month can hold thousands of papers, so a period's page never lists
 * them all: it lists its days (at most 31, each linking to the day's full listing) and the
 * `TOP_PAPERS` most upvoted, so its size is bounded whatever the archive holds. A month's page
 * also lists, in full, the papers listed on no day whose publication month it is (a reference
 * library's `year = 2019, month = mar`); weeks hold only listed papers.
 * Pure, and free of `urls.ts`: the build planner imports it through `site-pages.ts`.
 */
import type { Archive, Day } from '../archive/build-archive.ts';
import { periodOf } from '../periods.ts';
import { sortDate, unlistedMonth } from '../paper-dates.ts';
import type { Paper } from '../../schema/paper.ts';
import type { SitemapEntry } from '../formats/sitemap-chunks.ts';
import { summarize, type PaperSummary, type SitePage } from './page-props.ts';

/** The periods with pages of their own. */
export type ArchiveUnit = 'week' | 'month';

/** The folder of each unit's pages. */
export const PERIOD_FOLDERS = { week: 'weeks', month: 'months' } as const satisfies Record<ArchiveUnit, string>;

/** Papers a period's page lists: a screenful of the best; the days' pages list the rest. */
export const TOP_PAPERS = 25;

/** The data of a week's or a month's page. */
export type PeriodPageProps = {
  readonly unit: ArchiveUnit;
  /** `2026-W12` or `2026-03`. */
  readonly period: string;
  /** Papers in the whole period, those listed on no day included. */
  readonly total: number;
  /** The period's days that have papers, oldest first. */
  readonly days: readonly { date: string; count: number }[];
  /** At most `TOP_PAPERS` papers: most upvoted first, then newest, then by title. */
  readonly top: readonly PaperSummary[];
  /** A month's papers listed on no day but known to be published in it, newest first; always empty for a week. */
  readonly unlisted: readonly PaperSummary[];
  /** The nearest periods before and after that have papers. */
  readonly previous: string | null;
  readonly next: string | null;
};

/** The data of /weeks/ or /months/: every period with papers, newest first, with its papers and days. */
export type PeriodIndexProps = {
  readonly unit: ArchiveUnit;
  readonly periods: readonly { period: string; papers: number; days: number }[];
};

/** Order among a period's papers: most upvoted first (unknown last), then newest, then as in a day. */
function compareInPeriod(a: Paper, b: Paper): number {
  return (
    (b.upvotes ?? -1) - (a.upvotes ?? -1) ||
    (sortDate(a) < sortDate(b) ? 1 : sortDate(a) > sortDate(b) ? -1 : 0) ||
    a.title.localeCompare(b.title, 'en') ||
    a.slug.localeCompare(b.slug)
  );
}

interface PeriodGroup {
  readonly period: string;
  /** Newest first. */
  readonly days: Day[];
  /** Papers listed on no day, published in this month, newest first. */
  readonly unlisted: Paper[];
}

/** The archive's days grouped by period, newest period first; days newest first within each. Months add the papers listed on no day whose month is known. */
function daysByPeriod(archive: Archive, unit: ArchiveUnit): PeriodGroup[] {
  const groups = new Map<string, PeriodGroup>();
  const groupOf = (period: string) => {
    const group = groups.get(period) ?? { period, days: [], unlisted: [] };
    groups.set(period, group);
    return group;
  };
  for (const day of archive.days) groupOf(periodOf(unit, day.date)).days.push(day);
  if (unit === 'month')
    for (const paper of archive.unlisted) {
      const month = unlistedMonth(paper);
      if (month !== null) groupOf(month).unlisted.push(paper);
    }
  return [...groups.values()].sort((a, b) => (a.period < b.period ? 1 : a.period > b.period ? -1 : 0));
}

/** The papers of a period's group. */
const countOf = (group: PeriodGroup) => group.days.reduce((sum, day) => sum + day.papers.length, 0) + group.unlisted.length;

/** The `TOP_PAPERS` best of `days`: a day's papers are already most upvoted first, so only each day's first few can make it. */
function topPapers(days: readonly Day[]): Paper[] {
  return days
    .flatMap((day) => day.papers.slice(0, TOP_PAPERS))
    .sort(compareInPeriod)
    .slice(0, TOP_PAPERS);
}

/** One page per week or month that has papers. */
export function periodPages(archive: Archive, unit: ArchiveUnit): SitePage<PeriodPageProps>[] {
  const groups = daysByPeriod(archive, unit);
  return groups.map((group, index) => ({
    path: `${PERIOD_FOLDERS[unit]}/${group.period}/`,
    params: { [unit]: group.period },
    props: {
      unit,
      period: group.period,
      total: countOf(group),
      days: group.days.map((day) => ({ date: day.date, count: day.papers.length })).reverse(),
      top: topPapers(group.days).map((paper) => summarize(paper, archive.authorSlug)),
      unlisted: group.unlisted.map((paper) => summarize(paper, archive.authorSlug)),
      previous: groups[index + 1]?.period ?? null,
      next: groups[index - 1]?.period ?? null,
    },
  }));
}

/**
 * The data of /weeks/ or /months/. Like /days/, these are pages every build renders (their
 * list changes with every new day), so they are not among the data pages.
 */
export function periodIndex(archive: Archive, unit: ArchiveUnit): PeriodIndexProps {
  return {
    unit,
    periods: daysByPeriod(archive, unit).map((group) => ({
      period: group.period,
      papers: countOf(group),
      days: group.days.length,
    })),
  };
}

/** Every week's and month's page, for the build planner. */
export function allPeriodPages(archive: Archive): SitePage<PeriodPageProps>[] {
  return [...periodPages(archive, 'week'), ...periodPages(archive, 'month')];
}

/** The sitemap entries of the period pages: the indexes with every archive, a period with its first day that has papers. */
export function periodSitemapEntries(archive: Archive): SitemapEntry[] {
  return (['week', 'month'] as const).flatMap((unit) => [
    { path: `${PERIOD_FOLDERS[unit]}/`, since: '' },
    ...daysByPeriod(archive, unit).map(({ period, days }) => ({
      path: `${PERIOD_FOLDERS[unit]}/${period}/`,
      since: days.at(-1)?.date ?? period,
    })),
  ]);
}
