/**
 * Hostile papers for the citation writers' tests: the entries of e2e/fixtures/hostile.jsonl,
 * run through the real pipeline, and every input quoted in ../shared/BAD-INPUTS.md as a title
 * and an author, cleaned as the pipeline cleans them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { citedPaper, type CitedPaper } from '../../src/site/formats/cited-paper.ts';
import { collectEntries } from '../../src/ingest/collect-entries.ts';
import { enrichPapers } from '../../src/ingest/enrich/enrich-papers.ts';
import { cleanText } from '../../src/ingest/normalize/clean-text.ts';
import { makePaper } from './make-paper.ts';

const root = join(import.meta.dirname, '..', '..');

/** Text pieces that try to break out of a BibTeX field, entry or TeX, for property tests. */
export const HOSTILE_FRAGMENTS = [
  '{',
  '}',
  '\\',
  '%',
  '&',
  '$',
  '#',
  '_',
  '~',
  '^',
  '<',
  '>',
  '|',
  '"',
  "'",
  '`',
  '-',
  '--',
  '---',
  "''",
  '``',
  '?`',
  '!`',
  ',,',
  ',',
  '@',
  '=',
  ' ',
  ' and ',
  ' AND ',
  'others',
  ', Jr.',
  'van ',
  'de la ',
  'BERT',
  'LLaMA',
  'GPT-4o',
  'I',
  'x',
  'é',
  'ß',
  'İ',
  '中文',
  '😀',
  '\u202e',
  '\u200b',
  '\u00ad',
  '\u00a0',
  '$x$',
  '$\\frac{a}{b}$',
  '$$\\sum_{i=1}^n$$',
  '\\(a\\)',
  '$\\input{/etc/passwd}$',
  '$x^^5cinput$',
  '$\\{$',
  '\\textbf{x}',
  '\\input{x}',
  '\\end{document}',
  '}\n@misc{evil,',
  '},\n  note = {x',
  '}, note = {x',
  '\\}',
  '\\{',
  '\\$',
  '\\\\',
  '%}',
  '{{',
  '}}',
  'title = {',
  '@comment{',
  '\\textless{}',
];

/** Every span quoted in the catalogue's tables (`` `x` ``, ```` ``` ````…). */
export function catalogueInputs(): string[] {
  const text = readFileSync(join(root, '..', 'shared', 'BAD-INPUTS.md'), 'utf8');
  const rows = text.split('\n').filter((line) => /^\| [A-K]\d+ \|/.test(line));
  return rows.flatMap((row) => {
    const input = row.split(' | ')[1] ?? '';
    const spans = [...input.matchAll(/(`+) ?(.+?) ?\1(?!`)/g)].map((match) => match[2]!);
    return [...spans, spans.join(' ')];
  });
}

/** The hostile papers, each valid as the archive stores papers. */
export async function hostilePapers(): Promise<CitedPaper[]> {
  const collected = await collectEntries([join(root, 'e2e', 'fixtures', 'hostile.jsonl')]);
  const fixture = enrichPapers(collected.merged, { taxonomies: [] }).map(({ paper }) => citedPaper(paper));
  const catalogue = catalogueInputs()
    .map((input) => cleanText(input, { singleLine: true }).value)
    .filter((input) => input !== '')
    .map((input, index) =>
      citedPaper(makePaper(`catalogue-${index + 1}`, '2025-03-19', { title: input, authors: [input, 'Ada Lovelace'], abstract: input })),
    );
  return [...fixture, ...catalogue];
}
