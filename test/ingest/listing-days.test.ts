/**
 * Which day a paper is listed under: the file's day (`--date`, else a `YYYY-MM-DD` in the file's
 * name) for every format, each format's own per-entry day, and papers known only by a year or a
 * month, which are listed on no day.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectEntries } from '../../src/ingest/collect-entries.ts';
import { dayInFileName } from '../../src/ingest/parse/file-day.ts';
import { formatProblem } from '../../src/messages/errors.ts';
import { tempDir } from '../support/temp-dir.ts';

const dir = tempDir('papershelf-days-');
let count = 0;

/** Writes `text` as `name` in a folder of its own and returns its path. */
function source(name: string, text: string): string {
  const folder = join(dir, String((count += 1)));
  const file = join(folder, name);
  mkdirSync(folder, { recursive: true });
  writeFileSync(file, text);
  return file;
}

/** The listing day of each entry read from `file`, and every problem. */
async function days(file: string, date?: string) {
  const collected = await collectEntries([file], date ? { date } : {});
  return {
    dates: collected.merged.map(({ entry }) => entry.date),
    errors: collected.problems.filter((problem) => problem.severity === 'error').map((problem) => formatProblem({ ...problem, file: 'f' })),
  };
}

/** A daily-papers item: its paper's publishedAt is arXiv's, the item's can be too. */
const hfItem = (id: string, fields: { submitted?: string; listed?: string }) => ({
  paper: {
    id,
    title: `Paper ${id}`,
    summary: 'An abstract.',
    authors: [{ name: 'Ann Alpha' }],
    publishedAt: '2025-03-10T17:59:59.000Z',
    ...(fields.submitted ? { submittedOnDailyAt: fields.submitted } : {}),
  },
  ...(fields.listed ? { publishedAt: fields.listed } : {}),
  title: `Paper ${id}`,
});

const hf = JSON.stringify([
  hfItem('2503.00001', { submitted: '2025-03-12T02:00:00.000Z', listed: '2025-03-11T23:00:00.000Z' }),
  hfItem('2503.00002', { listed: '2025-03-11T23:00:00.000Z' }),
]);

describe('dayInFileName', () => {
  it.each([
    ['hf-daily-papers-2025-03-19.json', '2025-03-19'],
    ['/a/2024-01-01/reading-2025-02-28.bib', '2025-02-28'],
    ['trending-page-2025-02-30-2025-03-01.txt', '2025-03-01'],
    ['library-20250319.bib', undefined],
    ['papers.json', undefined],
  ])('%s → %s', (file, day) => expect(dayInFileName(file)).toBe(day));
});

describe('Hugging Face daily papers: the listing day', () => {
  it('is the paper’s submittedOnDailyAt, else the item’s publishedAt, with nothing else to go by', async () => {
    expect(await days(source('daily.json', hf))).toEqual({ dates: ['2025-03-12', '2025-03-11'], errors: [] });
  });

  it('is the day in the file name before anything the items say', async () => {
    expect(await days(source('hf-daily-papers-2025-03-19.json', hf))).toEqual({ dates: ['2025-03-19', '2025-03-19'], errors: [] });
  });

  it('is --date before the file name', async () => {
    expect(await days(source('hf-daily-papers-2025-03-19.json', hf), '2025-03-20')).toEqual({
      dates: ['2025-03-20', '2025-03-20'],
      errors: [],
    });
  });
});

describe('a day in the file name', () => {
  const entry = { title: 'A Paper', authors: ['Ann Alpha'], published: '2019' };

  it('fills in native JSON and JSON Lines entries without a date; an entry’s own date wins', async () => {
    const json = JSON.stringify([entry, { ...entry, title: 'Dated', date: '2025-01-02' }]);
    expect(await days(source('papers-2025-03-19.json', json))).toEqual({ dates: ['2025-03-19', '2025-01-02'], errors: [] });
    const lines = `${JSON.stringify(entry)}\n${JSON.stringify({ ...entry, title: 'Dated', date: '2025-01-02' })}\n`;
    expect(await days(source('papers-2025-03-19.jsonl', lines))).toEqual({ dates: ['2025-03-19', '2025-01-02'], errors: [] });
  });

  it('lists BibTeX entries under it, a year being all they give', async () => {
    expect(await days(source('reading-2025-03-19.bib', '@article{a, title = {A}, year = 1960}'))).toEqual({
      dates: ['2025-03-19'],
      errors: [],
    });
  });

  it('lists an arXiv feed’s entries under it rather than their submission day', async () => {
    const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/2503.00003v1</id>
      <published>2025-03-10T10:00:00Z</published><title>An Atom Paper</title><summary>Text.</summary>
      <author><name>Ann Alpha</name></author></entry></feed>`;
    expect(await days(source('arxiv-2025-03-19.atom', atom))).toEqual({ dates: ['2025-03-19'], errors: [] });
    expect(await days(source('arxiv.atom', atom))).toEqual({ dates: ['2025-03-10'], errors: [] });
  });

  it('is not a day when the name holds no real one', async () => {
    expect(await days(source('papers-2025-02-30.json', JSON.stringify([entry])))).toEqual({ dates: [null], errors: [] });
  });
});

describe('a reference library without days', () => {
  const zotero = `@article{smith1960,
  title = {Early Results},
  author = {Smith, John},
  journal = {Journal of Tests},
  year = {1960}
}

@inproceedings{doe2019,
  title = {A Conference Paper},
  author = {Doe, Jane and Roe, Rick},
  booktitle = {Proceedings of a Conference},
  year = {2019},
  month = mar
}
`;

  it('ingests with no --date and no error, each entry listed on no day with its publication date', async () => {
    const collected = await collectEntries([source('library.bib', zotero)]);
    expect(collected.problems.filter((problem) => problem.severity !== 'info')).toEqual([]);
    expect(collected.merged.map(({ entry }) => [entry.date, entry.published])).toEqual([
      [null, '1960'],
      [null, '2019-03'],
    ]);
  });

  it('still refuses an entry with neither a date nor a year, with one clear error', async () => {
    const { errors } = await days(source('library.bib', `${zotero}\n@misc{nodate, title = {Undated}}\n`));
    expect(errors).toEqual([
      'f:16: date: BibTeX gives no date, and a day is never invented; give the entry a year, or pass --date YYYY-MM-DD to list these papers under a day',
    ]);
  });

  it('refuses a native entry with neither date nor published', async () => {
    const { errors } = await days(source('papers.json', JSON.stringify([{ title: 'Undated' }])));
    expect(errors).toEqual(['f:1: date: missing: give the day it is listed under (date) or at least its publication year (published)']);
  });

  it('merges a dated and an undated entry of the same paper to the dated one', async () => {
    const json = JSON.stringify([
      { title: 'Same Paper', authors: ['Ann Alpha'], published: '2019' },
      { title: 'Same Paper', authors: ['Ann Alpha'], date: '2025-03-19' },
    ]);
    const collected = await collectEntries([source('papers.json', json)]);
    expect(collected.merged.map(({ entry }) => [entry.date, entry.published])).toEqual([['2025-03-19', '2019']]);
  });
});
