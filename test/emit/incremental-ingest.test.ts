/**
 * Re-ingest renders only the papers whose inputs changed, and what it leaves is byte for byte
 * what a fresh ingest writes — also after hand edits the paper index cannot see coming.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { paperToMdx } from '../../src/ingest/emit/paper-to-mdx.ts';
import { ingestSources } from '../../src/ingest/ingest-sources.ts';
import { tempDir } from '../support/temp-dir.ts';

vi.mock('../../src/ingest/emit/paper-to-mdx.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/ingest/emit/paper-to-mdx.ts')>();
  return { ...original, paperToMdx: vi.fn(original.paperToMdx) };
});
const renders = vi.mocked(paperToMdx);

const root = join(import.meta.dirname, '..', '..');
const lines = readFileSync(join(root, 'test', 'fixtures', 'sources', 'jsonl-slice', 'papers.jsonl'), 'utf8')
  .trim()
  .split('\n');
let work: string;
let source: string;

/** A content folder holding the project's taxonomies (or `taxonomies`). */
function contentFolder(taxonomies?: string): string {
  const content = mkdtempSync(join(work, 'content-'));
  if (taxonomies === undefined) cpSync(join(root, 'content', 'taxonomies.yaml'), join(content, 'taxonomies.yaml'));
  else writeFileSync(join(content, 'taxonomies.yaml'), taxonomies);
  return content;
}

const ingest = (content: string) => ingestSources([source], { contentDir: content });

/** Every paper file's name and text. */
const papersOf = (content: string) =>
  Object.fromEntries(
    readdirSync(join(content, 'papers'))
      .sort()
      .map((name) => [name, readFileSync(join(content, 'papers', name), 'utf8')]),
  );

/** What a fresh ingest of the current source writes, in a folder of its own. */
async function fresh(taxonomies?: string) {
  const content = contentFolder(taxonomies);
  await ingest(content);
  return papersOf(content);
}

/**
 * An ingested folder whose index vouches for every file by its stamp. A file written in the
 * same clock tick as the index is read (and known by its hash) until an index written later
 * vouches for its stamp; the second run writes one.
 */
async function settled(): Promise<string> {
  const content = contentFolder();
  await ingest(content);
  await sleep(20);
  await ingest(content);
  renders.mockClear();
  return content;
}

/** Inode and times of every file of the folder, the index included. */
const stamps = (content: string) =>
  [...readdirSync(join(content, 'papers')).map((name) => join(content, 'papers', name)), join(content, '.papers-index.json')].map(
    (path) => {
      const stats = statSync(path, { bigint: true });
      return `${path} ${stats.ino} ${stats.mtimeNs} ${stats.ctimeNs}`;
    },
  );

beforeEach(() => {
  work = tempDir('papershelf-incremental-');
  source = join(work, 'papers.jsonl');
  writeFileSync(source, `${lines.join('\n')}\n`);
});

describe('re-ingest', () => {
  it('renders nothing and touches no file when nothing changed', async () => {
    const content = await settled();
    const before = stamps(content);
    const { written } = await ingest(content);
    expect(written).toMatchObject({ added: 0, updated: 0, unchanged: 20, removed: 0 });
    expect(renders).not.toHaveBeenCalled();
    expect(stamps(content)).toEqual(before);
  });

  it('renders only the papers whose entries changed or are new, and gives what a fresh ingest gives', async () => {
    const content = await settled();
    const changed = JSON.parse(lines[3]!) as { title: string };
    changed.title = `${changed.title} (revised)`;
    const added = { id: '2601.99999', title: 'An added paper', date: '2026-02-01' };
    writeFileSync(source, `${[...lines.slice(0, 3), JSON.stringify(changed), ...lines.slice(4), JSON.stringify(added)].join('\n')}\n`);
    const { written } = await ingest(content);
    expect(written).toMatchObject({ added: 1, updated: 1, unchanged: 19 });
    expect(renders).toHaveBeenCalledTimes(2);
    expect(papersOf(content)).toEqual(await fresh());
  });

  it('renders every paper again when the taxonomies change', async () => {
    const content = await settled();
    const taxonomies = readFileSync(join(content, 'taxonomies.yaml'), 'utf8').replace('match: [attention]', 'match: [attention, records]');
    writeFileSync(join(content, 'taxonomies.yaml'), taxonomies);
    const before = papersOf(content);
    const { written } = await ingest(content);
    expect(renders).toHaveBeenCalledTimes(20);
    expect(written?.updated).toBeGreaterThan(0);
    expect(papersOf(content)).not.toEqual(before);
    expect(papersOf(content)).toEqual(await fresh(taxonomies));
  });

  it('restores front matter edited by hand even when the size and modification time are kept', async () => {
    const content = await settled();
    const file = join(content, 'papers', readdirSync(join(content, 'papers'))[0]!);
    const text = readFileSync(file, 'utf8');
    const mtime = statSync(file, { bigint: true }).mtimeNs;
    // An edit of the same length, its modification time then put back to the nanosecond.
    const reference = join(work, 'reference');
    spawnSync('cp', ['-p', file, reference]);
    const at = text.indexOf('e', text.indexOf('\nabstract: ') + 12);
    writeFileSync(file, `${text.slice(0, at)}a${text.slice(at + 1)}`);
    spawnSync('touch', ['-m', '-r', reference, file]);
    expect(statSync(file, { bigint: true })).toMatchObject({ size: BigInt(Buffer.byteLength(text)), mtimeNs: mtime });
    const { written } = await ingest(content);
    expect(written).toMatchObject({ updated: 1, unchanged: 19 });
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('keeps notes written into a file the index vouched for, and trusts the file again after', async () => {
    const content = await settled();
    const file = join(content, 'papers', readdirSync(join(content, 'papers'))[5]!);
    const notes = '\nRead for the reading group.\n';
    writeFileSync(file, readFileSync(file, 'utf8') + notes);
    const noted = readFileSync(file, 'utf8');
    expect((await ingest(content)).written).toMatchObject({ updated: 0, unchanged: 20 });
    expect(readFileSync(file, 'utf8')).toBe(noted);
    await sleep(20);
    renders.mockClear();
    await ingest(content);
    expect(renders).not.toHaveBeenCalled();
  });

  it('leaves a source file that is already in place alone', async () => {
    const content = await settled();
    const companions = [{ target: join(content, 'sources', 'copy.jsonl'), bytes: readFileSync(source) }];
    await ingestSources([source], { contentDir: content, companions });
    const before = stamps(content);
    const copied = statSync(companions[0]!.target, { bigint: true });
    await ingestSources([source], { contentDir: content, companions });
    expect(statSync(companions[0]!.target, { bigint: true })).toMatchObject({ ino: copied.ino, mtimeNs: copied.mtimeNs });
    expect(stamps(content)).toEqual(before);
  });

  it('copies a source given as a file without reading it into memory, and leaves a copy that is in place alone', async () => {
    const content = await settled();
    const target = join(content, 'sources', 'copy.jsonl');
    await ingestSources([source], { contentDir: content, companions: [{ target, copyOf: source }] });
    expect(readFileSync(target)).toEqual(readFileSync(source));
    const copied = statSync(target, { bigint: true });
    await ingestSources([source], { contentDir: content, companions: [{ target, copyOf: source }] });
    expect(statSync(target, { bigint: true })).toMatchObject({ ino: copied.ino, mtimeNs: copied.mtimeNs });
    // Same size, other bytes: copied again.
    const bytes = readFileSync(source);
    const other = join(work, 'other.jsonl');
    writeFileSync(other, Buffer.concat([bytes.subarray(0, -2), Buffer.from('x\n')]));
    await ingestSources([source], { contentDir: content, companions: [{ target, copyOf: other }] });
    expect(readFileSync(target)).toEqual(readFileSync(other));
    // A source that went away is never kept as an empty file: the change stops, naming it, and
    // the copy in place stays as it was.
    await expect(
      ingestSources([source], { contentDir: content, companions: [{ target, copyOf: join(work, 'missing.jsonl') }] }),
    ).rejects.toThrow(/missing\.jsonl: the source went away while it was read; nothing was changed/);
    expect(readFileSync(target)).toEqual(readFileSync(other));
  });

  it('knows the files of a copied folder by their bytes, and renders nothing', async () => {
    const copy = join(work, 'copy');
    cpSync(await settled(), copy, { recursive: true });
    const { written } = await ingest(copy);
    expect(written).toMatchObject({ added: 0, updated: 0, unchanged: 20 });
    expect(renders).not.toHaveBeenCalled();
  });

  it('reads every file again when the index is damaged, and changes nothing', async () => {
    const content = await settled();
    const before = papersOf(content);
    writeFileSync(join(content, '.papers-index.json'), '{"format": 1, "papers": {"x": [1, 2]');
    const { written } = await ingest(content);
    expect(written).toMatchObject({ added: 0, updated: 0, unchanged: 20 });
    expect(renders).toHaveBeenCalledTimes(20);
    expect(papersOf(content)).toEqual(before);
  });
});
