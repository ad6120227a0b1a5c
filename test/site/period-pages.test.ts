import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../src/site/archive/build-archive.ts';
import { periodIndex, periodPages, TOP_PAPERS } from '../../src/site/pages/period-pages.ts';
import { dataPages } from '../../src/site/pages/site-pages.ts';
import { sitemapPages } from '../../src/site/pages/sitemap-pages.ts';
import { makePaper } from '../support/make-paper.ts';

/** `count` papers on `date`, with upvotes `base`, `base`+1, … */
const papersOn = (date: string, count: number, base = 0) =>
  Array.from({ length: count }, (_, n) => makePaper(`${date}-${String(n).padStart(3, '0')}`, date, { upvotes: base + n }));

// Week 53 of 2026 spans the new year; week 1 of 2027 follows; March 2027 skips February.
const archive = buildArchive(
  [...papersOn('2026-12-30', 3), ...papersOn('2027-01-02', 2, 100), ...papersOn('2027-01-04', 1), ...papersOn('2027-03-01', 4)],
  [],
);

describe('periodPages', () => {
  it('makes a page per week with papers, with its days, total and neighbours, across the year boundary', () => {
    const weeks = periodPages(archive, 'week');
    expect(weeks.map((page) => page.path)).toEqual(['weeks/2027-W09/', 'weeks/2027-W01/', 'weeks/2026-W53/']);
    const week53 = weeks[2]!;
    expect(week53.params).toEqual({ week: '2026-W53' });
    expect(week53.props).toMatchObject({
      unit: 'week',
      period: '2026-W53',
      total: 5,
      days: [
        { date: '2026-12-30', count: 3 },
        { date: '2027-01-02', count: 2 },
      ],
      previous: null,
      next: '2027-W01',
    });
    expect(weeks[1]!.props).toMatchObject({ previous: '2026-W53', next: '2027-W09' });
    expect(weeks[0]!.props.next).toBeNull();
  });

  it('makes a page per month with papers, skipping months without', () => {
    const months = periodPages(archive, 'month');
    expect(months.map((page) => page.props.period)).toEqual(['2027-03', '2027-01', '2026-12']);
    expect(months[1]!.props).toMatchObject({ total: 3, previous: '2026-12', next: '2027-03' });
  });

  it('lists the most upvoted papers first, then the newest', () => {
    const tied = buildArchive(
      [makePaper('old', '2027-01-04', { upvotes: 7 }), makePaper('new', '2027-01-05', { upvotes: 7 }), makePaper('none', '2027-01-06')],
      [],
    );
    expect(periodPages(tied, 'week')[0]!.props.top.map((paper) => paper.slug)).toEqual(['new', 'old', 'none']);
    const week53 = periodPages(archive, 'week')[2]!;
    expect(week53.props.top.map((paper) => paper.upvotes)).toEqual([101, 100, 2, 1, 0]);
  });

  it('keeps a period page bounded however many papers the period holds', () => {
    const big = buildArchive(
      Array.from({ length: 31 }, (_, day) => papersOn(`2027-01-${String(day + 1).padStart(2, '0')}`, 120, day * 1000)).flat(),
      [],
    );
    const [month] = periodPages(big, 'month');
    expect(month!.props.total).toBe(31 * 120);
    expect(month!.props.days).toHaveLength(31);
    expect(month!.props.top).toHaveLength(TOP_PAPERS);
    // The best of the last day (upvotes 30,000 + 119 down) beat every other day's.
    expect(month!.props.top[0]!.upvotes).toBe(30_119);
    expect(month!.props.top.at(-1)!.upvotes).toBe(30_119 - TOP_PAPERS + 1);
    expect(JSON.stringify(month!.props).length).toBeLessThan(10_000);
  });
});

describe('periodIndex', () => {
  it('lists every period with papers, newest first, with its papers and days', () => {
    expect(periodIndex(archive, 'week')).toEqual({
      unit: 'week',
      periods: [
        { period: '2027-W09', papers: 4, days: 1 },
        { period: '2027-W01', papers: 1, days: 1 },
        { period: '2026-W53', papers: 5, days: 2 },
      ],
    });
  });
});

describe('period pages in the build', () => {
  it('are data pages and in the sitemap, a period with its first day', () => {
    const paths = dataPages(archive).map((page) => page.path);
    expect(paths).toContain('weeks/2026-W53/');
    expect(paths).toContain('months/2027-03/');
    const listed = sitemapPages(archive).flatMap((page) => page.props.paths);
    expect(listed).toContain('weeks/');
    expect(listed).toContain('months/');
    // The week of 30 December comes right after that day's pages, before 2 January's.
    expect(listed.indexOf('weeks/2026-W53/')).toBeGreaterThan(listed.indexOf('days/2026-12-30/'));
    expect(listed.indexOf('weeks/2026-W53/')).toBeLessThan(listed.indexOf('days/2027-01-02/'));
  });
});
