import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { findForeignMarkup } from '../../src/integrations/find-foreign-markup.ts';
import { inlineScripts } from '../../src/integrations/inline-scripts.ts';

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
    const html = page('<script>alert(1)</script>\n<script src="https://evil.example/x.js"></script>\n<script type="module" src="/_astro/a.js"></script>');
    expect(findForeignMarkup(html, '/').map((hit) => [hit.line, hit.what])).toEqual([
      [3, '<script> not bundled by the build'],
      [3, 'inline script code'],
      [4, '<script src="https://evil.example/x.js"> not bundled by the build'],
    ]);
    expect(findForeignMarkup(page('<script type="module" src="/_astro/a.js"></script>'), '/repo/')).toHaveLength(1);
  });

  it('accepts the project’s own inline scripts by their exact text, and no other inline script', () => {
    const copy = readFileSync(new URL('../../src/scripts/inline/copy-citation.js', import.meta.url), 'utf8');
    expect(inlineScripts().has(copy.trim())).toBe(true);
    expect(findForeignMarkup(page(`<script>${copy}</script>`), '/', inlineScripts())).toEqual([]);
    // Without the list, or with one character changed, or with a source, it is foreign.
    expect(findForeignMarkup(page(`<script>${copy}</script>`), '/')).toHaveLength(2);
    expect(findForeignMarkup(page(`<script>${copy.replace('Copied', 'Copied!')}</script>`), '/', inlineScripts()).map((hit) => hit.what)).toEqual([
      '<script> not bundled by the build',
      'inline script code',
    ]);
    expect(findForeignMarkup(page(`<script src="https://evil.example/x.js">${copy}</script>`), '/', inlineScripts())).toHaveLength(2);
    expect(findForeignMarkup(page(`<script type="module">${copy}</script>`), '/', inlineScripts())).toHaveLength(2);
    expect(findForeignMarkup(page('<script></script>'), '/', inlineScripts())).toHaveLength(1);
  });

  it('accepts data scripts only when they hold JSON with no `<`', () => {
    const data = (json: string) => page(`<script type="application/ld+json">${json}</script>`);
    expect(findForeignMarkup(data('{"a":"\\u003c/b>"}'), '/')).toEqual([]);
    const notOurs = [data('alert(1)'), data(''), data('{"a":"<b>"}'), page('<script type="application/json">{"a":1}')];
    for (const html of notOurs) expect(findForeignMarkup(html, '/').map((hit) => hit.what)).toEqual(['<script> data that is not JSON, or holds "<"']);
  });

  it('finds event attributes in any case and script-capable URLs', () => {
    const hits = findForeignMarkup(
      page('<img src=x OnError=alert(1)>\n<a href=" JaVaScRiPt:alert(1)">a</a>\n<a href="data:text/html,x">b</a>\n<form action="vbscript:x"></form>'),
      '/',
    );
    expect(hits.map((hit) => hit.line)).toEqual([3, 4, 5, 6]);
    expect(hits[0]?.what).toContain('onerror');
  });

  it('finds frames and embedded objects', () => {
    expect(findForeignMarkup(page('<iframe srcdoc="x"></iframe><object data="x"></object>'), '/').map((hit) => hit.what)).toEqual([
      '<iframe> element',
      '<object> element',
    ]);
  });
});
