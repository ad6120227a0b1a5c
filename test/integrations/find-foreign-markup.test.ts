import { describe, expect, it } from 'vitest';
import { findForeignMarkup } from '../../src/build/guard/find-foreign-markup.ts';
import { READER_SCRIPT } from '../../src/scripts/reader/reader-script.ts';

const page = (body: string) => `<!doctype html><html><head><title>t</title></head>\n<body>\n${body}\n</body></html>`;

describe('findForeignMarkup', () => {
  it('accepts what the templates produce', () => {
    const html = page(
      '<script type="module" src="/_astro/page.Ab-1.js"></script><script type="application/ld+json">{"@type":"ScholarlyArticle"}</script>' +
        '<a href="https://arxiv.org/abs/1">x</a><p>&lt;script&gt;alert(1)&lt;/script&gt; onload=x javascript:alert(1)</p>',
    );
    expect(findForeignMarkup(html, '/')).toEqual([]);
  });

  it('finds inline scripts, foreign script sources and scripts outside the base', () => {
    const html = page(
      '<script>alert(1)</script>\n<script src="https://evil.example/x.js"></script>\n<script type="module" src="/_astro/a.js"></script>',
    );
    expect(findForeignMarkup(html, '/').map((hit) => [hit.line, hit.what])).toEqual([
      [3, 'inline script code other than the reader script'],
      [4, '<script src="https://evil.example/x.js"> not bundled by the build'],
    ]);
    expect(findForeignMarkup(page('<script type="module" src="/_astro/a.js"></script>'), '/repo/')).toHaveLength(1);
  });

  it('accepts inline code only when it is the reader script, byte for byte, in a plain <script>', () => {
    expect(findForeignMarkup(page(`<script>${READER_SCRIPT}</script>`), '/')).toEqual([]);
    const notOurs = [
      page(`<script>${READER_SCRIPT} </script>`),
      page(`<script>${READER_SCRIPT.replace('papershelf-theme', 'x')}</script>`),
      page(`<script>${READER_SCRIPT}alert(1)</script>`),
      page('<script></script>'),
      page(`<script>${READER_SCRIPT}`.slice(0, -5)),
    ];
    for (const html of notOurs)
      expect(findForeignMarkup(html, '/').map((hit) => hit.what)).toEqual(['inline script code other than the reader script']);
    // With any attribute it is not the reader's plain script (an `onload`, a `src`, a type).
    expect(findForeignMarkup(page(`<script type="module">${READER_SCRIPT}</script>`), '/').map((hit) => hit.what)).toContain(
      'inline script code',
    );
    expect(findForeignMarkup(page(`<script src="/x.js">${READER_SCRIPT}</script>`), '/')).not.toEqual([]);
  });

  it('accepts data scripts only when they hold JSON with no `<`', () => {
    const data = (json: string) => page(`<script type="application/ld+json">${json}</script>`);
    expect(findForeignMarkup(data('{"a":"\\u003c/b>"}'), '/')).toEqual([]);
    const notOurs = [data('alert(1)'), data(''), data('{"a":"<b>"}'), page('<script type="application/json">{"a":1}')];
    for (const html of notOurs)
      expect(findForeignMarkup(html, '/').map((hit) => hit.what)).toEqual(['<script> data that is not JSON, or holds "<"']);
  });

  it('finds event attributes in any case and script-capable URLs', () => {
    const hits = findForeignMarkup(
      page(
        '<img src=x OnError=alert(1)>\n<a href=" JaVaScRiPt:alert(1)">a</a>\n<a href="data:text/html,x">b</a>\n<form action="vbscript:x"></form>',
      ),
      '/',
    );
    expect(hits.map((hit) => hit.line)).toEqual([3, 4, 5, 6]);
    expect(hits[0]?.what).toContain('onerror');
  });

  it('finds script-capable URLs with tabs, line breaks or control characters in the scheme, which browsers drop', () => {
    const html = page(
      '<a href="java&#9;script:alert(1)">a</a>\n<a href="\x01javascript:alert(1)">b</a>\n<svg data-chart><a xlink:href="java\nscript:x" href="/">c</a></svg>',
    );
    expect(findForeignMarkup(html, '/').map((hit) => hit.line)).toEqual([3, 4, 5]);
  });

  it('reads pages the fast tokenizer gives up on with parse5, clean or not', () => {
    expect(findForeignMarkup(page('<p>1 <3 2</p>\n<p>a<br/ >b</p>'), '/')).toEqual([]);
    expect(findForeignMarkup(page('<p>1 <3 2</p>\n<img src=x onerror=alert(1)>'), '/')).toEqual([
      { line: 4, what: '<img onerror=…> event attribute', region: 'page' },
    ]);
  });

  it('finds frames and embedded objects', () => {
    expect(findForeignMarkup(page('<iframe srcdoc="x"></iframe><object data="x"></object>'), '/').map((hit) => hit.what)).toEqual([
      '<iframe> element',
      '<object> element',
    ]);
  });

  it('tells markup in the notes from markup in a formula and elsewhere on the page', () => {
    const html = page(
      [
        '<header><img src=x onerror=a></header>',
        '<section class="notes" aria-labelledby="notes-heading"><h2>Notes</h2>',
        '<section><p>inner</p></section><p><a href="javascript:x">n</a></p>',
        '<span class="math"><iframe></iframe></span>',
        '</section>',
        '<span class="math"><span onclick="x">f</span></span>',
        '<footer><script>alert(1)</script></footer>',
      ].join('\n'),
    );
    expect(findForeignMarkup(html, '/').map((hit) => [hit.line, hit.region, hit.what])).toEqual([
      [3, 'page', '<img onerror=…> event attribute'],
      [5, 'notes', '<a href="javascript:x…"> script-capable URL'],
      [6, 'notes', '<iframe> element in a formula'],
      [6, 'notes', '<iframe> element'],
      [8, 'formula', '<span onclick=…> attribute in a formula'],
      [8, 'formula', '<span onclick=…> event attribute'],
      [9, 'page', 'inline script code other than the reader script'],
    ]);
  });
});
