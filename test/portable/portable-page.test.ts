import { describe, expect, it } from 'vitest';
import { portablePage } from '../../src/portable/portable-page.ts';

const options = { pagePath: 'papers/x/index.html', base: '/', searchScript: '_astro/portable-search.js' };
const page = (head: string, body: string) => `<!doctype html><html><head><title>t</title>${head}</head><body>${body}</body></html>`;

describe('portablePage', () => {
  it('rewrites internal URL attributes and nothing else', () => {
    const html = page(
      '<link rel="stylesheet" href="/_astro/a.css"><link rel="icon" href="/favicon.svg">',
      '<a href="/papers/y/">y</a><form action="/search/" method="get"></form><a href="https://arxiv.org/abs/1">a</a><a href="mailto:a@b.c">m</a>',
    );
    expect(portablePage(html, options)).toBe(
      page(
        '<link rel="stylesheet" href="../../_astro/a.css"><link rel="icon" href="../../favicon.svg">',
        '<a href="../y/index.html">y</a>'.replace('../y/', '../../papers/y/') +
          '<form action="../../search/index.html" method="get"></form><a href="https://arxiv.org/abs/1">a</a><a href="mailto:a@b.c">m</a>',
      ),
    );
  });

  it('leaves entry text that looks like an attribute untouched', () => {
    const text =
      '<p class="abstract-text">We set href=&quot;/papers/&quot; and &lt;a href="/days/"&gt; src=/x/ action="/search/"</p>' +
      '<p title="href=&quot;/papers/&quot;">x</p><textarea><a href="/papers/">raw</a></textarea><!-- <a href="/papers/"> -->';
    const html = page('<title>href="/papers/"</title>', text);
    expect(portablePage(html, options)).toBe(html);
  });

  it('keeps the query, the hash and entities in attributes', () => {
    const html = page('', '<a href="/search/?q=a&amp;topics=b#r">s</a><a href=/days/#x>d</a><A HREF="/">h</A>');
    expect(portablePage(html, options)).toBe(
      page(
        '',
        '<a href="../../search/index.html?q=a&amp;topics=b#r">s</a><a href="../../days/index.html#x">d</a><A href="../../index.html">h</A>',
      ),
    );
  });

  it('keeps the canonical URL and meta content as the hosted, absolute URLs', () => {
    const head =
      '<link rel="canonical" href="http://localhost:4321/papers/x/"><meta name="citation_pdf_url" content="https://arxiv.org/pdf/1"><meta property="x" content="/papers/x/">';
    expect(portablePage(page(head, ''), options)).toBe(page(head, ''));
    const rootRelative = '<link rel="canonical" href="/papers/x/">';
    expect(portablePage(page(rootRelative, ''), options)).toBe(page(rootRelative, ''));
  });

  it("sends a former address's refresh to the paper's page on disk", () => {
    const head =
      '<meta http-equiv="refresh" content="0; url=/papers/2503.10002/"><link rel="canonical" href="http://localhost:4321/papers/2503.10002/">';
    expect(portablePage(page(head, ''), { ...options, pagePath: 'papers/old-title/index.html' })).toBe(
      page(
        '<meta http-equiv="refresh" content="0; url=../../papers/2503.10002/index.html"><link rel="canonical" href="http://localhost:4321/papers/2503.10002/">',
        '',
      ),
    );
    const other = '<meta http-equiv="content-type" content="text/html"><meta http-equiv="refresh" content="30">';
    expect(portablePage(page(other, ''), options)).toBe(page(other, ''));
  });

  it('honours the base', () => {
    const html = page('', '<a href="/shelf/days/">d</a><a href="/elsewhere/">e</a>');
    expect(portablePage(html, { ...options, base: '/shelf/' })).toBe(
      page('', '<a href="../../days/index.html">d</a><a href="/elsewhere/">e</a>'),
    );
  });

  it('removes module scripts and links only a server can serve, keeping data scripts', () => {
    const html = page(
      '<link rel="manifest" href="/manifest.webmanifest"><link rel="modulepreload" href="/_astro/a.js"><script type="application/ld+json">{"a":"/papers/"}</script>',
      '<p>a</p><script type="module" src="/_astro/register.js"></script><script type="module">navigator.serviceWorker.register("/sw.js")</script><p>b</p>',
    );
    expect(portablePage(html, options)).toBe(page('<script type="application/ld+json">{"a":"/papers/"}</script>', '<p>a</p><p>b</p>'));
  });

  it('gives the search page the classic search script and a relative base', () => {
    const html = `${page('', '<div class="search" data-search data-base="/">x</div>')}<script type="module" src="/_astro/search.js"></script>`;
    expect(portablePage(html, { ...options, pagePath: 'search/index.html' })).toBe(
      page('<script src="../_astro/portable-search.js" defer></script>', '<div class="search" data-search data-base="../">x</div>'),
    );
  });

  it('rewrites srcset, style attributes and style elements', () => {
    const html = page('<style>a{background:url("/a.png")}</style>', '<img srcset="/a.png 1x, /b.png 2x" style="background:url(/c.png)">');
    expect(portablePage(html, options)).toBe(
      page(
        '<style>a{background:url("../../a.png")}</style>',
        '<img srcset="../../a.png 1x, ../../b.png 2x" style="background:url(../../c.png)">',
      ),
    );
  });

  it('finds the right spans after CRLF line ends and characters outside the BMP', () => {
    const html = page('', '\r\n<p>😀 𝔘 é\r\n</p>\r\n<a href="/days/">d</a>');
    expect(portablePage(html, options)).toBe(page('', '\r\n<p>😀 𝔘 é\r\n</p>\r\n<a href="../../days/index.html">d</a>'));
  });
});
