/** Formulas read as plain text, for the search index and its excerpts. */
import { describe, expect, it } from 'vitest';
import { readableTex, readableText } from '../../src/site/math/readable-text.ts';

describe('readableText', () => {
  it('drops delimiters, turns commands into symbols and keeps scripts as written', () => {
    expect(readableText(String.raw`for $\alpha \leq \frac{1}{2}$ and $x^2$ in \(\mathcal{O}(n^2)\)`)).toBe('for α ≤ 1/2 and x^2 in O(n^2)');
  });

  // Real cases from the 2026 Q1 arXiv listings, by id.
  it.each([
    ['2601.03165', String.raw`the cyclic code $\mathcal{C}_n$ over $\mathbb{F}_q$`, 'the cyclic code C_n over F_q'],
    ['2602.08966', String.raw`a $\left(\frac{2n}{3n-1}\right)$-MMS allocation`, 'a (2n/(3n-1))-MMS allocation'],
    ['2601.08430, 2602.04466', String.raw`($\sim$110k) and $\textbf{micro domains}$`, '(~110k) and micro domains'],
    ['2601.20211', String.raw`$35\pm17_{\text{stat}}$ vessels`, '35±17_stat vessels'],
    ['2601.02663', String.raw`47.5\% $\rightarrow$ 67.5\%`, '47.5% → 67.5%'],
    ['2601.08641', String.raw`a profit of \$500,000`, 'a profit of $500,000'],
    ['2601.08852', 'about $15 on-demand (or $0 on free tier', 'about $15 on-demand (or $0 on free tier'],
  ])('%s', (_id, text, expected) => {
    expect(readableText(text)).toBe(expected);
  });

  it('keeps what it does not know, without the backslash, and never leaves markup or braces', () => {
    expect(readableTex(String.raw`\method{x} + \operatorname{arg\,max}_y`)).toBe('methodx + arg max_y');
    expect(readableTex(String.raw`\href{javascript:alert(1)}{x}`)).toBe('hrefjavascript:alert(1)x');
    expect(readableText('<b>$<i>$</b>')).toBe('<b><i></b>');
  });

  it('leaves text without formulas exactly as written', () => {
    for (const text of ['p<0.05 and x<y', 'C:\\path trailing\\', '{x | x>0}', 'costs $5 and $10']) expect(readableText(text)).toBe(text);
  });
});
