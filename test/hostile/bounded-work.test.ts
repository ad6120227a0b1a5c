/**
 * Bounded work for hostile input: every parser, format detection, the normalizer and the math
 * rendering take time linear in what they are given. Adversarial text — long runs of white
 * space, nesting, `$`, backslashes, combining marks, `@` lines, XML comments, one huge line,
 * doubling @strings — is grown to about 200 KB and put into each format, as a field and as the
 * whole file. Each run may take 50 ms a KB plus a second: a ceiling no linear step comes near
 * on a slow, busy machine, while every quadratic step found here took 20 s to hours at 200 KB.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderPieces } from '../../src/site/math/render-pieces.ts';
import type { Problem } from '../../src/messages/errors.ts';
import { detectFormat } from '../../src/ingest/parse/detect-format.ts';
import { parseArxivAtom } from '../../src/ingest/parse/parse-arxiv-atom.ts';
import { parseBibtex } from '../../src/ingest/parse/parse-bibtex.ts';
import { parseHfDailyPapers } from '../../src/ingest/parse/parse-hf-daily-papers.ts';
import { parseNativeJson, parseNativeJsonLines } from '../../src/ingest/parse/parse-native-json.ts';
import { parseTrendingPage } from '../../src/ingest/parse/parse-trending-page.ts';
import type { ParseResult } from '../../src/ingest/parse/raw-entry.ts';
import { cleanText } from '../../src/ingest/normalize/clean-text.ts';
import { normalizeEntry } from '../../src/ingest/normalize/normalize-entry.ts';
import { LIMITS } from '../../src/schema/paper.ts';

const SIZE = 200_000;
/** The ceiling: 50 ms a KB of input, plus a second. */
const budgetMs = (characters: number) => (50 * characters) / 1024 + 1000;

/** Runs `work` and fails when it takes longer than the budget for `characters`. */
function withinBudget<T>(label: string, characters: number, work: () => T): T {
  const started = performance.now();
  const result = work();
  const ms = performance.now() - started;
  expect(ms, `${label}: ${ms.toFixed(0)} ms for ${Math.round(characters / 1024)} KB`).toBeLessThan(budgetMs(characters));
  return result;
}

/** Short texts that, repeated, were slow somewhere (or could be). */
const UNITS: Readonly<Record<string, string>> = {
  spaces: ' ',
  tabs: '\t',
  newlines: '\n',
  'spaces then a newline': `${' '.repeat(999)}\n`,
  'blank lines with spaces': '\n  \n',
  parentheses: '(',
  braces: '{',
  'closing braces': '}',
  brackets: '[',
  'JSON objects': '{"a":',
  dollars: '$',
  'dollar then brace': '${',
  backslashes: '\\',
  'math parentheses': '\\(',
  'math brackets': '\\[',
  'combining marks': '\u0301\u0316',
  'lone surrogates': '\ud800',
  controls: '\u0007\u0085',
  'byte-order marks': '\ufeff',
  'entry starts': '@a\n',
  'unclosed values': '@a{k,t={\n',
  'unclosed quotes': '@a{k,t="\n',
  'comment lines with @': '@a{k,\n%@a{k,\n',
  'joined values': 'x # ',
  'name separators': ' and ',
  quotes: '"',
  'XML comments': '<!---->',
  'XML tags': '<a>',
  'character references': '&#',
  'arXiv URLs': 'arxiv.org/abs/',
  'date-like lines': 'Mar 19 ',
  percent: '%',
};

const grow = (unit: string, size = SIZE) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
const xml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');

/** Each format: a parser, and the payload as one field of an otherwise sound file. */
interface Format {
  readonly file: string;
  readonly parse: (text: string, file: string) => ParseResult;
  readonly embed: (payload: string) => string;
}
const FORMATS: Readonly<Record<string, Format>> = {
  jsonl: {
    file: 'papers.jsonl',
    parse: (text, file) => parseNativeJsonLines(text, file),
    embed: (payload) => `${JSON.stringify({ title: 'T', date: '2025-01-02', abstract: payload })}\n`,
  },
  json: {
    file: 'papers.json',
    parse: (text, file) => parseNativeJson(text, file),
    embed: (payload) => JSON.stringify([{ title: 'T', date: '2025-01-02', abstract: payload }]),
  },
  'hf-daily-papers': {
    file: 'daily.json',
    parse: (text, file) => parseHfDailyPapers(text, file, {}),
    embed: (payload) =>
      JSON.stringify([
        { paper: { id: '2501.00001', title: 'T', summary: payload, authors: [{ name: 'A' }] }, publishedAt: '2025-01-02T00:00:00Z' },
      ]),
  },
  'arxiv-atom': {
    file: 'feed.atom',
    parse: (text, file) => parseArxivAtom(text, file, {}),
    embed: (payload) =>
      `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/2501.00001v1</id><title>${xml(payload.slice(0, 2000))}</title><summary>${xml(payload)}</summary></entry></feed>`,
  },
  bibtex: {
    file: 'refs.bib',
    parse: (text, file) => parseBibtex(text, file, { date: '2025-01-02' }),
    embed: (payload) => `@article{k, title = {T}, author = {${payload.slice(0, 20_000)}}, abstract = {${payload}}, note = "${payload}"}\n`,
  },
  'trending-page': {
    file: 'trending-2025-03-19.txt',
    parse: (text, file) => parseTrendingPage(text, file, {}),
    embed: (payload) => `Mar 19\n\nA title\n\n${payload}\n`,
  },
};

/** Parses `text` as `format`, normalises what comes out, and checks that every problem names the file. */
function ingest(format: Format, text: string): Problem[] {
  const { entries, problems } = format.parse(text, format.file);
  const normalized = entries.flatMap((entry) => normalizeEntry(entry).problems);
  const all = [...problems, ...normalized];
  expect(all.every((problem) => problem.file === format.file)).toBe(true);
  return all;
}

describe('every parser and the normalizer take time linear in their input', () => {
  for (const [name, unit] of Object.entries(UNITS)) {
    it(`${name}, ${SIZE / 1000} KB, in each format, as a field and as the file`, () => {
      const payload = grow(unit);
      for (const [formatName, format] of Object.entries(FORMATS)) {
        for (const [shape, text] of [
          ['as a field', format.embed(payload)],
          ['as the file', payload],
        ] as const) {
          withinBudget(`${formatName} ${shape}`, text.length, () => ingest(format, text));
        }
      }
      withinBudget('format detection', SIZE, () => detectFormat('source', payload));
    });
  }

  it('cleans 200 KB of each kind of text, one line or many', () => {
    for (const [name, unit] of Object.entries(UNITS)) {
      const payload = grow(unit);
      withinBudget(`cleanText ${name}`, SIZE, () => cleanText(payload, { singleLine: false }));
      withinBudget(`cleanText ${name}, one line`, SIZE, () => cleanText(payload, { singleLine: true }));
    }
  });

  it('normalises an entry whose every field is 200 KB of hostile text', () => {
    for (const [name, unit] of Object.entries(UNITS)) {
      const payload = grow(unit);
      const fields = {
        id: payload,
        title: payload,
        abstract: payload,
        authors: [payload, 'A'],
        date: payload,
        published: payload,
        doi: payload,
        url: payload,
        code_url: payload,
        categories: [payload],
        tags: [payload],
      };
      withinBudget(`normalizeEntry ${name}`, 11 * SIZE, () => normalizeEntry({ file: 'f.jsonl', line: 1, fields }));
    }
  });

  it('renders the math of an abstract of each kind, at the abstract cap', () => {
    for (const [name, unit] of Object.entries(UNITS)) {
      const abstract = grow(unit, LIMITS.abstractChars);
      withinBudget(`renderPieces ${name}`, abstract.length, () => renderPieces(abstract));
    }
  });

  it('reads one 5 MB line of JSON Lines', () => {
    const text = FORMATS['jsonl']!.embed(grow('word ', 5_000_000));
    const problems = withinBudget('5 MB line', text.length, () => ingest(FORMATS['jsonl']!, text));
    expect(problems).toContainEqual(
      expect.objectContaining({ field: 'abstract', reason: expect.stringContaining(`longer than ${LIMITS.abstractChars} characters`) }),
    );
  });

  it('reads @strings that double at each step without building them', () => {
    let bib = '@string{a0 = "xx"}\n';
    for (let i = 1; i <= 40; i += 1) bib += `@string{a${i} = a${i - 1} # a${i - 1}}\n`;
    bib += `@article{k, title = a40, date = {2025-01-02}}\n`.repeat(1000);
    const problems = withinBudget('doubling @strings', bib.length, () => ingest(FORMATS['bibtex']!, bib));
    expect(problems.filter((problem) => problem.severity === 'error')).toHaveLength(1000);
  });
});

describe('random mixtures of hostile text', () => {
  const mixture = fc
    .tuple(
      fc.array(fc.tuple(fc.constantFrom(...Object.values(UNITS)), fc.integer({ min: 1, max: 4000 })), { minLength: 1, maxLength: 6 }),
      fc.string({ maxLength: 200 }),
    )
    .map(([runs, noise]) =>
      runs
        .map(([unit, times]) => unit.repeat(times))
        .join(noise)
        .slice(0, SIZE),
    );
  it.each(Object.keys(FORMATS))('%s', (formatName) => {
    const format = FORMATS[formatName]!;
    fc.assert(
      fc.property(mixture, fc.boolean(), (payload, embedded) => {
        const text = embedded ? format.embed(payload) : payload;
        withinBudget(formatName, text.length, () => ingest(format, text));
      }),
      { numRuns: 25 },
    );
  });
});
