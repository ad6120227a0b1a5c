/**
 * The search index of the archive: its bundles (src/build/search/search-bundles.ts), each
 * written by Pagefind from the papers' records, not from the built pages, so indexing runs
 * while Astro renders. A bundle whose records are as the last build indexed them, and whose
 * folder is still there, stays as it is.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { exists } from '../../fs/exists.ts';
import type { Archive } from '../../site/archive/build-archive.ts';
import type { LastBuild } from '../build-context.ts';
import { planSearchBundles } from './plan-search-bundles.ts';
import { startSearchBundle } from './write-search-bundle.ts';

/** Every bundle's hash (for the record), how many there are and were indexed, and the ones kept from the last build. */
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

/** Writes the bundles of `archive` whose records changed into `options.into`. `notes`: the papers' notes, by slug. */
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
  try {
    for (const [index, bundle] of bundles.entries()) {
      const hash = digest(`${options.codeVersion}\0${bundle.bundle}\0${JSON.stringify(bundle.records)}`);
      hashes[bundle.bundle] = hash;
      const { last } = options;
      if (last && last.record.search[bundle.bundle] === hash && (await exists(join(last.dir, bundle.bundle)))) {
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
  await Promise.all(finishing);
  return { hashes, bundles: bundles.length, indexed, kept };
}
