/**
 * scanStrictHtml against parse5's tokenizer (scanHtml): whenever the fast tokenizer reads a
 * page to its end, it must have met the same start tags, end tags and script text, or the
 * markup guard could pass a page parse5 (and a browser) reads otherwise.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanHtml } from '../../src/html/scan-html.ts';
import { scanStrictHtml } from '../../src/html/scan-strict-html.ts';
import { HOSTILE_FRAGMENTS } from '../support/hostile-papers.ts';
import { tokensBy } from '../support/html-tokens.ts';

const strict = (html: string) => tokensBy(scanStrictHtml, html);
const parse5 = (html: string) => tokensBy(scanHtml, html).tokens;

describe('scanStrictHtml', () => {
  it('reads the markup the templates write, as parse5 does', () => {
    const html = [
      '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A &amp; B</title>',
      '<style>a{color:red}</style><script type="module" src="/_astro/a.js"></script><script>if (a<b && c </scripts) {}</script>',
      '<script type="application/ld+json">{"a":"\\u003cb"}</script></head>',
      '<body><!-- a comment --><a href="https://x.org/?a=1&amp;b=2" data-x=\'y\' hidden>t &lt;b&gt;</a><br/>',
      '<svg data-chart viewBox="0 0 10 10"><path d="M0 0"/></svg><INPUT Type=checkbox checked></body></html>',
    ].join('\n');
    const read = strict(html);
    expect(read.read).toBe(true);
    expect(read.tokens).toEqual(parse5(html));
    expect(read.tokens).toContain('["<","a",[["href","https://x.org/?a=1&b=2"],["data-x","y"],["hidden",""]],false]');
    expect(read.tokens).toContain('["<","input",[["type","checkbox"],["checked",""]],false]');
  });

  it('gives up on what it does not read whole, rather than read it differently', () => {
    for (const html of [
      '<p>a <3 b</p>',
      '<a b="1"c="2">',
      '<a href=x href=y>',
      '<a / b>',
      '<a b=>',
      '<![CDATA[x]]>',
      '<?xml x?>',
      '</ a>',
      '<!-->',
      '<!-- a --!> <script>alert(1)</script> -->',
      '<script>a <!-- b</script>',
      '<svg></svg><script>if (a < b) {}</script>',
      '<math></math><script>a &amp; b</script>',
      '<script>never ended',
      '<svg></svg><title>x</titlex></title>',
      '<svg></svg><noscript><img src=x onerror=alert(1)></noscript>',
      '<plaintext>',
      '<p>a\r\nb</p>',
      '<p>\0</p>',
      '<a:b>',
      '<a\u000bb>',
      '<image src=x>',
      '<svg><a xlink:href="javascript:alert(1)" href="https://x.org/"></a></svg>',
    ]) {
      expect(strict(html).read, html).toBe(false);
    }
  });

  it('whenever it reads a page whole, meets the tokens parse5 meets (property)', () => {
    const tagName = fc.constantFrom(
      'a',
      'p',
      'script',
      'style',
      'title',
      'textarea',
      'svg',
      'math',
      'noscript',
      'iframe',
      'plaintext',
      'SCRIPT',
      'Svg',
      'mi',
      'foreignObject',
      'linearGradient',
      'image',
      'br',
      'x-y',
      'a:b',
    );
    const value = fc.oneof(
      fc.constantFrom(
        '',
        'x',
        'javascript:alert(1)',
        'java&#x09;script:',
        '&amp;',
        '&quot;',
        '&lt;',
        '&not',
        '&notin;',
        '&#0;',
        '&#x80;',
        '/',
        'a/',
        '>',
        '"',
        "'",
        '`',
        '=',
      ),
      fc.string({ maxLength: 4 }),
    );
    const attribute = fc
      .tuple(
        fc.constantFrom(
          'href',
          'HREF',
          'onclick',
          'src',
          'type',
          'class',
          'data-chart',
          'viewBox',
          'definitionURL',
          'xlink:href',
          'xmlns',
          'x:y',
          '@a',
          '"a',
          'a<b',
          '=a',
        ),
        fc.constantFrom('', '=', ' = ', '=\n'),
        fc.constantFrom('"', "'", ''),
        value,
      )
      .map(([name, equals, quote, text]) => (equals === '' ? name : `${name}${equals}${quote}${text}${quote}`));
    const tag = fc
      .tuple(
        tagName,
        fc.array(fc.tuple(fc.constantFrom(' ', '', '\t', '\n', '\f', '\v', '/'), attribute), { maxLength: 3 }),
        fc.constantFrom('', ' ', '/', ' /'),
        fc.constantFrom('>', '', ' >'),
      )
      .map(
        ([name, attributes, slash, close]) => `<${name}${attributes.map(([space, text]) => `${space}${text}`).join('')}${slash}${close}`,
      );
    const endTag = fc.tuple(tagName, fc.constantFrom('>', ' >', '/>', ' x>', '')).map(([name, close]) => `</${name}${close}`);
    const piece = fc.oneof(
      tag,
      tag,
      endTag,
      endTag,
      fc.constantFrom(
        '<!DOCTYPE html>',
        '<!doctype HTML>',
        '<!-- c -->',
        '<!-->',
        '<!--->',
        '<!-- a --!>',
        '<!-- <!-- -->',
        '<![CDATA[ <p> ]]>',
        '<?x?>',
        '</>',
        '< p>',
        '<3',
        '&amp;',
        '&',
        '\r\n',
        '\0',
        ' ',
      ),
      fc.constantFrom(...HOSTILE_FRAGMENTS),
      fc.string({ maxLength: 5 }),
    );
    let readWhole = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
        const html = pieces.join('');
        const read = strict(html);
        if (!read.read) return;
        readWhole += 1;
        expect(read.tokens, html).toEqual(parse5(html));
      }),
      { numRuns: 3000 },
    );
    // The comparison must have had pages to compare.
    expect(readWhole).toBeGreaterThan(300);
  });
});
