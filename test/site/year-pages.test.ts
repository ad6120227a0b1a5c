/**
 * Papers listed on no day (a reference library's, known by year or month only): on their year's
 * page and their month's, in the search's Year filter by publication year, and on no day or
 * week page, in no feed.
 */
import { describe, expect, it } from 'vitest';
import { searchRecord } from '../../src/build/search/search-record.ts';
import { buildArchive } from '../../src/site/archive/build-archive.ts';
import { dayPages } from '../../src/site/pages/day-pages.ts';
import { archiveFeed, termFeed } from '../../src/site/pages/feed-pages.ts';
import { paperPages } from '../../src/site/pages/paper-pages.ts';
import { periodIndex, periodPages } from '../../src/site/pages/period-pages.ts';
import { sitemapPages } from '../../src/site/pages/sitemap-pages.ts';
import { yearIndex, yearPages } from '../../src/site/pages/year-pages.ts';
import { makePaper } from '../support/make-paper.ts';

const archive = buildArchive(
  [
    makePaper('listed', '2025-03-19', { published: '2019-03-05', upvotes: 3, tags: ['memory'], terms: { tags: ['memory'] } }),
    makePaper('listed-new', '2025-03-20', { tags: ['memory'], terms: { tags: ['memory'] } }),
    makePaper('year-only', null, { published: '1960', tags: ['memory'], terms: { tags: ['memory'] } }),
    makePaper('with-month', null, { published: '2019-03' }),
    makePaper('other-year', null, { published: '2019' }),
  ],
  [],
);
const slugs = (papers: readonly { slug: string }[]) => papers.map((paper) => paper.slug);

describe('papers listed on no day', () => {
  it('are on no day page and no week page', () => {
    expect(dayPages(archive).flatMap((page) => slugs(page.props.papers))).toEqual(['listed-new', 'listed']);
    expect(periodPages(archive, 'week').flatMap((page) => [...slugs(page.props.top), ...slugs(page.props.unlisted)])).toEqual([
      'listed',
      'listed-new',
    ]);
  });

  it('are on their month’s page when the month is known, which has a page even with no day in it', () => {
    const months = periodPages(archive, 'month');
    expect(months.map((page) => [page.path, slugs(page.props.unlisted), page.props.days.length, page.props.total])).toEqual([
      ['months/2025-03/', [], 2, 2],
      ['months/2019-03/', ['with-month'], 0, 1],
    ]);
    expect(periodIndex(archive, 'month').periods).toEqual([
      { period: '2025-03', papers: 2, days: 2 },
      { period: '2019-03', papers: 1, days: 0 },
    ]);
  });

  it('are listed in full on their publication year’s page; a listed paper counts by its publication year too', () => {
    const years = yearPages(archive);
    expect(
      years.map((page) => [page.path, slugs(page.props.unlisted), slugs(page.props.top), page.props.months, page.props.total]),
    ).toEqual([
      ['years/2025/', [], ['listed-new'], ['2025-03'], 1],
      ['years/2019/', ['with-month', 'other-year'], ['listed'], ['2019-03'], 3],
      ['years/1960/', ['year-only'], [], [], 1],
    ]);
    expect(years[1]!.props).toMatchObject({ previous: '1960', next: '2025' });
    expect(yearIndex(archive).years).toEqual([
      { year: '2025', papers: 1 },
      { year: '2019', papers: 3 },
      { year: '1960', papers: 1 },
    ]);
  });

  it('have a page of their own, with no neighbours, after the days’ papers', () => {
    const pages = paperPages(archive);
    expect(pages.map((page) => page.path)).toContain('papers/year-only/');
    expect(pages.find((page) => page.path === 'papers/year-only/')!.props).toMatchObject({ previous: null, next: null });
    expect(archive.paper('year-only')?.published).toBe('1960');
  });

  it('are found by the search’s Year filter under their publication year, and sort by their publication date', () => {
    const record = (slug: string) => searchRecord(archive.paper(slug)!, archive);
    expect(record('year-only')).toMatchObject({ filters: { year: ['1960'] }, sort: { date: '1960' }, meta: { date: '1960' } });
    expect(record('listed')).toMatchObject({ filters: { year: ['2019'] }, sort: { date: '2025-03-19' } });
    expect(record('listed-new')).toMatchObject({ filters: { year: ['2025'] } });
  });

  it('are in no feed, though their terms list them', () => {
    expect(slugs(archiveFeed(archive).items)).toEqual(['listed-new', 'listed']);
    const memory = archive.term('tags', 'memory')!;
    expect(slugs(memory.papers)).toEqual(['listed-new', 'listed', 'year-only']);
    expect(slugs(termFeed(archive, memory).items)).toEqual(['listed-new', 'listed']);
  });

  it('are in the sitemap, with the year pages', () => {
    const paths = sitemapPages(archive).flatMap((page) => page.props.paths);
    expect(paths).toEqual(expect.arrayContaining(['papers/year-only/', 'years/', 'years/1960/', 'months/2019-03/']));
  });
});
