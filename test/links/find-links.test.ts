/** The links the check finds in each kind of file of a built site. */
import { describe, expect, it } from 'vitest';
import { cssFileLinks, jsonLinks, robotsLinks, xmlLinks } from '../../src/links/data-links.ts';
import { htmlLinks } from '../../src/links/html-links.ts';

const urls = (found: { links: { url: string }[] }) => found.links.map((link) => link.url);

describe('htmlLinks', () => {
  it('finds every URL attribute, <link>s, srcsets, form actions and styles, with their lines', () => {
    const page = [
      '<link rel="stylesheet" href="/_astro/a.css"><link rel="icon" href="/favicon.svg">',
      '<a href="/days/">Days</a><img src="/og.png" srcset="/a.png 1x, /b%20c.png 2x">',
      '<form action="/search/"><button formaction="/search/?x=1">Go</button></form>',
      '<div style="background: url(\'/bg.svg\')"></div><style>.x{background:url(/s.svg)}</style>',
      '<video poster="/p.jpg"></video><object data="/o.svg"></object><div data="not-a-url"></div>',
    ].join('\n');
    const found = htmlLinks(page);
    expect(urls(found)).toEqual([
      '/_astro/a.css',
      '/favicon.svg',
      '/days/',
      '/og.png',
      '/a.png',
      '/b%20c.png',
      '/search/',
      '/search/?x=1',
      '/bg.svg',
      '/s.svg',
      '/p.jpg',
      '/o.svg',
    ]);
    expect(found.links.find((link) => link.url === '/search/')!.line).toBe(3);
  });

  it('takes absolute addresses from <meta content> and JSON-LD, and redirects from meta refresh, but no free text', () => {
    const page = [
      '<meta property="og:image" content="https://example.org/og/x.png"><meta name="description" content="See /days/ for more">',
      '<meta http-equiv="refresh" content="0; url=/moved/">',
      '<script type="application/ld+json">{"@context":"https://schema.org","url":"https://example.org/papers/x/","name":"/not/a/link"}</script>',
    ].join('\n');
    expect(urls(htmlLinks(page))).toEqual([
      'https://example.org/og/x.png',
      '/moved/',
      'https://schema.org',
      'https://example.org/papers/x/',
    ]);
  });

  it('decodes entities in attributes, and collects ids and <a name>s for fragments', () => {
    const found = htmlLinks(
      '<a href="/search/?q=a&amp;b">x</a><main id="content"></main><a name="old-anchor"></a><p id="caf&eacute;"></p>',
    );
    expect(urls(found)).toEqual(['/search/?q=a&b']);
    expect([...found.ids]).toEqual(['content', 'old-anchor', 'café']);
  });
});

describe('xmlLinks', () => {
  it('requires a sitemap’s <loc>s to be on the site', () => {
    const sitemap =
      '<?xml version="1.0"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n<url><loc>https://example.org/a/</loc></url>\n</urlset>';
    expect(xmlLinks(sitemap).links).toEqual([{ url: 'https://example.org/a/', line: 3, onSite: true }]);
  });

  it('finds an Atom feed’s links and http ids, and requires its self link to be on the site', () => {
    const feed = [
      '<feed xmlns="http://www.w3.org/2005/Atom"><id>https://example.org/feed.xml</id>',
      '<link rel="self" type="application/atom+xml" href="https://example.org/feed.xml"/><link rel="alternate" href="https://example.org/"/>',
      '<entry><id>urn:uuid:1</id><title>A &lt;b&gt; title</title><link href="https://example.org/papers/x/"/><link rel="related" href="https://arxiv.org/abs/1"/></entry></feed>',
    ].join('\n');
    expect(xmlLinks(feed).links).toEqual([
      { url: 'https://example.org/feed.xml', line: 1, onSite: false },
      { url: 'https://example.org/feed.xml', line: 2, onSite: true },
      { url: 'https://example.org/', line: 2, onSite: false },
      { url: 'https://example.org/papers/x/', line: 3, onSite: false },
      { url: 'https://arxiv.org/abs/1', line: 3, onSite: false },
    ]);
  });
});

describe('jsonLinks', () => {
  it('requires a JSON Feed’s own and home address to be on the site, and checks other absolute addresses', () => {
    const feed = JSON.stringify(
      {
        version: 'https://jsonfeed.org/version/1.1',
        home_page_url: 'https://example.org/',
        feed_url: 'https://example.org/feed.json',
        items: [{ id: 'x', url: 'https://example.org/papers/x/', content_text: 'see /days/' }],
      },
      null,
      2,
    );
    expect(jsonLinks(feed).links).toEqual([
      { url: 'https://jsonfeed.org/version/1.1', line: 2, onSite: false },
      { url: 'https://example.org/', line: 3, onSite: true },
      { url: 'https://example.org/feed.json', line: 4, onSite: true },
      { url: 'https://example.org/papers/x/', line: 8, onSite: false },
    ]);
  });

  it('reads a web app manifest’s relative addresses', () => {
    const manifest = JSON.stringify({
      name: 'P',
      start_url: '/papershelf/',
      scope: '/papershelf/',
      icons: [{ src: 'favicon.svg', type: 'image/svg+xml' }],
    });
    expect(urls(jsonLinks(manifest, { manifest: true }))).toEqual(['/papershelf/', '/papershelf/', 'favicon.svg']);
    expect(urls(jsonLinks(manifest))).toEqual([]);
  });

  it('finds nothing in a file that is not JSON', () => {
    expect(jsonLinks('{oops').links).toEqual([]);
  });
});

describe('robotsLinks and cssFileLinks', () => {
  it('takes robots.txt’s Sitemap lines as addresses on the site, and no path patterns', () => {
    expect(robotsLinks('User-agent: *\nAllow: /\nDisallow: /private/\n\nSitemap: https://example.org/sitemap.xml\n').links).toEqual([
      { url: 'https://example.org/sitemap.xml', line: 5, onSite: true },
    ]);
  });

  it('finds url()s and @imports of a style sheet, with lines, and not those in comments or strings', () => {
    const css = '@import "base.css";\n/* url(/old.png) */\n.a { content: "url(/no)"; background: url(../img/a.png); }\n';
    expect(cssFileLinks(css).links).toEqual([
      { url: 'base.css', line: 1 },
      { url: '../img/a.png', line: 3 },
    ]);
  });
});
