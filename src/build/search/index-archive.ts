/**
 * I/O: the whole search index of an archive, written into a built site: one Pagefind bundle
 * per shard (`pagefind/`, `pagefind-2/`…), one after another so memory holds one at a time.
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { Archive } from '../../site/archive/build-archive.ts';
import { planSearchShards } from './plan-search-shards.ts';
import { IN_SEARCH_BUNDLE, searchShardSize } from './search-bundles.ts';
import { startSearchBundle } from './write-search-bundle.ts';

/** What indexing produced. */
export interface IndexResult {
  /** Papers in the search index, over all bundles. */
  readonly pages: number;
  /** The bundle folders written, in order: `pagefind/`, `pagefind-2/`… */
  readonly bundles: readonly string[];
}

/** Options for indexing an archive. */
export interface IndexArchiveOptions {
  /** Papers per bundle. Default: `searchShardSize()` (`$PAPERSHELF_SEARCH_SHARD_SIZE`, else 20,000). */
  readonly shardSize?: number;
  /** Notes text by slug, for the papers that have notes. Default: none. */
  readonly notes?: ReadonlyMap<string, string>;
}

/** Writes the search bundles of `archive` into the site at `outDir`, removing bundles an earlier build left beyond the last. */
export async function indexArchive(archive: Archive, outDir: string, options: IndexArchiveOptions = {}): Promise<IndexResult> {
  const shards = planSearchShards(archive, options.shardSize ?? searchShardSize(), options.notes);
  // Each bundle is finished while Pagefind indexes the next.
  const finishing: Promise<number>[] = [];
  try {
    for (const [index, shard] of shards.entries()) {
      finishing.push(
        (await startSearchBundle(shard.records, join(outDir, shard.bundle), { merged: index > 0, last: index === shards.length - 1 }))
          .finished,
      );
    }
  } finally {
    await pagefind.close();
  }
  const pages = (await Promise.all(finishing)).reduce((sum, count) => sum + count, 0);
  const written = new Set(shards.map((shard) => shard.bundle));
  const stale = (await readdir(outDir)).map((name) => `${name}/`).filter((folder) => IN_SEARCH_BUNDLE.test(folder) && !written.has(folder));
  await Promise.all(stale.map((name) => rm(join(outDir, name), { recursive: true, force: true })));
  return { pages, bundles: shards.map((shard) => shard.bundle) };
}
