/**
 * The pages former addresses keep: a redirect to the paper's page, or a page saying the paper
 * left — whole HTML files that the markup guard accepts, that link where they should, and that
 * no sitemap lists.
 */
import { describe, expect, it } from 'vitest';
import type { AddressRecord } from '../../src/ingest/addresses/address-file.ts';
import { findForeignMarkup } from '../../src/build/guard/find-foreign-markup.ts';
import { htmlLinks } from '../../src/links/html-links.ts';
import { buildArchive } from '../../src/site/archive/build-archive.ts';
import { pageFileText } from '../../src/site/pages/page-files.ts';
import { dataPages } from '../../src/site/pages/site-pages.ts';
import { sitemapPages } from '../../src/site/pages/sitemap-pages.ts';
import { makePaper } from '../support/make-paper.ts';

const history = new Map<string, AddressRecord>([
  ['old-title', { to: '2501.00001' }],
  ['older-title', { to: 'old-title' }],
  ['taken', { to: '2501.00001' }],
  ['gone-title', { removed: '2026-03-20', title: 'A <gone> paper & more' }],
  ['to-gone', { to: 'gone-title' }],
  ['nowhere', { to: 'missing' }],
]);
const archive = buildArchive(
  [makePaper('2501.00001', '2026-03-19', { title: 'Moved <b>paper</b>' }), makePaper('taken', '2026-03-19')],
  [],
  undefined,
  history,
);
const pages = dataPages(archive, ['paper-redirect', 'paper-removed']);
const SITE = 'https://example.org';

describe('the pages of former addresses', () => {
  it('redirect to the paper at the end of the chain, or say the paper left; a real paper wins', () => {
    expect(pages.map((page) => [page.kind, page.path, page.props])).toEqual([
      ['paper-redirect', 'papers/old-title/', { to: '2501.00001', title: 'Moved <b>paper</b>' }],
      ['paper-redirect', 'papers/older-title/', { to: '2501.00001', title: 'Moved <b>paper</b>' }],
      ['paper-removed', 'papers/gone-title/', { removed: '2026-03-20', title: 'A <gone> paper & more' }],
      ['paper-removed', 'papers/to-gone/', { removed: '2026-03-20', title: 'A <gone> paper & more' }],
    ]);
  });

  it('are in no sitemap', () => {
    const listed = sitemapPages(archive).flatMap((page) => page.props.paths);
    expect(listed.filter((path) => path.startsWith('papers/'))).toEqual(['papers/2501.00001/', 'papers/taken/']);
  });

  it('write a redirect with refresh, canonical, noindex and a link, the title escaped', () => {
    const html = pageFileText('paper-redirect', pages[0]!.props, SITE);
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/papers/2501.00001/">');
    expect(html).toContain('<link rel="canonical" href="https://example.org/papers/2501.00001/">');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain('<a href="/papers/2501.00001/">Moved &lt;b&gt;paper&lt;/b&gt;</a>');
    expect(htmlLinks(html).links.map((link) => link.url)).toEqual([
      'https://example.org/papers/2501.00001/',
      '/papers/2501.00001/',
      '/papers/2501.00001/',
    ]);
    expect(findForeignMarkup(html, '/')).toEqual([]);
  });

  it('write a removed page with the day, the title as text, and ways to look for it', () => {
    const html = pageFileText('paper-removed', pages[2]!.props, SITE);
    expect(html).toContain('<h1>A &lt;gone&gt; paper &amp; more</h1>');
    expect(html).toContain('This paper was removed from the archive on 20 March 2026.');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain('href="/search/?q=A%20%3Cgone%3E%20paper%20%26%20more"');
    expect(html).toContain('href="/"');
    expect(findForeignMarkup(html, '/')).toEqual([]);
  });

  it('leave the guard watching refreshes: one to a script is foreign markup', () => {
    const html = '<html><head><meta http-equiv="Refresh" content="0; URL=\'javascript:alert(1)\'"></head></html>';
    expect(findForeignMarkup(html, '/').map((hit) => hit.what)).toEqual(['<meta http-equiv="refresh"> to a script-capable URL']);
  });
});
