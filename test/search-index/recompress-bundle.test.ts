import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { smallestGzip } from '../../src/search-index/recompress-bundle.ts';

/** Runs of small numbers, like Pagefind's metadata (page numbers in date order). */
const numbers = Buffer.from(Array.from({ length: 20_000 }, (_, index) => [0x19, index >> 8, index & 0xff]).flat());

describe('smallestGzip', () => {
  it('keeps the bytes inside exactly', () => {
    expect(gunzipSync(smallestGzip(gzipSync(numbers, { level: 1 }))).equals(numbers)).toBe(true);
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
