/**
 * The markup guard and formulas: KaTeX's output passes inside a math container and nowhere
 * else, hostile TeX cannot make a link, an image, a script or a style, and anything inside a
 * container that KaTeX would not write is reported.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findForeignMarkup } from '../../src/build/guard/find-foreign-markup.ts';
import { scanHtml } from '../../src/html/scan-html.ts';
import { scanStrictHtml } from '../../src/html/scan-strict-html.ts';
import { renderMath } from '../../src/site/math/render-math.ts';
import { renderPieces } from '../../src/site/math/render-pieces.ts';
import { tokensBy } from '../support/html-tokens.ts';

const page = (body: string) => `<!doctype html><html><head><title>t</title></head>\n<body>\n${body}\n</body></html>`;
const escape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
/** Entry text as src/components/MathText.astro writes it. */
const asPage = (text: string) =>
  renderPieces(text)
    .map((piece) =>
      piece.kind === 'text'
        ? escape(piece.text)
        : `<span class="${piece.display ? 'math math-display' : 'math'}"><span class="math-tex" aria-hidden="true">${escape(piece.source)}</span>${piece.html}</span>`,
    )
    .join('');
/** Markup that would let text act: a link, image, script, style or frame; an id, URL or event attribute; a class or style it chose. */
function dangerous(html: string): string[] {
  const found: string[] = [];
  scanHtml(html, {
    startTag(tag) {
      if (/^(?:a|img|image|script|style|iframe|object|embed|foreignobject|use|link|form|input)$/.test(tag.tagName))
        found.push(`<${tag.tagName}>`);
      for (const { name, value } of tag.attrs) {
        if (/^(?:href|src|xlink:href|id|action|srcset)$|^on/.test(name)) found.push(`${name}=`);
        if ((name === 'class' && /skip-link/.test(value)) || (name === 'style' && /url\(|background:/.test(value)))
          found.push(`${name}="${value}"`);
      }
    },
  });
  return found;
}
const hits = (body: string) => findForeignMarkup(page(body), '/').map((hit) => hit.what);

/** 474 distinct formulas from the 2026 Q1 arXiv listings: the ones with the most commands, environments and displays. */
const realFormulas = readFileSync(join(import.meta.dirname, '../fixtures/math/arxiv-formulas.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as { id: string; source: string });

/** What KaTeX can build, construct by construct: every element, attribute and style it writes. */
const CONSTRUCTS =
  String.raw`\cancel{x}|\bcancel{x}|\xcancel{x}|\sout{abc}|\boxed{x}|\fbox{x}|\colorbox{red}{x}|\fcolorbox{red}{blue}{x}|\overbrace{x+y}^{a}|\underbrace{x+y}_{b}|\xrightarrow[a]{b}|\widehat{xyz}|\overrightarrow{AB}|\overleftrightarrow{AB}|\begin{pmatrix}a&b\\c&d\end{pmatrix}|\begin{cases}a&b\\c&d\end{cases}|\begin{array}{|c:c|}\hline a&b\\\hdashline c&d\end{array}|\begin{aligned}a&=b\\c&=d\end{aligned}|\sum\limits_{\substack{a\\b}}|\not=|\phantom{x}\hphantom{y}\vphantom{z}|\raisebox{0.25em}{x}|\rule{1em}{2em}|\vec{x}\mathring{x}|\sqrt[3]{x}|\operatorname{arg\,max}|\mathbb{R}\boldsymbol{x}\pmb{x}|\textcolor{blue}{x}\color{#123}{y}|\overset{a}{b}\stackrel{a}{b}|\binom{a}{b}\genfrac(]{0pt}{2}{a}{b}|\left(\frac{a}{b}\right)\big(\Bigg\langle|\oint\oiint|\kern1em\hskip2em\mskip3mu|\llap{x}\rlap{y}\clap{z}\smash{x}|\vcenter{x}|\char"41|\Huge x \tiny y|\mathchoice{a}{b}{c}{d}|\def\x{y}\x|a\\b|\cfrac{1}{2}|\utilde{AB}|\begin{alignedat}{2}a&b\end{alignedat}|x'''`.split(
    '|',
  );

describe('the guard and KaTeX output', () => {
  it('accepts every real formula and every construct inside a math container', () => {
    const sources = [...realFormulas.map((formula) => formula.source), ...CONSTRUCTS.flatMap((tex) => [`$${tex}$`, `$$${tex}$$`])];
    const body = sources.map((source) => `<p>${asPage(`Text ${source} text.`)}</p>`).join('\n');
    expect(body.match(/class="math/g)?.length).toBeGreaterThan(500);
    expect(hits(body)).toEqual([]);
    // …and so does the fast first look, token for token as parse5.
    const strict = tokensBy(scanStrictHtml, page(body));
    expect(strict.read).toBe(true);
    expect(strict.tokens).toEqual(tokensBy(scanHtml, page(body)).tokens);
  });

  it('rejects KaTeX output outside a container', () => {
    expect(hits(renderMath('x^2', false)!)).toEqual([
      '<math> outside a formula',
      '<semantics> outside a formula',
      '<mrow> outside a formula',
      '<msup> outside a formula',
      '<mi> outside a formula',
      '<mn> outside a formula',
      '<annotation> outside a formula',
    ]);
    expect(hits('<svg><path d="M0 0"/></svg>')).toEqual(['<svg> outside a formula', '<path> outside a formula']);
  });

  it("accepts the site's own charts, and still checks what is inside them", () => {
    expect(
      hits(
        '<svg data-chart viewBox="0 0 10 10"><path d="M0 0h10"></path></svg><svg data-chart class="spark"><polyline points="0,1 2,3" /></svg>',
      ),
    ).toEqual([]);
    expect(hits('<svg data-chart><path onload="alert(1)"></path><a href="javascript:alert(1)">x</a></svg>')).toEqual([
      '<path onload=…> event attribute',
      '<a href="javascript:alert(1)…"> script-capable URL',
    ]);
    expect(hits('<svg data-chart><path d="M0 0"></path></svg><path d="M0 0"></path>')).toEqual(['<path> outside a formula']);
  });

  it('turns hostile TeX into harmless text or harmless math: no link, image, script, class or style of its choosing', () => {
    const hostile = [
      String.raw`\href{javascript:alert(1)}{click}`,
      String.raw`\href{https://evil.example/}{click}`,
      String.raw`\url{https://evil.example/}`,
      String.raw`\includegraphics[height=1em]{https://tracker.example/pixel.gif}`,
      String.raw`\htmlClass{skip-link}{x}`,
      String.raw`\htmlId{content}{x}`,
      String.raw`\htmlStyle{background:url(https://tracker.example/)}{x}`,
      String.raw`\htmlData{onload=alert(1)}{x}`,
      String.raw`\color{red;background:url(x)}{x}`,
      String.raw`\text{<script>alert(1)</script>}`,
      String.raw`<img src=x onerror=alert(1)>`,
      String.raw`</span></span><script>alert(1)</script>`,
      String.raw`\def\a{\a\a}\a`,
      String.raw`\def\a#1{#1#1#1#1#1#1#1#1}\a{\a{\a{\a{\a{\a{x}}}}}}`,
      String.raw`\rule{100000em}{100000em}\kern100000em`,
      String.raw`\unicode{x3C}script\unicode{x3E}`,
    ];
    for (const tex of hostile) {
      const html = asPage(`Before $${tex}$ after.`);
      expect(hits(html), tex).toEqual([]);
      expect(dangerous(html), tex).toEqual([]);
    }
    // A refused command shows the formula as written, rather than KaTeX's red command name.
    expect(renderPieces(String.raw`See $\href{https://a.example/}{here}$.`)).toEqual([
      { kind: 'text', text: String.raw`See $\href{https://a.example/}{here}$.`, style: null },
    ]);
  });

  it('keeps every hostile entry of the e2e fixture and the bad-input catalogue harmless, as text or inside $…$', () => {
    const fixture = readFileSync(join(import.meta.dirname, '../../e2e/fixtures/hostile.jsonl'), 'utf8')
      .trim()
      .split('\n');
    const texts = fixture.flatMap((line) => {
      const entry = JSON.parse(line) as { title: string; abstract: string };
      return [entry.title, entry.abstract];
    });
    for (const text of texts) {
      for (const variant of [text, `$${text}$`, `$$${text}$$`, `\\(${text}\\)`]) {
        const html = asPage(variant);
        expect(hits(html), variant).toEqual([]);
        expect(dangerous(html), variant).toEqual([]);
      }
    }
  });

  it('rejects, inside a container, anything KaTeX would not write', () => {
    const inMath = (markup: string) => hits(`<span class="math">${markup}</span>`);
    expect(inMath('<a href="https://evil.example/">x</a>')).toEqual(['<a> element in a formula']);
    expect(inMath('<img src="x">')).toEqual(['<img> element in a formula']);
    expect(inMath('<script>alert(1)</script>')).toEqual([
      '<script> element in a formula',
      'inline script code other than the reader script',
    ]);
    expect(inMath('<span onclick="alert(1)">x</span>')).toEqual([
      '<span onclick=…> attribute in a formula',
      '<span onclick=…> event attribute',
    ]);
    expect(inMath('<span id="content">x</span>')).toEqual(['<span id=…> attribute in a formula']);
    expect(inMath('<span style="background:url(https://t.example/)">x</span>')).toEqual([
      '<span style="background:url(https://t.example/)"> in a formula',
    ]);
    expect(inMath('<span style="color:url(x)">x</span>')).toEqual(['<span style="color:url(x)"> in a formula']);
    expect(inMath('<span style="width:expression(alert(1))">x</span>')).toEqual(['<span style="width:expression(alert(1))"> in a formula']);
    expect(inMath('<span class="a&quot;b">x</span>')).toEqual(['<span class="a"b"> in a formula']);
    expect(
      inMath('<math xmlns="http://evil.example/"><mi href="https://evil.example/">x</mi><maction actiontype="toggle">y</maction></math>'),
    ).toEqual(['<math xmlns="http://evil.example/"> in a formula', '<mi href=…> attribute in a formula', '<maction> element in a formula']);
    expect(inMath('<svg><foreignObject><iframe></iframe></foreignObject><use href="#x"/></svg>')).toEqual([
      '<foreignObject> element in a formula',
      '<iframe> element in a formula',
      '<iframe> element',
      '<use> element in a formula',
    ]);
    // Closing the container early does not let markup out unseen.
    expect(hits('<span class="math"><span>x</span></span></span><math></math>')).toEqual(['<math> outside a formula']);
    expect(hits('<span class="math"><span>x</div></span>')).toEqual([
      '</div> out of place in a formula',
      '</body> out of place in a formula',
      '</html> out of place in a formula',
      'a formula left open at the end of the page',
    ]);
    expect(hits('<span class="math"><span>x').at(-1)).toBe('a formula left open at the end of the page');
    // Only a plain container opens one.
    expect(hits('<span class="math" id="x"><math></math></span>')).toEqual(['<math> outside a formula']);
  });
});
