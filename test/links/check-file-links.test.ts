/** One file's links checked against the files of the site, fragments against the pages' ids, and the report. */
import { describe, expect, it } from 'vitest';
import { checkFileLinks } from '../../src/links/check-file-links.ts';
import { checkFragments } from '../../src/links/check-fragments.ts';
import { htmlLinks } from '../../src/links/html-links.ts';
import { brokenLinkLines, linkSummary, PAGES_PER_URL } from '../../src/links/link-report.ts';
import type { BrokenLink } from '../../src/links/check-file-links.ts';

const site = { origin: 'https://example.org', base: '/papershelf/' };
const files = new Set(['index.html', 'days/index.html', 'papers/x/index.html', 'papers/café/index.html', 'feed.xml', '_astro/a.css']);
const exists = (file: string) => files.has(file);
const check = (html: string, file = 'papers/x/index.html') => checkFileLinks(file, htmlLinks(html), site, exists);

describe('checkFileLinks', () => {
  it('passes links to files that exist, under the base, relative or absolute', () => {
    const page =
      '<link rel="stylesheet" href="/papershelf/_astro/a.css"><a href="/papershelf/">Home</a><a href="../../days/">Days</a>' +
      '<a href="https://example.org/papershelf/feed.xml">Feed</a><a href="/papershelf/papers/caf%C3%A9/">Café</a><a href="/papershelf/days/?page=2">Days</a>';
    expect(check(page)).toEqual({ file: 'papers/x/index.html', links: 6, broken: [], fragments: [] });
  });

  it('ignores external links, whatever they point at', () => {
    expect(
      check(
        '<a href="https://arxiv.org/abs/2501.00663">arXiv</a><a href="mailto:x@example.org">Mail</a><a href="https://other.example/papershelf/missing/">x</a>',
      ).broken,
    ).toEqual([]);
  });

  it('finds a broken link, a link outside the base and a missing element, with file, line, URL and reason', () => {
    const page =
      '<main id="content">\n<a href="/papershelf/papers/gone/">Gone</a>\n<a href="/days/">Days</a>\n<a href="#nowhere">x</a><a href="#content">ok</a></main>';
    expect(check(page).broken).toEqual([
      { file: 'papers/x/index.html', line: 2, url: '/papershelf/papers/gone/', reason: 'no such file: papers/gone/index.html' },
      { file: 'papers/x/index.html', line: 3, url: '/days/', reason: 'outside the base path /papershelf/, where the archive is served' },
      { file: 'papers/x/index.html', line: 4, url: '#nowhere', reason: 'no element with id `nowhere` on this page' },
    ]);
  });

  it('hands links to an element of another page back, to be checked against that page', () => {
    const { fragments } = check('<a href="/papershelf/days/#papers">Days</a><a href="/papershelf/feed.xml#x">feed</a>');
    expect(fragments).toEqual([
      {
        file: 'papers/x/index.html',
        line: 1,
        url: '/papershelf/days/#papers',
        target: 'days/index.html',
        fragment: { raw: 'papers', decoded: 'papers' },
      },
    ]);
    const ids = new Map([['days/index.html', new Set(['list'])]]);
    expect(checkFragments(fragments, (page) => ids.get(page) ?? null)).toEqual([
      { file: 'papers/x/index.html', line: 1, url: '/papershelf/days/#papers', reason: 'no element with id `papers` in days/index.html' },
    ]);
    ids.set('days/index.html', new Set(['papers']));
    expect(checkFragments(fragments, (page) => ids.get(page) ?? null)).toEqual([]);
  });

  it('finds encoded fragments by their decoded id', () => {
    expect(check('<h2 id="café">x</h2><a href="#caf%C3%A9">x</a>').broken).toEqual([]);
  });
});

describe('the report', () => {
  const link = (file: string, url = '/papershelf/gone/'): BrokenLink => ({ file, line: 1, url, reason: 'no such file: gone/index.html' });

  it('prints one line per broken link and file, as <file>:<line>: <url>: <reason>', () => {
    expect(brokenLinkLines([link('a.html'), link('a.html'), link('b.html')], 'dist/')).toEqual([
      'dist/a.html:1: /papershelf/gone/: no such file: gone/index.html',
      'dist/b.html:1: /papershelf/gone/: no such file: gone/index.html',
    ]);
  });

  it('lists a link broken on many pages for its first pages, then counts the rest', () => {
    const lines = brokenLinkLines(
      Array.from({ length: PAGES_PER_URL + 5 }, (_, n) => link(`p${n}.html`)),
      'dist',
    );
    expect(lines).toHaveLength(PAGES_PER_URL + 1);
    expect(lines.at(-1)).toBe('… and 5 more files link to /papershelf/gone/');
  });

  it('sums up, and suspects another site or base when most links are broken', () => {
    expect(linkSummary({ files: 1200, links: 34000, broken: [] }, 'dist', site)).toBe(
      'Checked 1,200 files in dist: 34,000 links, 0 broken',
    );
    expect(linkSummary({ files: 1, links: 2, broken: [link('a'), link('b')] }, 'dist', site)).toContain(
      'was the archive built for another site or base than https://example.org/papershelf/',
    );
  });
});
