/** Cleaning untrusted text, and the normaliser's cap checked before it: both linear in the text. */
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../src/ingest/normalize/clean-text.ts';
import { normalizeEntry } from '../../src/ingest/normalize/normalize-entry.ts';
import { LIMITS } from '../../src/schema/paper.ts';

/** The combining marks kept on one character of an abstract (clean-text.ts, `MARKS_KEPT`). */
const MARKS_KEPT = 16;

/** Runs `work`, failing when it takes `ms` or more. */
function fast<T>(ms: number, work: () => T): T {
  const started = performance.now();
  const result = work();
  expect(performance.now() - started).toBeLessThan(ms);
  return result;
}

describe('cleanText', () => {
  it('keeps a 200,000-space run inside an abstract, in linear time (a regular expression took 23 s)', () => {
    const text = `a${' '.repeat(200_000)}b`;
    expect(fast(2000, () => cleanText(text, { singleLine: false }))).toEqual({ value: text, changes: [] });
    expect(fast(2000, () => cleanText(`${text}${'\t '.repeat(100_000)}\nc`, { singleLine: false })).value).toBe(`${text}\nc`);
  });

  it('drops the spaces and tabs that end each line, and only those', () => {
    expect(cleanText('  one \t\n two\u00a0\n\t\nthree  ', { singleLine: false }).value).toBe('one\n two\u00a0\n\nthree');
  });

  it(`cuts a run of combining marks to ${MARKS_KEPT} before NFC in an abstract, to 4 in a title, and says so`, () => {
    const zalgo = `Z${'\u0301\u0316'.repeat(50_000)}!`;
    const abstract = fast(2000, () => cleanText(zalgo, { singleLine: false }));
    expect([...abstract.value.normalize('NFD')].length).toBe(MARKS_KEPT + 2);
    expect(abstract.changes).toEqual([`kept at most ${MARKS_KEPT} combining marks on a character`]);
    const title = fast(2000, () => cleanText(zalgo, { singleLine: true }));
    expect([...title.value].length).toBe(6);
    expect(title.changes).toEqual(['kept at most 4 combining marks on a character']);
    // A few marks, as real scripts use them, are kept as written (NFC-composed).
    expect(cleanText('Nguye\u0302\u0303n', { singleLine: true })).toEqual({ value: 'Nguyễn', changes: [] });
  });
});

describe('normalizeEntry: text over twice its cap is refused before it is cleaned', () => {
  it('refuses a 200 KB abstract of spaces at once, naming the field and the cap', () => {
    const { entry, problems } = fast(2000, () =>
      normalizeEntry({ file: 'p.jsonl', line: 3, fields: { title: 'T', date: '2025-01-02', abstract: `a${' '.repeat(200_000)}b` } }),
    );
    expect(entry).toBeNull();
    expect(problems).toEqual([
      {
        severity: 'error',
        file: 'p.jsonl',
        line: 3,
        field: 'abstract',
        reason: `longer than ${LIMITS.abstractChars} characters (200002 as given; refused before cleaning, shorten it)`,
      },
    ]);
  });

  it('names the item of a list, and cleans text up to twice its cap as before', () => {
    const authors = ['A', 'x'.repeat(2 * LIMITS.authorChars + 1)];
    expect(normalizeEntry({ file: 'p.jsonl', line: 1, fields: { title: 'T', date: '2025-01-02', authors } }).problems).toEqual([
      {
        severity: 'error',
        file: 'p.jsonl',
        line: 1,
        field: 'authors.1',
        reason: `longer than ${LIMITS.authorChars} characters (${2 * LIMITS.authorChars + 1} as given; refused before cleaning, shorten it)`,
      },
    ]);
    // Twice the cap in white space cleans down to a title that fits.
    const padded = `${' '.repeat(LIMITS.titleChars)}Fits${' '.repeat(LIMITS.titleChars - 4)}`;
    expect(normalizeEntry({ file: 'p.jsonl', line: 1, fields: { title: padded, date: '2025-01-02' } }).entry?.entry.title).toBe('Fits');
  });
});
