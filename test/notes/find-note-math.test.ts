/** Finding and marking the formulas of a note: the rules of entry text, in prose only, one paragraph at a time. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findMath } from '../../src/site/math/find-math.ts';
import { findNoteMath, hasNoteMath } from '../../src/notes/find-note-math.ts';
import { FORMULA_END, FORMULA_START, markNoteMath } from '../../src/notes/mark-note-math.ts';
import { readableNotes } from '../../src/notes/readable-notes.ts';

/** The formulas of `notes`, as written. */
const sources = (notes: string) => findNoteMath(notes).map((formula) => notes.slice(formula.start, formula.end));

describe('findNoteMath', () => {
  it('finds what entry text would, money staying text', () => {
    const prose = 'Costs $5 and $10, uses $\\frac{a}{b}$, \\(x^{2}\\) and $$\\sum_i i$$; `\\$` is a dollar: \\$x$.';
    expect(sources(prose)).toEqual(['$\\frac{a}{b}$', '\\(x^{2}\\)', '$$\\sum_i i$$']);
    expect(sources(prose)).toEqual(findMath(prose).flatMap((piece) => (piece.kind === 'math' ? [piece.source] : [])));
    expect(hasNoteMath('Costs $5 and $10.')).toBe(false);
    expect(hasNoteMath('Uses $x$.')).toBe(true);
  });

  it('skips code spans, fenced code and import or export blocks', () => {
    const notes = [
      'In `$x$ {code}` and ``a ` $y$``, but $z$.',
      '',
      '```tex',
      '$w$ {w}',
      '```',
      '',
      '> ~~~',
      '> $v$',
      '> ~~~',
      '',
      'import { a } from "$lib"',
      'export const b = "$c$"',
      '',
      '- ```',
      '  $u$',
      '  ```',
    ].join('\n');
    expect(sources(notes)).toEqual(['$z$']);
  });

  it('keeps a formula within its paragraph, but lets a $$ block hold any line', () => {
    expect(sources('Costs $a\n\nb$.')).toEqual([]);
    expect(sources('# Heading $a\nb$ text')).toEqual([]);
    expect(sources('- item $a\n- item b$')).toEqual([]);
    expect(sources('> quoted $a\nb$ lazily')).toEqual([]);
    expect(sources('A formula $a +\nb$ over two lines.')).toEqual(['$a +\nb$']);
    expect(sources('> quoted $a +\n> b$ too')).toEqual(['$a +\n> b$']);
    expect(sources('$$\n\\begin{aligned}\n- a &= b \\\\\n1. c &= d\n\\end{aligned}\n$$')).toEqual([
      '$$\n\\begin{aligned}\n- a &= b \\\\\n1. c &= d\n\\end{aligned}\n$$',
    ]);
  });
});

describe('markNoteMath', () => {
  it('escapes every punctuation character of a formula, fences it, and leaves the rest alone', () => {
    expect(markNoteMath('Costs $5, uses $\\frac{a}{b}$ and {x}.')).toBe(
      `Costs $5, uses ${FORMULA_START}\\$\\\\frac\\{a\\}\\{b\\}\\$${FORMULA_END} and {x}.`,
    );
  });

  it("keeps a quoted formula's `>` markers and drops spaces before its line breaks", () => {
    expect(markNoteMath('> a $x +  \n> y$ b')).toBe(`> a ${FORMULA_START}\\$x \\+\n> y\\$${FORMULA_END} b`);
  });

  it('keeps every line where it was, whatever the notes (property)', () => {
    const piece = fc.constantFrom('$', '$$', '\\(', '\\)', '{', '}', '`', '\n', '\n\n', '> ', '- ', 'x', ' ', '*', '\\', '<b>', '5');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const notes = pieces.join('');
        const marked = markNoteMath(notes);
        expect(marked.split('\n')).toHaveLength(notes.split('\n').length);
        // Without the fences and the escapes, the formulas are what was written.
        const unmarked = marked.replace(/\uFDD0([^\uFDD1]*)\uFDD1/g, (_, formula: string) => formula.replace(/\\([!-/:-@[-`{-~])/g, '$1'));
        expect(unmarked).toBe(
          notes.replace(/[ \t]+(?=\n)/g, (spaces, at: number) =>
            findNoteMath(notes).some((f) => f.start < at && at < f.end) ? '' : spaces,
          ),
        );
      }),
    );
  });
});

describe('readableNotes', () => {
  it('reads formulas as the search index reads an abstract, and leaves code and money alone', () => {
    expect(readableNotes('Costs $5 and $10; $\\alpha \\leq \\frac{1}{2}$ and `$\\beta$`.')).toBe(
      'Costs $5 and $10; α ≤ 1/2 and `$\\beta$`.',
    );
  });
});
