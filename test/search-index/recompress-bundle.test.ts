import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { recompressBundle } from '../../src/build/search/recompress-bundle.ts';
import { recompressFiles, smallestGzip } from '../../src/build/search/recompress-files.ts';
import { WHOLE_INDEX_BYTES } from '../../src/build/search/search-bundles.ts';

/** Runs of small numbers, like Pagefind's metadata (page numbers in date order). */
const numbers = Buffer.from(Array.from({ length: 20_000 }, (_, index) => [0x19, index >> 8, index & 0xff]).flat());
/** Words and numbers with repeats at many distances, like an index chunk. */
const words = Buffer.from(Array.from({ length: 4_000 }, (_, index) => `w${(index * 7919) % 613}:${index % 97};`).join(''));

describe('smallestGzip', () => {
  it('keeps the bytes inside exactly', () => {
    expect(gunzipSync(smallestGzip(gzipSync(numbers, { level: 1 }))).equals(numbers)).toBe(true);
    expect(gunzipSync(smallestGzip(gzipSync(words), { level: 10, runs: false })).equals(words)).toBe(true);
  });

  it('beats zlib at its tightest setting', () => {
    expect(smallestGzip(gzipSync(words, { level: 9 })).length).toBeLessThan(gzipSync(words, { level: 9 }).length);
  });

  it('never makes a file larger', () => {
    const tight = smallestGzip(gzipSync(numbers));
    expect(smallestGzip(tight).length).toBeLessThanOrEqual(tight.length);
  });

  it('returns the file itself when nothing tried is smaller', () => {
    const tiny = gzipSync(Buffer.from('a'), { level: 9 });
    expect(smallestGzip(tiny)).toBe(tiny);
  });

  it('is deterministic', () => {
    const once = gzipSync(numbers, { level: 1 });
    expect(smallestGzip(once).equals(smallestGzip(once))).toBe(true);
  });
});

describe('recompressBundle', () => {
  let work = '';
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('gzips the engine, metadata, filters and index chunks again and leaves the rest', async () => {
    work = mkdtempSync(join(tmpdir(), 'papershelf-recompress-'));
    const files: Record<string, Buffer> = {
      'wasm.en.pagefind': words,
      'pagefind.en_1.pf_meta': numbers,
      'filter/en_2.pf_filter': numbers.subarray(0, 9_000),
      'index/en_3.pf_index': words,
      'fragment/en_4.pf_fragment': words,
    };
    for (const [path, raw] of Object.entries(files)) {
      mkdirSync(join(work, path, '..'), { recursive: true });
      writeFileSync(join(work, path), gzipSync(raw, { level: 1 }));
    }
    await recompressBundle(work);
    for (const [path, raw] of Object.entries(files)) {
      const now = readFileSync(join(work, path));
      expect(gunzipSync(now).equals(raw), path).toBe(true);
      if (path.startsWith('fragment/')) expect(now.equals(gzipSync(raw, { level: 1 })), path).toBe(true);
      else expect(now.length, path).toBeLessThan(gzipSync(raw, { level: 1 }).length);
    }
  });

  it('leaves the index chunks as they are once they are more than a first visit downloads whole', async () => {
    work = mkdtempSync(join(tmpdir(), 'papershelf-recompress-'));
    mkdirSync(join(work, 'index'));
    writeFileSync(join(work, 'wasm.en.pagefind'), gzipSync(words, { level: 1 }));
    // Random bytes do not compress: three chunks of them are over the limit as gzipped.
    const chunkSize = Math.ceil(WHOLE_INDEX_BYTES / 3) + 1_000;
    const chunks = Array.from({ length: 3 }, () => gzipSync(Buffer.concat([words, randomBytes(chunkSize)]), { level: 1 }));
    chunks.forEach((gzipped, n) => writeFileSync(join(work, 'index', `en_${n}.pf_index`), gzipped));
    await recompressBundle(work);
    chunks.forEach((gzipped, n) => expect(readFileSync(join(work, 'index', `en_${n}.pf_index`)).equals(gzipped)).toBe(true));
    expect(readFileSync(join(work, 'wasm.en.pagefind')).length).toBeLessThan(gzipSync(words, { level: 1 }).length);

    // One chunk fewer is under the limit: every chunk is gzipped again.
    rmSync(join(work, 'index', 'en_2.pf_index'));
    await recompressBundle(work);
    for (const n of [0, 1]) expect(readFileSync(join(work, 'index', `en_${n}.pf_index`)).length).toBeLessThan(chunks[n]!.length);
  });

  it('writes the same bytes on every core as on one thread', async () => {
    work = mkdtempSync(join(tmpdir(), 'papershelf-recompress-'));
    // More than 8 chunks, so worker threads are used.
    const chunks = Array.from({ length: 12 }, (_, n) => Buffer.concat([words.subarray(n * 100), numbers.subarray(0, n * 500)]));
    for (const folder of ['one', 'all']) {
      mkdirSync(join(work, folder, 'index'), { recursive: true });
      chunks.forEach((raw, n) => writeFileSync(join(work, folder, 'index', `en_${n}.pf_index`), gzipSync(raw, { level: 1 })));
    }
    await recompressBundle(join(work, 'one'));
    await recompressBundle(join(work, 'all'), { allCores: true });
    chunks.forEach((raw, n) => {
      const one = readFileSync(join(work, 'one', 'index', `en_${n}.pf_index`));
      expect(gunzipSync(one).equals(raw)).toBe(true);
      expect(readFileSync(join(work, 'all', 'index', `en_${n}.pf_index`)).equals(one)).toBe(true);
    });
  });

  it('says how many bytes each file lost', () => {
    work = mkdtempSync(join(tmpdir(), 'papershelf-recompress-'));
    writeFileSync(join(work, 'a.pf_index'), gzipSync(words, { level: 1 }));
    writeFileSync(join(work, 'b.pf_meta'), smallestGzip(gzipSync(numbers)));
    const [index, meta] = recompressFiles(null, [join(work, 'a.pf_index'), join(work, 'b.pf_meta')]);
    expect(index).toBeGreaterThan(0);
    expect(meta).toBe(0);
  });
});
