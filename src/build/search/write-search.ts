/**
 * The search index of the archive: its bundles (src/build/search/search-bundles.ts), each
 * written by Pagefind from the papers' records, not from the built pages, so indexing runs
 * while Astro renders; and the author index (src/build/search/author-shards.ts). A bundle
 * whose records are as the last build indexed them, and whose folder is still there, stays as
 * it is; so does the author index.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { exists } from '../../fs/exists.ts';
import type { Archive } from '../../site/archive/build-archive.ts';
import type { LastBuild } from '../build-context.ts';
import { AUTHOR_INDEX } from './author-shards.ts';
import { planSearchBundles } from './plan-search-bundles.ts';
import { startSearchBundle } from './write-search-bundle.ts';
import { authorIndexFiles, writeAuthorIndex } from './write-author-index.ts';

/**
 * Every bundle's hash and the author index's (for the record, by folder), how many bundles there
 * are and were indexed, and the folders kept from the last build (the author index's among them).
 */
export interface WrittenSearch {
  readonly hashes: Record<string, string>;
  readonly bundles: number;
  readonly indexed: number;
  readonly kept: readonly string[];
}

/** Where the bundles go, how large they are, and what the last build left. */
export interface SearchOptions {
  /** The folder that receives the bundles. */
  readonly into: string;
  /** Papers per bundle. */
  readonly bundleSize: number;
  /** The version of the code that makes the records, in every bundle's hash. */
  readonly codeVersion: string;
  readonly last?: LastBuild | undefined;
}

const digest = (text: string): string => createHash('sha256').update(text).digest('base64url').slice(0, 22);

/** Writes the bundles of `archive` whose records changed, and its author index when its authors changed, into `options.into`. `notes`: the papers' notes, by slug. */
export async function writeSearch(
  archive: Archive,
  notes: Readonly<Record<string, string>>,
  options: SearchOptions,
): Promise<WrittenSearch> {
  const bundles = planSearchBundles(archive, options.bundleSize, new Map(Object.entries(notes)));
  const hashes: Record<string, string> = {};
  const kept: string[] = [];
  let indexed = 0;
  // Each bundle is finished while Pagefind indexes the next.
  const finishing: Promise<number>[] = [];
  const { last } = options;
  const unchanged = async (folder: string, hash: string) =>
    Boolean(last && last.record.search[folder] === hash && (await exists(join(last.dir, folder))));
  try {
    for (const [index, bundle] of bundles.entries()) {
      const hash = digest(`${options.codeVersion}\0${bundle.bundle}\0${JSON.stringify(bundle.records)}`);
      hashes[bundle.bundle] = hash;
      if (await unchanged(bundle.bundle, hash)) {
        kept.push(bundle.bundle);
        continue;
      }
      const started = await startSearchBundle(bundle.records, join(options.into, bundle.bundle), {
        merged: index > 0,
        last: index === bundles.length - 1,
      });
      finishing.push(started.finished);
      indexed += 1;
    }
  } finally {
    await pagefind.close();
  }
  // While the last bundles are finished: the author index takes this thread a moment (about a
  // tenth of a second for 12,000 authors, docs/benchmarks.md) and Pagefind no time at all.
  const authors = authorIndexFiles(archive);
  const authorsHash = digest(`${options.codeVersion}\0${AUTHOR_INDEX}\0${JSON.stringify([...authors])}`);
  hashes[AUTHOR_INDEX] = authorsHash;
  if (await unchanged(AUTHOR_INDEX, authorsHash)) kept.push(AUTHOR_INDEX);
  else await writeAuthorIndex(authors, join(options.into, AUTHOR_INDEX));
  await Promise.all(finishing);
  return { hashes, bundles: bundles.length, indexed, kept };
}
