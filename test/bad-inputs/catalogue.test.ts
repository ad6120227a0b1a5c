/**
 * The bad-input catalogue (../shared/BAD-INPUTS.md, sections A–K), one case per row, each with
 * the outcome we promise: the entry is kept with exactly this text, kept with a warning, or
 * rejected with an error naming the line and field. Nothing is ever dropped without a report.
 * Rendering of sections A–C and K in a browser is proven in e2e/hostile-entries-show-as-text.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectEntries } from '../../src/ingest/collect-entries.ts';
import { enrichPapers } from '../../src/ingest/enrich/enrich-papers.ts';
import { paperToMdx } from '../../src/ingest/emit/paper-to-mdx.ts';
import { splitMdx } from '../../src/ingest/emit/split-mdx.ts';
import { LIMITS, SLUG, paperSchema } from '../../src/schema/paper.ts';
import { tempDir } from '../support/temp-dir.ts';

type Outcome = { kept: Record<string, unknown>; warning?: [field: string, reason: string] } | { rejected: [field: string, reason: string] };

interface Case {
  readonly id: string;
  /** Native entry fields (date defaults to a valid day), or a raw JSONL line, or raw bytes. */
  readonly input: Record<string, unknown> | { line: string } | { bytes: Uint8Array };
  readonly outcome: Outcome;
}

const work = tempDir('papershelf-bad-');
const lit = (title: string, abstract = title): Case['input'] => ({ title, abstract });
const keptLiteral = (title: string, abstract = title): Outcome => ({ kept: { title, abstract } });

const CASES: Case[] = [
  // A. Hostile markup and code: kept as literal text.
  ...[
    ['A1', '{process.exit(1)}'],
    ['A2', '{constructor.constructor("return process")()}'],
    ['A3', "import x from 'y'"],
    ['A4', 'export const a = 1'],
    ['A5', '<script>alert(1)</script>'],
    ['A6', '<img src=x onerror=alert(1)>'],
    ['A7', '<svg onload=alert(1)><iframe srcdoc="x"></iframe><math><style>'],
    ['A8', '[x](javascript:alert(1))'],
    ['A9', '![x](https://tracker/pixel.gif)'],
    ['A10', '<Foo/>'],
    ['A11', '{/* hidden */}'],
    ['A12', '<!-- comment -->'],
    ['A13', '&lt;script&gt; &amp;amp;'],
    ['A14', '</title><script>'],
  ].map(([id, text]): Case => ({ id: id!, input: lit(text!), outcome: keptLiteral(text!) })),
  // B. MDX and Markdown syntax in ordinary scientific text: literal.
  ...[
    ['B1', 'p<0.05, x<y, n<=5'],
    ['B3', '<https://example.org>'],
    ['B4', 'stray </div> and <'],
    ['B5', '{x | x>0} and {'],
    ['B6', 'lone }'],
    ['B8', '$\\frac{a}{b}$ $\\nabla_{\\theta}$ $$\\sum_{i=1}^n$$'],
    ['B9', 'a\\*b C:\\path trailing\\'],
    ['B10', '*p*-value __init__ 2*3*4'],
    ['B12', 'a --- b'],
    ['B14', '`code` and `unbalanced'],
    ['B15', '~~x~~ ~1~'],
    ['B16', 'www.example.org https://example.org'],
    ['B17', '"quotes" -- ... it\'s'],
    ['B18', '[1] citation'],
  ].map(([id, text]): Case => ({ id: id!, input: lit(text!), outcome: keptLiteral(text!) })),
  {
    id: 'B11',
    input: { title: 'Lines', abstract: '# h\n- l\n1. n\n> q\nTitle\n===' },
    outcome: keptLiteral('Lines', '# h\n- l\n1. n\n> q\nTitle\n==='),
  },
  {
    id: 'B13',
    input: { title: 'Table', abstract: '| a | b |\n|---|---|\n```\ncode\n```\n    indented' },
    outcome: keptLiteral('Table', '| a | b |\n|---|---|\n```\ncode\n```\n    indented'),
  },
  {
    id: 'B19',
    input: { title: '  padded  title  ', abstract: '  two trailing  \nnext' },
    outcome: { kept: { title: 'padded title', abstract: 'two trailing\nnext' } },
  },
  // C. Front matter: YAML-significant text stays a string.
  ...[
    'Title: Subtitle',
    '- dash',
    '[ bracket',
    '{ brace',
    '@ at',
    '` tick',
    '% pct',
    '> gt',
    '| pipe',
    '! bang',
    '* star',
    '& amp',
    "'quote",
    '"dq',
    'A # not a comment',
    'null',
    '~',
    'yes',
    'off',
    '1e3',
    '0x1F',
    '2024-01-02',
  ].map((title, index): Case => ({ id: `C${index + 1}`, input: { title }, outcome: { kept: { title } } })),
  { id: 'C5', input: { title: 'Multi\n---\nline' }, outcome: { kept: { title: 'Multi --- line' } } },
  { id: 'C6', input: { title: 'Extra key', layout: 'x' }, outcome: { kept: { title: 'Extra key' }, warning: ['layout', 'unknown field'] } },
  // D. Unicode and control characters.
  { id: 'D1', input: { title: 'Nul\u0000here' }, outcome: { kept: { title: 'Nul here' }, warning: ['title', 'U+0000'] } },
  {
    id: 'D2',
    input: { title: 'Bell', abstract: 'a\u0007b\u001bc\u0085d' },
    outcome: { kept: { abstract: 'abcd' }, warning: ['abstract', 'U+0007, U+001B, U+0085'] },
  },
  {
    id: 'D3',
    input: { line: '{"title": "Lone \\ud800 surrogate", "date": "2025-01-02"}' },
    outcome: { kept: { title: 'Lone \ufffd surrogate' }, warning: ['title', 'unpaired surrogate'] },
  },
  {
    id: 'D4',
    input: { title: 'RTL \u202eevil\u202c title' },
    outcome: { kept: { title: 'RTL \u202eevil\u202c title', slug: 'rtl-evil-title' } },
  },
  {
    id: 'D5',
    input: { title: 'Zero\u200bwidth soft\u00adhyphen' },
    outcome: { kept: { title: 'Zero\u200bwidth soft\u00adhyphen', slug: 'zerowidth-softhyphen' } },
  },
  { id: 'D6', input: { title: 'Cafe\u0301 NFD' }, outcome: { kept: { title: 'Caf\u00e9 NFD' } } },
  {
    id: 'D7',
    input: { title: `Zalgo Z${'\u0336'.repeat(40)}` },
    outcome: { kept: { title: `Zalgo Z${'\u0336'.repeat(4)}` }, warning: ['title', 'combining marks'] },
  },
  { id: 'D9', input: { title: '数学' }, outcome: { kept: { title: '数学' } } },
  { id: 'D10', input: { title: 'Line\u2028separator', abstract: 'a\u2029b' }, outcome: { kept: { abstract: 'a\u2029b' } } },
  // E. Size and volume.
  {
    id: 'E1',
    input: { title: 'Huge', abstract: 'x'.repeat(1_000_000) },
    outcome: { rejected: ['abstract', `longer than ${LIMITS.abstractChars} characters`] },
  },
  { id: 'E2', input: { title: 'T'.repeat(5000) }, outcome: { rejected: ['title', `longer than ${LIMITS.titleChars} characters`] } },
  {
    id: 'E3',
    input: { title: 'Many authors', authors: Array.from({ length: 10_000 }, (_, i) => `Author ${i}`) },
    outcome: { kept: { title: 'Many authors' }, warning: ['authors', `kept the first ${LIMITS.authors} of 10000`] },
  },
  { id: 'E6', input: { title: 'Deep', abstract: '('.repeat(100_000) }, outcome: { rejected: ['abstract', 'longer than'] } },
  // F. Empty, missing, wrong type.
  { id: 'F1', input: { abstract: 'No title' }, outcome: { rejected: ['title', 'missing'] } },
  { id: 'F2', input: { title: 'Blank abstract', abstract: '   ' }, outcome: { kept: { abstract: '' } } },
  {
    id: 'F3',
    input: { title: 'Nulls', abstract: null, url: '', code_url: null },
    outcome: { kept: { abstract: '', url: null, code_url: null } },
  },
  { id: 'F4a', input: { title: 'Authors as string', authors: 'A, B' }, outcome: { rejected: ['authors', 'expected array'] } },
  { id: 'F4b', input: { title: 42 }, outcome: { rejected: ['title', 'expected string'] } },
  {
    id: 'F5',
    input: { title: 'Names', authors: ['  Ada   Lovelace ', '', 'A. B.'] },
    outcome: { kept: { authors: ['Ada Lovelace', 'A. B.'] }, warning: ['authors', 'dropped 1 empty item'] },
  },
  { id: 'F6a', input: { line: '[1, 2]' }, outcome: { rejected: ['entry', 'expected an object'] } },
  { id: 'F6b', input: { line: '{"title": "cut' }, outcome: { rejected: ['entry', 'invalid JSON at column'] } },
  // G. Identity.
  { id: 'G3', input: { title: '???' }, outcome: { kept: { title: '???' } } },
  { id: 'G6', input: { title: 'CON' }, outcome: { kept: { title: 'CON' } } },
  { id: 'G7', input: { title: '../../etc/passwd %2F #x ?y' }, outcome: { kept: { slug: 'etc-passwd-2f-x-y' } } },
  // H. Dates.
  { id: 'H1a', input: { title: 'Bad month', date: '2024-13-45' }, outcome: { rejected: ['date', 'expected a real day'] } },
  { id: 'H1b', input: { title: 'Feb 30', date: '2024-02-30' }, outcome: { rejected: ['date', 'expected a real day'] } },
  { id: 'H2', input: { title: 'Ambiguous', date: '03/04/2024' }, outcome: { rejected: ['date', 'expected a real day'] } },
  { id: 'H3', input: { title: 'Year only', published: '2024' }, outcome: { kept: { published: '2024' } } },
  { id: 'H5a', input: { title: 'Year 99999', date: '99999-01-01' }, outcome: { rejected: ['date', 'expected a real day'] } },
  {
    id: 'H5b',
    input: { title: 'Future', date: '2199-01-01' },
    outcome: { kept: { date: '2199-01-01' }, warning: ['date', 'in the future'] },
  },
  { id: 'H6', input: { title: 'Date as number', date: 20240102 }, outcome: { rejected: ['date', 'expected string'] } },
  // I. URLs.
  ...[
    'javascript:alert(1)',
    ' JaVaScRiPt:alert(1)',
    'data:text/html,x',
    'vbscript:x',
    'file:///etc/passwd',
    '//evil.example',
    'relative/path',
    'garbage',
  ].map((url, index): Case => ({
    id: `I${index < 5 ? 1 : 2}-${index}`,
    input: { title: 'Link', url },
    outcome: { rejected: ['url', 'is not allowed'] },
  })),
  { id: 'I3', input: { title: 'Plain http', url: 'http://example.org/p' }, outcome: { kept: { url: 'http://example.org/p' } } },
  {
    id: 'I4',
    input: { title: 'IDN', code_url: 'https://gіthub.com/a/b' },
    outcome: { kept: { code_url: 'https://xn--gthub-n2e.com/a/b' }, warning: ['code_url', 'internationalised'] },
  },
  {
    id: 'I5',
    input: { title: 'Odd URL', url: 'https://example.org/a b"<>' },
    outcome: { kept: { url: 'https://example.org/a%20b%22%3C%3E' } },
  },
  {
    id: 'I6',
    input: { title: 'DOI', url: 'doi:10.1000/xyz123', doi: 'https://doi.org/10.1000/ABC' },
    outcome: { kept: { url: 'https://doi.org/10.1000/xyz123', doi: '10.1000/ABC' } },
  },
  // J. Encoding.
  { id: 'J1', input: { title: 'BOM\ufeffinside' }, outcome: { kept: { title: 'BOMinside' }, warning: ['title', 'U+FEFF'] } },
  {
    id: 'J3',
    input: { bytes: Uint8Array.from([...Buffer.from('{"title": "Caf'), 0xe9, ...Buffer.from('", "date": "2025-01-02"}\n')]) },
    outcome: { rejected: ['file', 'not valid UTF-8 (at byte 14)'] },
  },
  {
    id: 'J3b',
    input: { title: 'CafÃ© mojibake' },
    outcome: { kept: { title: 'CafÃ© mojibake' }, warning: ['title', 'UTF-8 read as Latin-1'] },
  },
  {
    id: 'J4',
    input: { bytes: Buffer.from(`\ufeff{"title": "UTF-16 file", "date": "2025-01-02"}\n`, 'utf16le') },
    outcome: { kept: { title: 'UTF-16 file' } },
  },
  {
    id: 'J6',
    input: { line: '{"title": "Trailing comma", "date": "2025-01-02",}' },
    outcome: { rejected: ['entry', 'invalid JSON at column'] },
  },
  // K. Search-index text: kept literally; the browser spec checks the excerpt shows it as text.
  { id: 'K4', input: { title: '&lt;b&gt; literal' }, outcome: { kept: { title: '&lt;b&gt; literal' } } },
];

/** Writes one case as a JSONL source and runs it through the pipeline. */
async function run(testCase: Case) {
  const file = join(work, `${testCase.id}.jsonl`);
  const { input } = testCase;
  if ('bytes' in input && input.bytes instanceof Uint8Array) writeFileSync(file, input.bytes);
  else if ('line' in input && typeof input.line === 'string') writeFileSync(file, `${input.line}\n`);
  else writeFileSync(file, `${JSON.stringify({ date: '2025-03-19', ...input })}\n`);
  const collected = await collectEntries([file]);
  const papers = enrichPapers(collected.merged, { taxonomies: [] });
  // What the site would read back from the paper file.
  const stored = papers.map(({ paper }) => paperSchema.parse(splitMdx(paperToMdx(paper, '', file)).frontMatter));
  return { collected, stored };
}

describe('bad-input catalogue', () => {
  for (const testCase of CASES) {
    it(`${testCase.id}: ${'rejected' in testCase.outcome ? 'rejected with a report' : 'kept as promised'}`, async () => {
      const { collected, stored } = await run(testCase);
      const problems = collected.problems.map((problem) => `${problem.line}: ${problem.field}: ${problem.severity}: ${problem.reason}`);
      if ('rejected' in testCase.outcome) {
        const [field, reason] = testCase.outcome.rejected;
        expect(stored).toEqual([]);
        expect(
          problems.some((line) => line.startsWith(`1: ${field}: error: `) && line.includes(reason)),
          problems.join('\n'),
        ).toBe(true);
        return;
      }
      expect(stored, problems.join('\n')).toHaveLength(1);
      expect(stored[0]).toMatchObject(testCase.outcome.kept);
      expect(stored[0]!.slug).toMatch(SLUG);
      const warning = testCase.outcome.warning;
      if (warning)
        expect(
          problems.some((line) => line.startsWith(`1: ${warning[0]}: warning: `) && line.includes(warning[1])),
          problems.join('\n'),
        ).toBe(true);
      else expect(problems.filter((line) => line.includes(': error: ') || line.includes(': warning: '))).toEqual([]);
    });
  }

  it('G1/G4/G5: duplicates are merged and reported, look-alikes flagged, case and NFC collisions get distinct slugs', async () => {
    const file = join(work, 'identity.jsonl');
    writeFileSync(
      file,
      [
        { id: '2501.00001', title: 'First copy' },
        { id: '2501.00001', title: 'Second copy' },
        { title: 'BERT', authors: ['A One'] },
        { title: 'Bert', authors: ['B Two'] },
        { title: 'Caf\u00e9 paper', authors: ['C Three'] },
        { title: 'Cafe\u0301 paper', authors: ['D Four'] },
        { title: 'Attention', authors: ['E Five'] },
        { title: 'Attеntion', authors: ['F Six'] },
      ]
        .map((entry) => JSON.stringify({ date: '2025-03-19', ...entry }))
        .join('\n'),
    );
    const collected = await collectEntries([file]);
    const reasons = collected.problems.map((problem) => `${problem.line}: ${problem.field}: ${problem.reason}`);
    expect(reasons).toContainEqual(expect.stringMatching(/^2: id: the same paper as .*identity\.jsonl:1 \(same arXiv id\)/));
    expect(reasons).toContainEqual(expect.stringMatching(/^8: title: looks the same as the title at .*identity\.jsonl:7/));
    const slugs = enrichPapers(collected.merged, { taxonomies: [] }).map(({ paper }) => paper.slug);
    expect(new Set(slugs.map((slug) => slug.toLowerCase())).size).toBe(slugs.length);
    expect(slugs).toEqual(expect.arrayContaining(['bert', 'bert-2', 'cafe-paper', 'cafe-paper-2']));
  });
});
