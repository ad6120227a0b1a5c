/**
 * Ingest is all or nothing at every step: the run is made to die before its first, second, …
 * change to the file system, and after each, the next run's recovery leaves the content folder
 * exactly as it was before or exactly as an uninterrupted run leaves it.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { recoverPapersFolder } from '../../src/ingest/emit/write-papers.ts';
import { ingestSources, type IngestOptions } from '../../src/ingest/ingest-sources.ts';
import { tempDir } from '../support/temp-dir.ts';

/** Dies (throws) before the change to the file system numbered `after` (from 0); never when it is Infinity. */
const crash = vi.hoisted(() => ({ after: Infinity, count: 0 }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const mortal =
    <A extends unknown[], R>(operation: (...args: A) => R) =>
    (...args: A): R => {
      if (crash.count++ >= crash.after) throw new Error('killed');
      return operation(...args);
    };
  return {
    ...fs,
    mkdirSync: mortal(fs.mkdirSync),
    writeFileSync: mortal(fs.writeFileSync),
    renameSync: mortal(fs.renameSync),
    rmSync: mortal(fs.rmSync),
  };
});

const root = join(import.meta.dirname, '..', '..');
const lines = readFileSync(join(root, 'test', 'fixtures', 'sources', 'jsonl-slice', 'papers.jsonl'), 'utf8')
  .trim()
  .split('\n');
const taxonomies = readFileSync(join(root, 'content', 'taxonomies.yaml'), 'utf8');
let work: string;
let source: string;
/** The source as first ingested, and as it is next: two papers leave (blank lines keep the others' line numbers), one changes, one is new. */
const first = `${lines.join('\n')}\n`;
const next = `${['', '', ...lines.slice(2, 4), JSON.stringify({ ...(JSON.parse(lines[4]!) as object), title: 'A changed title' }), ...lines.slice(5)].join('\n')}
${JSON.stringify({ id: '2601.99999', title: 'An added paper', date: '2026-02-01' })}\n`;

beforeAll(() => {
  work = tempDir('papershelf-interrupted-');
  source = join(work, 'papers.jsonl');
});

/** Every file under `dir` but the hidden ones, with its bytes: what a reader of the content folder sees. */
function visible(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder).sort()) {
      if (name.startsWith('.')) continue;
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(dir, path)] = readFileSync(path, 'utf8');
    }
  };
  walk(dir);
  return files;
}

const idOf = (line: string) => (JSON.parse(line) as { id: string }).id;

/**
 * A content folder with the taxonomies, and unless `empty` the first sources ingested and notes
 * added to a paper that leaves the sources next (so the change sets notes aside) and to one that stays.
 */
async function startingPoint(empty: boolean): Promise<string> {
  const content = mkdtempSync(join(work, 'content-'));
  writeFileSync(join(content, 'taxonomies.yaml'), taxonomies);
  if (empty) return content;
  writeFileSync(source, first);
  await ingestSources([source], { contentDir: content });
  for (const line of [lines[0]!, lines[3]!]) {
    const file = join(content, 'papers', `${idOf(line)}.mdx`);
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nMy notes.\n`);
  }
  return content;
}

/** The ingest that gets interrupted: the next sources (written first), with a source file added in the same step. */
const nextIngest = (content: string) => {
  const options: IngestOptions = {
    contentDir: content,
    companions: [{ target: join(content, 'sources', 'added.jsonl'), bytes: 'added\n' }],
  };
  return ingestSources([source], options);
};

/** Kills the ingest before each of its file-system changes in turn and checks what recovery leaves. */
async function killAtEveryStep(empty: boolean): Promise<{ undone: number; finished: number }> {
  const reference = await startingPoint(empty);
  writeFileSync(source, next);
  await nextIngest(reference);
  const after = visible(reference);
  const outcomes = { undone: 0, finished: 0 };
  for (let step = 0; ; step += 1) {
    const content = await startingPoint(empty);
    const before = visible(content);
    expect(before).not.toEqual(after);
    writeFileSync(source, next);
    crash.after = step;
    crash.count = 0;
    const died = await nextIngest(content).then(
      () => false,
      (error: Error) => (error.message === 'killed' ? true : Promise.reject(error)),
    );
    crash.after = Infinity;
    if (!died) {
      expect(visible(content)).toEqual(after);
      return outcomes;
    }
    // But while a committed change is being carried out, a reader sees the folder as it was or as it will be.
    if (!existsSync(join(content, '.papers-new', 'journal.json'))) expect([before, after]).toContainEqual(visible(content));
    await recoverPapersFolder(join(content, 'papers'));
    const recovered = visible(content);
    expect([before, after]).toContainEqual(recovered);
    if (JSON.stringify(recovered) === JSON.stringify(before)) outcomes.undone += 1;
    else outcomes.finished += 1;
    expect(readdirSync(content).filter((name) => name.startsWith('.') && name !== '.papers-index.json')).toEqual([]);
    // And the next run gives what the uninterrupted one gave.
    await nextIngest(content);
    expect(visible(content)).toEqual(after);
  }
}

describe('an ingest killed at any step', () => {
  it('of a change to an archive leaves it as it was or as the whole change makes it', async () => {
    const outcomes = await killAtEveryStep(false);
    expect(outcomes.undone).toBeGreaterThan(0);
    expect(outcomes.finished).toBeGreaterThan(0);
  }, 60_000);

  it('of the first ingest into an empty folder leaves no papers or all of them', async () => {
    const outcomes = await killAtEveryStep(true);
    expect(outcomes.undone).toBeGreaterThan(0);
    expect(outcomes.finished).toBeGreaterThan(0);
  }, 60_000);
});

describe('the change that gets interrupted', () => {
  it('adds, updates and removes papers, sets notes aside and adds a source', async () => {
    const content = await startingPoint(false);
    writeFileSync(source, next);
    const { written } = await nextIngest(content);
    expect(written).toMatchObject({
      added: 1,
      updated: 1,
      unchanged: 17,
      removed: 2,
      orphanedNotes: [join(content, 'orphaned-notes', `${idOf(lines[0]!)}.mdx`)],
    });
    expect(readFileSync(join(content, 'papers', `${idOf(lines[3]!)}.mdx`), 'utf8')).toMatch(/\nMy notes\.\n$/);
    expect(readFileSync(join(content, 'sources', 'added.jsonl'), 'utf8')).toBe('added\n');
  });
});
