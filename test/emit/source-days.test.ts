/**
 * `--date` applies only to the sources named with it, and survives: the day is recorded beside
 * the copies in `<content>/sources/` (`.source-days.yaml`), so the next ingest, with no `--date`,
 * lists the same papers on the same day.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ingestProject } from '../../src/ingest/ingest-project.ts';
import { nextSourceDays, sourceDaysText } from '../../src/ingest/source-days.ts';
import { tempDir } from '../support/temp-dir.ts';

const root = join(import.meta.dirname, '..', '..');
let content: string;
let elsewhere: string;

/** Every paper's title and listing day, from its front matter. */
function listed(): Record<string, string | null> {
  const papers = join(content, 'papers');
  return Object.fromEntries(
    readdirSync(papers)
      .sort()
      .map((name) => {
        const text = readFileSync(join(papers, name), 'utf8');
        return [/^title: (.*)$/m.exec(text)?.[1] ?? name, /^date: "?([\d-]+)"?$/m.exec(text)?.[1] ?? null];
      }),
  );
}

beforeEach(() => {
  content = tempDir('papershelf-source-days-');
  elsewhere = tempDir('papershelf-named-');
  cpSync(join(root, 'content', 'taxonomies.yaml'), join(content, 'taxonomies.yaml'));
  mkdirSync(join(content, 'sources'));
  // Already in the folder: one JSON entry with no day of its own, one with its own day.
  writeFileSync(
    join(content, 'sources', 'kept-2025-01-05.json'),
    JSON.stringify([
      { title: 'Kept From The Name', published: '2024' },
      { title: 'Kept With Its Own Day', date: '2025-01-01' },
    ]),
  );
  writeFileSync(join(elsewhere, 'library.bib'), '@article{a, title = {Named With A Date}, year = 1960}\n');
});

describe('--date', () => {
  it('lists only the sources named with it, and the day survives an ingest without it', async () => {
    const first = await ingestProject(content, [join(elsewhere, 'library.bib')], { date: '2025-03-19' });
    expect(first.written).not.toBeNull();
    const expected = {
      'Kept From The Name': '2025-01-05',
      'Kept With Its Own Day': '2025-01-01',
      'Named With A Date': '2025-03-19',
    };
    expect(listed()).toEqual(expected);
    expect(readFileSync(join(content, 'sources', '.source-days.yaml'), 'utf8')).toBe(
      '# Written by papershelf ingest: the day given with --date to each source of this folder.\nlibrary.bib: 2025-03-19\n',
    );
    // The copy is the user's file as it was: never renamed nor rewritten.
    expect(readFileSync(join(content, 'sources', 'library.bib'), 'utf8')).toBe(readFileSync(join(elsewhere, 'library.bib'), 'utf8'));

    const second = await ingestProject(content, [], {});
    expect(second.written).toMatchObject({ added: 0, removed: 0 });
    expect(listed()).toEqual(expected);
  });

  it('is cleared by naming the source again without it: the entry then has only its year', async () => {
    await ingestProject(content, [join(elsewhere, 'library.bib')], { date: '2025-03-19' });
    const again = await ingestProject(content, [join(elsewhere, 'library.bib')], {});
    expect(again.collected.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(listed()['Named With A Date']).toBeNull();
    expect(readFileSync(join(content, 'sources', '.source-days.yaml'), 'utf8')).toBe(
      '# Written by papershelf ingest: the day given with --date to each source of this folder.\n',
    );
  });

  it('writes no record when no day was ever given', async () => {
    await ingestProject(content, [join(elsewhere, 'library.bib')], {});
    expect(existsSync(join(content, 'sources', '.source-days.yaml'))).toBe(false);
  });
});

describe('nextSourceDays', () => {
  it('sets, clears and forgets days, sorted by name', () => {
    const recorded = new Map([
      ['gone.json', '2025-01-01'],
      ['b.bib', '2025-01-02'],
      ['c.bib', '2025-01-03'],
    ]);
    const days = nextSourceDays(recorded, ['/x/a.bib', '/x/c.bib'], '2025-03-19', ['/s/a.bib', '/s/b.bib', '/s/c.bib']);
    expect([...days]).toEqual([
      ['a.bib', '2025-03-19'],
      ['b.bib', '2025-01-02'],
      ['c.bib', '2025-03-19'],
    ]);
    expect(sourceDaysText(nextSourceDays(days, ['/x/a.bib'], undefined, ['/s/a.bib']))).not.toContain('a.bib');
  });
});
