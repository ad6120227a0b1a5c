/** Gzip files made smaller by gzipping them again (src/build/search/recompress-bundle.ts says why): the task run on worker threads. */
import { readFileSync, writeFileSync } from 'node:fs';
import { constants, gunzipSync, gzipSync } from 'node:zlib';
import { gzip } from 'libdeflate';

/**
 * libdeflate's level for the index files, which are most of a bundle's bytes: level 10 finds
 * nearly all that 12 finds in much less time (docs/benchmarks.md).
 */
const INDEX_LEVEL = 10;
/** Its slowest and tightest level, for the few small files every first search fetches. */
const TIGHTEST = 12;

/**
 * `gzipped` (a gzip file) gzipped again as small as libdeflate at `level` makes it — or, for
 * the long runs of small numbers in Pagefind's metadata and filters (`runs`), zlib's filtered
 * strategy; `gzipped` itself when nothing tried is smaller. Deterministic.
 */
export function smallestGzip(gzipped: Buffer, { level = TIGHTEST, runs = true }: { level?: number; runs?: boolean } = {}): Buffer {
  const raw = gunzipSync(gzipped);
  const tried = [Buffer.from(gzip(raw, level)), ...(runs ? [gzipSync(raw, { level: 9, strategy: constants.Z_FILTERED })] : [])];
  return tried.reduce((best, next) => (next.length < best.length ? next : best), gzipped);
}

/** Chunk task (worker threads): gzips each file at `paths` again, in place, when that makes it smaller. */
export function recompressFiles(_shared: null, paths: readonly string[]): number[] {
  return paths.map((path) => {
    const before = readFileSync(path);
    const after = path.endsWith('.pf_index') ? smallestGzip(before, { level: INDEX_LEVEL, runs: false }) : smallestGzip(before);
    if (after !== before) writeFileSync(path, after);
    return before.length - after.length;
  });
}
