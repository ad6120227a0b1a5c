/**
 * The archive as one download (src/build/dataset/write-dataset.ts): a line of every field of
 * the native entry format per paper, in the archive's order; gzip with the same bytes for the
 * same papers (no time in its header); kept from the last build while its papers are the same,
 * written again when they change.
 */
import { cpSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { LastBuild } from '../../src/build/build-context.ts';
import { datasetComment, writeDataset, type WrittenDataset } from '../../src/build/dataset/write-dataset.ts';
import { ENTRY_FIELDS, type Paper } from '../../src/schema/paper.ts';
import { DATASET_FIELDS, DATASET_FILE, datasetLine, formatDownloadSize } from '../../src/site/formats/archive-dataset.ts';
import { ingestSources } from '../../src/ingest/ingest-sources.ts';
import { dataFileAt } from '../../src/integrations/serve-data-files.ts';
import { contentType, isCompressible } from '../../src/serve/content-types.ts';
import { buildArchive } from '../../src/site/archive/build-archive.ts';
import { readArchiveData } from '../../src/site/archive/read-archive.ts';
import { makePaper } from '../support/make-paper.ts';
import { tempDir } from '../support/temp-dir.ts';

const papers: Paper[] = [
  makePaper('2503.00002', '2025-03-19', {
    id: '2503.00002',
    title: 'Newest: "quoted" \u2028 line',
    authors: ['Ada Lovelace', 'Émilie du Châtelet'],
    abstract: 'See https://github.com/a/b.\n{process.exit(1)}',
    categories: ['cs.CL'],
    tags: ['C++', 'BERT'],
    upvotes: 7,
    code_url: 'https://github.com/a/b',
    terms: { topics: ['language-models'], tags: ['c-plus-plus', 'bert'] },
  }),
  makePaper('a-book-2', null, { published: '2019-03', type: 'book', venue: 'Press', publisher: 'Pub', citekey: 'knuth:1' }),
];
const address = 'https://example.org/shelf/';
const root = join(import.meta.dirname, '..', '..');

/** The lines of the gzip file `file`, parsed. */
const linesOf = (file: string) =>
  gunzipSync(readFileSync(file))
    .toString('utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

/** The last build of `dir`, as its record would describe what `written` wrote there. */
function lastBuild(dir: string, written: WrittenDataset): LastBuild {
  const digest = written.digests.get(DATASET_FILE)!;
  return { dir, record: { pages: {}, search: {}, cards: {}, dataset: written.hash, files: { [DATASET_FILE]: digest } } };
}

describe('the archive as one download', () => {
  it('holds a line per paper with every field ingest reads, in the schema order, and the address', () => {
    const line = JSON.parse(datasetLine(papers[0]!)) as Record<string, unknown>;
    expect(Object.keys(line)).toEqual([...ENTRY_FIELDS, 'slug']);
    expect(DATASET_FIELDS).toEqual(Object.keys(line));
    expect(line).toMatchObject({ id: '2503.00002', slug: '2503.00002', tags: ['C++', 'BERT'], code_url: 'https://github.com/a/b' });
    // Derived fields stay out: the archive that reads the file tags papers by its own taxonomies.
    expect(line).not.toHaveProperty('terms');
    // A line separator inside a string stays escaped or literal, never a line end the reader would split at.
    expect(datasetLine(papers[0]!)).not.toMatch(/\n/);
  });

  it('writes the papers in the order given, as deterministic gzip with a comment and no time', async () => {
    const [one, two] = [tempDir('papershelf-dataset-'), tempDir('papershelf-dataset-')];
    const first = await writeDataset(papers, { into: one, address });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await writeDataset(papers, { into: two, address });
    const bytes = readFileSync(join(one, DATASET_FILE));
    expect(readFileSync(join(two, DATASET_FILE))).toEqual(bytes);
    expect(first.hash).toBe(second.hash);
    expect(first.summary).toEqual({ bytes: bytes.length, papers: 2 });
    expect(first.reused).toBe(false);
    expect(first.digests.get(DATASET_FILE)?.size).toBe(bytes.length);
    // Magic, deflate, a comment, modification time 0, no extra flags (the default level), operating system unknown.
    expect([...bytes.subarray(0, 10)]).toEqual([0x1f, 0x8b, 8, 0x10, 0, 0, 0, 0, 0, 0xff]);
    expect(bytes.subarray(10, bytes.indexOf(0, 10)).toString('latin1')).toBe(datasetComment(address));
    expect(linesOf(join(one, DATASET_FILE)).map((line) => line['slug'])).toEqual(['2503.00002', 'a-book-2']);
  });

  it('writes an empty file for an empty archive, still a gzip file', async () => {
    const dir = tempDir('papershelf-dataset-');
    const written = await writeDataset([], { into: dir, address });
    expect(written.summary.papers).toBe(0);
    expect(gunzipSync(readFileSync(join(dir, DATASET_FILE))).length).toBe(0);
  });

  it('keeps the last build’s file while the papers are the same, and writes it again when they change', async () => {
    const last = tempDir('papershelf-dataset-');
    const before = await writeDataset(papers, { into: last, address });
    const into = tempDir('papershelf-dataset-');
    const kept = await writeDataset(papers, { into, address, last: lastBuild(last, before) });
    expect(kept).toMatchObject({ reused: true, hash: before.hash, summary: before.summary });
    expect(kept.digests.size).toBe(0);
    expect(() => statSync(join(into, DATASET_FILE))).toThrow();

    const changed = await writeDataset([papers[1]!], { into, address, last: lastBuild(last, before) });
    expect(changed.reused).toBe(false);
    expect(changed.hash).not.toBe(before.hash);
    expect(linesOf(join(into, DATASET_FILE))).toHaveLength(1);
  });

  it('writes it again when the site it names moved, or its file is no longer the one recorded', async () => {
    const last = tempDir('papershelf-dataset-');
    const before = await writeDataset(papers, { into: last, address });
    const moved = await writeDataset(papers, {
      into: tempDir('papershelf-dataset-'),
      address: 'https://other.example/',
      last: lastBuild(last, before),
    });
    expect(moved.reused).toBe(false);
    utimesSync(join(last, DATASET_FILE), new Date(0), new Date(0));
    const touched = await writeDataset(papers, { into: tempDir('papershelf-dataset-'), address, last: lastBuild(last, before) });
    expect(touched.reused).toBe(false);
  });

  it('is served by `astro dev` with the bytes the build writes', async () => {
    const content = tempDir('papershelf-dataset-content-');
    cpSync(join(root, 'content', 'taxonomies.yaml'), join(content, 'taxonomies.yaml'));
    await ingestSources([join(root, 'content', 'sources', 'trending-page-2025-03-19.txt')], { contentDir: content });
    const settings = { site: 'https://example.org', base: '/shelf/', title: 'Papershelf', taxonomies: join(content, 'taxonomies.yaml') };
    const served = await dataFileAt(`/shelf/${DATASET_FILE}`, content, settings);
    const read = await readArchiveData(content, undefined, undefined, settings.taxonomies);
    const into = tempDir('papershelf-dataset-');
    await writeDataset(buildArchive(read.papers, read.definitions).papers, { into, address: 'https://example.org/shelf/' });
    expect(served?.type).toBe('application/gzip');
    expect(Buffer.from(served!.text)).toEqual(readFileSync(join(into, DATASET_FILE)));
  });

  it('is served as the gzip file it is, never gzipped again on the way', () => {
    expect(contentType(DATASET_FILE)).toBe('application/gzip');
    expect(isCompressible(DATASET_FILE)).toBe(false);
  });

  it('says its size as the offline page does', () => {
    expect(formatDownloadSize(300)).toBe('1 KB');
    expect(formatDownloadSize(19_267)).toBe('19 KB');
    expect(formatDownloadSize(7_647_626)).toBe('7.3 MB');
  });
});
