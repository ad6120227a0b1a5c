import { describe, expect, it } from 'vitest';
import { ELLIPSIS, namesLine, withEllipsis, wrapText } from '../../src/build/cards/wrap-text.ts';
import fc from 'fast-check';
import { shareDescription } from '../../src/site/social-card.ts';

/** Ten pixels a code point: widths are easy to reason about. */
const measure = (text: string) => [...text].length * 10;

describe('wrapping a title', () => {
  it('breaks at spaces into lines no wider than the width', () => {
    const { lines, fits } = wrapText('Attention Is All You Need', 120, 4, measure);
    expect(lines).toEqual(['Attention Is', 'All You Need']);
    expect(fits).toBe(true);
  });

  it('ends the last line with an ellipsis when the text needs more lines', () => {
    const { lines, fits } = wrapText('one two three four five six seven eight nine ten', 100, 2, measure);
    expect(fits).toBe(false);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith(ELLIPSIS)).toBe(true);
    for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(100);
  });

  it('breaks a word wider than the line inside it, and text without spaces anywhere', () => {
    expect(wrapText('Pneumonoultramicroscopic', 100, 4, measure).lines).toEqual(['Pneumonoul', 'tramicrosc', 'opic']);
    const chinese = wrapText('大型语言模型的研究与应用', 50, 2, measure);
    expect(chinese.lines).toEqual(['大型语言模', '型的研究…']);
  });

  it('collapses runs of spaces and ignores leading and trailing ones', () => {
    expect(wrapText('  a   b  ', 100, 2, measure).lines).toEqual(['a b']);
    expect(wrapText('', 100, 2, measure)).toEqual({ lines: [], fits: true });
  });

  it('drops a separator before the ellipsis', () => {
    expect(withEllipsis('Scaling laws,', 200, measure)).toBe('Scaling laws…');
    expect(withEllipsis('abcdefghij', 50, measure)).toBe('abcd…');
  });

  it('keeps the whole text whenever it fits (any text, any width)', () => {
    for (const text of ['a', 'a b c d e f g', 'x'.repeat(40), 'Δ-networks: α = 0.5 σ']) {
      for (const width of [10, 30, 90, 400]) {
        const { lines, fits } = wrapText(text, width, 100, measure);
        expect(fits).toBe(true);
        expect(lines.join('').replaceAll(' ', '')).toBe(text.replaceAll(' ', ''));
        for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(width);
      }
    }
  });
});

describe('the line of authors', () => {
  it('shows every name that fits and sums up the rest', () => {
    expect(namesLine(['Ada', 'Bob'], 200, measure)).toBe('Ada, Bob');
    expect(namesLine(['Ada', 'Bob', 'Cy', 'Dee', 'Eve'], 190, measure)).toBe('Ada, Bob and 3 more');
    expect(namesLine(['Ada', 'Bob', 'Cy', 'Dee', 'Eve'], 189, measure)).toBe('Ada and 4 more');
    expect(namesLine([], 100, measure)).toBe('');
  });

  it('cuts a single name too long for the line', () => {
    expect(namesLine(['Bartholomew Featherstonehaugh', 'Li'], 100, measure)).toBe('Bartholom…');
  });

  it('stays cheap for a paper with hundreds of authors', () => {
    let calls = 0;
    const counting = (text: string) => ((calls += 1), measure(text));
    const names = Array.from({ length: 500 }, (_, index) => `Author ${index}`);
    expect(namesLine(names, 410, counting)).toBe('Author 0, Author 1, Author 2 and 497 more');
    expect(calls).toBeLessThan(20);
  });
});

describe('the description of a link preview', () => {
  it('keeps short text, on one line', () => {
    expect(shareDescription('  A short\nabstract. ')).toBe('A short abstract.');
  });

  it('cuts long text at a word, within the limit, with an ellipsis', () => {
    const text = 'word '.repeat(100);
    const cut = shareDescription(text);
    expect(cut.length).toBeLessThanOrEqual(200);
    expect(cut).toMatch(/word…$/);
    expect(shareDescription('x'.repeat(300))).toBe(`${'x'.repeat(199)}…`);
  });

  it('reads only the start of a long text, with the result of reading all of it', () => {
    // What the description was before it stopped reading the whole text: the reference.
    const whole = (text: string, limit: number) => {
      const flat = text.replace(/\s+/g, ' ').trim();
      if (flat.length <= limit) return flat;
      const cut = flat.slice(0, limit - 1);
      const space = cut.lastIndexOf(' ');
      return `${(space > limit / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
    };
    const piece = fc.oneof(
      fc.constantFrom(' ', '  ', '\n', '\t \n', ' '.repeat(30), ',', '.', '-'),
      fc.string({ minLength: 1, maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 120 }), fc.integer({ min: 4, max: 60 }), (pieces, limit) => {
        const text = pieces.join('');
        expect(shareDescription(text, limit)).toBe(whole(text, limit));
      }),
      { numRuns: 2000 },
    );
  });
});
