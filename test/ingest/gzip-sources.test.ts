/**
 * Gzipped sources (src/ingest/parse/gunzip-source.ts), such as an archive's own download: known
 * by their first bytes, whatever their name; read as exactly the text they hold; a damaged one
 * is one problem naming the file, and one that inflates past its limit (a gzip bomb) is refused
 * while it inflates, never unpacked whole.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/messages/errors.ts';
import { INFLATE_FLOOR, inflateLimit } from '../../src/ingest/parse/gunzip-source.ts';
import { readSources } from '../../src/ingest/parse/read-sources.ts';
import { tempDir } from '../support/temp-dir.ts';

const work = tempDir('papershelf-gzip-');
let files = 0;
/** Writes `bytes` to a new file named `name`; returns its path. */
function write(bytes: Uint8Array | string, name: string): string {
  const file = join(work, `${(files += 1)}-${name}`);
  writeFileSync(file, bytes);
  return file;
}

const lines = [
  JSON.stringify({ id: '2501.00001', title: 'First', date: '2025-03-19', authors: ['Émilie du Châtelet'] }),
  '{"title": "cut',
  '',
  JSON.stringify({ title: 'Third \u2028 line', date: '2025-03-19', abstract: 'x < y' }),
].join('\r\n');

/** Entries and problems of `file` read as a source, without the file name (which differs from file to file). */
async function read(file: string, options: Parameters<typeof readSources>[1] = {}) {
  const { entries, problems } = await readSources([file], options);
  return {
    entries: entries.map(({ fields, line }) => ({ fields, line })),
    problems: problems.map(({ file: _file, ...problem }) => problem),
  };
}

describe('a gzipped source', () => {
  it('is read as the text it holds, line by line, with the same entries and problems', async () => {
    const plain = await read(write(lines, 'papers.jsonl'));
    expect(plain.entries).toHaveLength(2);
    expect(plain.problems).toHaveLength(1);
    expect(await read(write(gzipSync(lines), 'papers.jsonl.gz'))).toEqual(plain);
    // Read a few bytes at a time, so that lines and characters are cut anywhere.
    expect(await read(write(gzipSync(lines), 'papers.jsonl.gz'), { highWaterMark: 3 })).toEqual(plain);
    // Several gzip members one after another, as `cat a.gz b.gz` makes, are one text.
    const [head, tail] = [lines.slice(0, 40), lines.slice(40)];
    expect(await read(write(Buffer.concat([gzipSync(head), gzipSync(tail)]), 'joined.jsonl.gz'))).toEqual(plain);
  });

  it('is known by its first bytes, not its name; a name ending in .gz says its format without the .gz', async () => {
    const plain = await read(write(lines, 'papers.jsonl'));
    // Gzip that lost its .gz, with a format's extension or none.
    expect(await read(write(gzipSync(lines), 'papers.jsonl'))).toEqual(plain);
    expect(await read(write(gzipSync(lines), 'papers'))).toEqual(plain);
    // A download a browser unpacked on the way keeps its name: plain text named .gz.
    expect(await read(write(lines, 'papershelf-archive.jsonl.gz'))).toEqual(plain);
    // Formats read whole: a JSON array, BibTeX.
    const array = JSON.stringify([{ title: 'In an array', date: '2025-03-19' }]);
    expect((await read(write(gzipSync(array), 'papers.json.gz'))).entries).toMatchObject([{ fields: { title: 'In an array' } }]);
    const bib = '@article{knuth1984, title = {Literate Programming}, author = {Knuth, Donald E.}, date = {1984-05-01}}';
    expect((await read(write(gzipSync(bib), 'library.bib.gz'))).entries).toMatchObject([{ fields: { title: 'Literate Programming' } }]);
  });

  it('that is cut short or damaged is one problem naming the file, with a hint, and no entries', async () => {
    const whole = gzipSync(lines);
    const cut = write(whole.subarray(0, whole.length - 12), 'cut.jsonl.gz');
    const { entries, problems } = await readSources([cut]);
    expect(entries).toEqual([]);
    expect(problems.map(formatProblem)).toEqual([
      `${cut}:1: file: starts like a gzip file but is cut short; download or copy it again (\`gzip -t <file>\` tests a copy)`,
    ]);

    const damaged = Buffer.from(whole);
    damaged.fill(0x55, 12, 30);
    const broken = await readSources([write(damaged, 'damaged.jsonl.gz')]);
    expect(broken.entries).toEqual([]);
    expect(broken.problems).toHaveLength(1);
    expect(broken.problems[0]!.reason).toMatch(/^starts like a gzip file but is damaged \(.+\); download or copy it again/);
    // Only the magic bytes: nothing to inflate.
    expect((await read(write(Buffer.from([0x1f, 0x8b]), 'empty.gz'))).problems).toMatchObject([
      { line: 1, field: 'file', reason: expect.stringMatching(/^starts like a gzip file but is cut short/) },
    ]);
  });

  it('that inflates past its limit is refused as it inflates: a gzip bomb', async () => {
    // One good line, then 200 MiB of spaces on one line: 200 KB gzipped, a thousand to one.
    const bomb = gzipSync(Buffer.concat([Buffer.from(`${lines.split('\r\n')[0]}\n`), Buffer.alloc(200 * 2 ** 20, 0x20)]), { level: 9 });
    expect(inflateLimit(bomb.length)).toBeLessThan(25 * 2 ** 20);
    const started = performance.now();
    const memory = process.memoryUsage().rss;
    const { entries, problems } = await read(write(bomb, 'bomb.jsonl.gz'));
    expect(entries).toEqual([]);
    expect(problems).toEqual([
      {
        severity: 'error',
        line: 1,
        field: 'file',
        reason: expect.stringMatching(
          /^inflates to more than \d\d MiB from [\d,]+ bytes, past the 100 to 1 \(or 16 MiB\) a gzipped source may unpack to, so it was refused as a possible gzip bomb; if the file is genuine, unpack it \(gunzip -k\) and give the unpacked file$/,
        ),
      },
    ]);
    // Stopped at the limit: 200 MiB of text would have taken more memory and time than this.
    expect(process.memoryUsage().rss - memory).toBeLessThan(150 * 2 ** 20);
    expect(performance.now() - started).toBeLessThan(10_000);
    // Read whole, as a JSON array is, the same limit holds.
    const array = gzipSync(
      Buffer.concat([Buffer.from('[{"title": "x", "abstract": "'), Buffer.alloc(40 * 2 ** 20, 0x61), Buffer.from('"}]')]),
    );
    expect((await read(write(array, 'bomb.json.gz'))).problems).toMatchObject([
      { reason: expect.stringMatching(/^inflates to more than 16 MiB/) },
    ]);
  });

  it('that is large but packs like text is read: the limit grows with the file', () => {
    expect(inflateLimit(1_000)).toBe(INFLATE_FLOOR);
    expect(inflateLimit(10 * 2 ** 20)).toBe(1_000 * 2 ** 20);
  });
});
