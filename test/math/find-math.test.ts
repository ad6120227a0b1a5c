/** Finding formulas in entry text: real arXiv cases, money, escapes and broken delimiters. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findMath, hasMath, MAX_TEX, type Piece } from '../../src/site/math/find-math.ts';

/** The pieces as short strings: text as written, formulas as `[tex]` (inline) or `[[tex]]` (displayed). */
const show = (text: string) =>
  findMath(text).map((piece) => (piece.kind === 'text' ? piece.text : piece.display ? `[[${piece.tex}]]` : `[${piece.tex}]`));
const join = (pieces: Piece[]) => pieces.map((piece) => (piece.kind === 'text' ? piece.text : piece.source)).join('');

describe('findMath', () => {
  it('finds the four kinds of delimiters', () => {
    expect(show(String.raw`a $x^2$ b $$\sum_i x_i$$ c \(\alpha\) d \[E=mc^2\] e`)).toEqual([
      'a ',
      '[x^2]',
      ' b ',
      String.raw`[[\sum_i x_i]]`,
      ' c ',
      String.raw`[\alpha]`,
      ' d ',
      '[[E=mc^2]]',
      ' e',
    ]);
  });

  // Each from the 2026 Q1 arXiv listings (../shared/data/arxiv-2026q1.jsonl), by id.
  it.each([
    [
      '2601.05581',
      String.raw`matrix sizes $s\times s$ and $2\times 2$ with`,
      ['matrix sizes ', String.raw`[s\times s]`, ' and ', String.raw`[2\times 2]`, ' with'],
    ],
    [
      '2603.14941 (padded, closing before a digit is fine after a command)',
      String.raw`up to 120$ \times $ larger`,
      ['up to 120', String.raw`[ \times ]`, ' larger'],
    ],
    [
      '2603.03318 (padded)',
      String.raw`word error rate ($4.7 \times $) and a $ 2.6\times$ longer`,
      ['word error rate (', String.raw`[4.7 \times ]`, ') and a ', String.raw`[ 2.6\times]`, ' longer'],
    ],
    [
      '2601.02663 (a formula before a digit)',
      String.raw`($\sim$8s $\rightarrow$ $\sim$31s)`,
      ['(', String.raw`[\sim]`, '8s ', String.raw`[\rightarrow]`, ' ', String.raw`[\sim]`, '31s)'],
    ],
    [
      '2601.04382 (\\( \\) and $ in one abstract)',
      String.raw`(\(\approx\)1\,fps at \mbox{$640\times480$})`,
      ['(', String.raw`[\approx]`, String.raw`1\,fps at \mbox{`, String.raw`[640\times480]`, '})'],
    ],
    ['2601.15639 (a line break after the opening $)', '$\nI_{G,f}(X;Y)$.', ['[\nI_{G,f}(X;Y)]', '.']],
    [
      '2601.08641 (escaped dollars)',
      String.raw`The launch of \$Trump coin made \$500,000.`,
      [String.raw`The launch of \$Trump coin made \$500,000.`],
    ],
    [
      '2601.08852 (money)',
      'approximately $15 on-demand compute (or $0 on free tier',
      ['approximately $15 on-demand compute (or $0 on free tier'],
    ],
    ['2603.07444 (money, a range)', 'an average API cost of $0.8-$1.5 per run', ['an average API cost of $0.8-$1.5 per run']],
    ['2601.09124 (one dollar sign)', 'translate to $4.85M savings per petabyte', ['translate to $4.85M savings per petabyte']],
    ['2603.13372 (money, twice)', "(o3's $4,500/task to GPT-5.2's $12/task)", ["(o3's $4,500/task to GPT-5.2's $12/task)"]],
    ['2601.05833 (padded, no TeX syntax: left as written)', 'complexity $ O(n) $, and', ['complexity $ O(n) $, and']],
  ])('%s', (_id, text, expected) => {
    expect(show(text)).toEqual(expected);
  });

  it('keeps money as text and still finds a formula after it', () => {
    expect(show('costs $5 and $10')).toEqual(['costs $5 and $10']);
    expect(show('costs $5, uses $x$')).toEqual(['costs $5, uses ', '[x]']);
    expect(show('from $5$10')).toEqual(['from $5$10']);
  });

  it('leaves unbalanced, empty and escaped delimiters as text', () => {
    for (const text of [
      'a $x',
      'a $$x',
      String.raw`\(x`,
      String.raw`\[x`,
      'x$',
      '$$',
      '$ $',
      '$$ $$',
      String.raw`\(\)`,
      String.raw`\$x\$`,
      'end\\',
    ]) {
      expect(show(text), text).toEqual([text]);
    }
    expect(show(String.raw`$a \$ b$`)).toEqual([String.raw`[a \$ b]`]);
    expect(show(String.raw`\\$x$`)).toEqual(['\\\\', '[x]']);
  });

  it('does not run a formula across a blank line, or past MAX_TEX characters', () => {
    expect(show('$a\n\nb$')).toEqual(['$a\n\nb$']);
    expect(hasMath(`$${'x'.repeat(MAX_TEX)}$`)).toBe(true);
    expect(hasMath(`$${'x'.repeat(MAX_TEX + 1)}$`)).toBe(false);
  });

  it('reads hostile entries as text or as formulas, never losing a character', () => {
    // e2e/fixtures/hostile.jsonl B8, A5, A8.
    expect(show(String.raw`B8: $\frac{a}{b}$ and $\nabla_{\theta}$`)).toEqual([
      'B8: ',
      String.raw`[\frac{a}{b}]`,
      ' and ',
      String.raw`[\nabla_{\theta}]`,
    ]);
    expect(show('<script>alert(1)</script>')).toEqual(['<script>alert(1)</script>']);
    expect(show('$<script>alert(1)</script>$')).toEqual(['[<script>alert(1)</script>]']);
  });

  it('cuts any text into pieces that join back to it', () => {
    const alphabet = fc.constantFrom('$', '\\', '(', ')', '[', ']', ' ', '\n', 'x', '1', '{', '}', '^');
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 40 }).map((chars) => chars.join('')),
        (text) => {
          const pieces = findMath(text);
          expect(join(pieces)).toBe(text);
          for (const piece of pieces) if (piece.kind === 'math') expect(piece.tex.trim()).not.toBe('');
        },
      ),
    );
  });
});
