import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../src/site/archive/build-archive.ts';
import { dataPages, pageFile } from '../../src/site/pages/site-pages.ts';
import { dayPages } from '../../src/site/pages/day-pages.ts';
import { paperPages } from '../../src/site/pages/paper-pages.ts';
import { sitemapPages } from '../../src/site/pages/sitemap-pages.ts';
import { taxonomyPages, termPages } from '../../src/site/pages/term-pages.ts';
import { sitemapChunks } from '../../src/site/formats/sitemap-chunks.ts';
import { allPeriodPages } from '../../src/site/pages/period-pages.ts';
import { robotsTxt, sitemapIndexXml, sitemapXml } from '../../src/site/formats/sitemap-xml.ts';
import { makePaper } from '../support/make-paper.ts';
import { yearPages } from '../../src/site/pages/year-pages.ts';
import { authorLetterPages, authorPages } from '../../src/site/pages/author-pages.ts';

const paper = makePaper;

const topics = [
  {
    id: 'topics',
    label: 'Topics',
    description: '',
    terms: [
      { id: 'x', label: 'X', description: '' },
      { id: 'late', label: 'Late', description: '' },
    ],
  },
];

/** Days 1…`days` of 40 papers each, all in topic `x` (so it has archive pages); day 4 brings the topic `late`. */
function archiveOf(days: number) {
  const papers = Array.from({ length: days }, (_, d) =>
    Array.from({ length: 40 }, (_, n) =>
      paper(`d${d + 1}-${String(n).padStart(2, '0')}`, `2025-03-0${d + 1}`, {
        terms: { topics: d === 3 && n === 0 ? ['x', 'late'] : ['x'] },
      }),
    ),
  ).flat();
  return buildArchive(papers, topics);
}

const xml = new XMLParser({ isArray: (name) => name === 'url' || name === 'sitemap' });

describe('sitemapPages', () => {
  it('lists every page with data, plus home and the lists of days, weeks, months, years and authors, once', () => {
    const archive = archiveOf(4);
    const html = [
      ...paperPages(archive),
      ...dayPages(archive),
      ...taxonomyPages(archive),
      ...termPages(archive),
      ...allPeriodPages(archive),
      ...yearPages(archive),
      ...authorPages(archive),
      ...authorLetterPages(archive),
    ].map((page) => page.path);
    const listed = sitemapPages(archive).flatMap((page) => page.props.paths);
    expect(listed.toSorted()).toEqual(['', 'days/', 'weeks/', 'months/', 'years/', 'authors/', ...html].toSorted());
    expect(new Set(listed).size).toBe(listed.length);
    expect(html).toContain('topics/x/2/');
  });

  it('orders pages by the day they appeared, so a new day changes only the last sitemap', () => {
    const before = sitemapPages(archiveOf(3), 7);
    const after = sitemapPages(archiveOf(4), 7);
    expect(after.length).toBeGreaterThan(before.length);
    // Every full sitemap of the smaller archive is unchanged; its last one only grew.
    for (const [index, chunk] of before.slice(0, -1).entries()) expect(after[index]).toEqual(chunk);
    const last = before.at(-1)!;
    expect(after[before.length - 1]!.props.paths.slice(0, last.props.paths.length)).toEqual(last.props.paths);
    // The new day's pages, the new term and the term's new archive page come last.
    const added = after.flatMap((page) => page.props.paths).slice(before.flatMap((page) => page.props.paths).length);
    expect(added).toContain('days/2025-03-04/');
    expect(added).toContain('topics/late/');
    expect(added).toContain('topics/x/2/');
    expect(added.filter((path) => path.startsWith('papers/'))).toHaveLength(40);
  });

  it('its sitemaps are pages for the build planner, each written to its own file', () => {
    const pages = dataPages(archiveOf(2));
    const sitemaps = pages.filter((page) => page.path.startsWith('sitemap-'));
    expect(sitemaps.map((page) => [page.path, page.params])).toEqual([['sitemap-1.xml', { chunk: '1' }]]);
    expect(pageFile('sitemap-1.xml')).toBe('sitemap-1.xml');
    expect(pageFile('topics/x/feed.json')).toBe('topics/x/feed.json');
    expect(pageFile('papers/a/')).toBe('papers/a/index.html');
    expect(pages.map((page) => page.path)).toContain('topics/x/feed.xml');
  });
});

describe('sitemapChunks', () => {
  it('cuts pages into runs of `size`, earliest first, and has one sitemap even for no pages', () => {
    const chunks = sitemapChunks(
      [
        { path: 'b/', since: '2025-03-02' },
        { path: 'a/', since: '2025-03-02' },
        { path: '', since: '' },
        { path: 'c/', since: '2025-03-01' },
      ],
      3,
    );
    expect(chunks.map((chunk) => [chunk.path, chunk.props.paths])).toEqual([
      ['sitemap-1.xml', ['', 'c/', 'a/']],
      ['sitemap-2.xml', ['b/']],
    ]);
    expect(sitemapChunks([], 3)).toEqual([{ path: 'sitemap-1.xml', params: { chunk: '1' }, props: { paths: [] } }]);
  });
});

describe('sitemap files', () => {
  it('a sitemap lists its URLs, escaped', () => {
    const text = sitemapXml(['https://shelf.example/', 'https://shelf.example/search/?q=a&b=<c>']);
    expect(XMLValidator.validate(text)).toBe(true);
    expect(text).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(xml.parse(text).urlset.url).toEqual([{ loc: 'https://shelf.example/' }, { loc: 'https://shelf.example/search/?q=a&b=<c>' }]);
  });

  it('the index points to every sitemap', () => {
    const text = sitemapIndexXml(['https://shelf.example/sitemap-1.xml', 'https://shelf.example/sitemap-2.xml']);
    expect(XMLValidator.validate(text)).toBe(true);
    expect(xml.parse(text).sitemapindex.sitemap).toEqual([
      { loc: 'https://shelf.example/sitemap-1.xml' },
      { loc: 'https://shelf.example/sitemap-2.xml' },
    ]);
  });

  it('robots.txt names the sitemap index', () => {
    expect(robotsTxt('https://shelf.example/shelf/sitemap.xml')).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://shelf.example/shelf/sitemap.xml\n',
    );
  });
});
