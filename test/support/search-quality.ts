/**
 * Does cutting the search index into bundles change what readers find? Real arXiv entries are
 * ingested as the build ingests them, indexed as one bundle and as several, and searched with
 * Pagefind's own code (see node-pagefind.ts) the way the search page searches. Shared by the
 * quality test and `bench/search-shards.ts`.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { buildArchive } from '../../src/site/archive/build-archive.ts';
import { readArchiveData } from '../../src/site/archive/read-archive.ts';
import { ingestSources } from '../../src/ingest/ingest-sources.ts';
import { PROJECT_CONTENT, TAXONOMY_FILE } from '../../src/settings/project-paths.ts';
import { writeSearch } from '../../src/build/search/write-search.ts';
import { searchBundles } from '../../src/build/search/search-bundles.ts';
import type { PagefindApi } from '../../src/scripts/search/pagefind-client.ts';
import { openSite, topUrls } from './node-pagefind.ts';

/** An arXiv entry of the shared corpus, as far as the comparison reads it. */
export interface CorpusEntry {
  readonly id: string;
  readonly title: string;
  readonly abstract: string;
}

/** Topics readers search for in this corpus. */
export const TOPIC_QUERIES = [
  'language models',
  'diffusion',
  'reinforcement learning',
  'graph neural network',
  'benchmark',
  'retrieval augmented generation',
  'agents',
  'vision transformer',
  'medical imaging',
  'federated learning',
  'speech recognition',
  'robot manipulation',
  'mixture of experts',
  'quantization',
  'hallucination',
];

/** Ingests `lines` (JSONL entries) into `work/content` and indexes them once per shard size into `work/s<size>/`; returns the search API of each. */
export async function indexCorpus(lines: readonly string[], work: string, shardSizes: readonly number[]): Promise<PagefindApi[]> {
  const content = join(work, 'content');
  mkdirSync(content, { recursive: true });
  writeFileSync(join(work, 'corpus.jsonl'), `${lines.join('\n')}\n`);
  copyFileSync(join(PROJECT_CONTENT, TAXONOMY_FILE), join(content, TAXONOMY_FILE));
  const ingested = await ingestSources([join(work, 'corpus.jsonl')], { contentDir: content });
  if (!ingested.written) throw new Error('the corpus did not ingest');
  const data = await readArchiveData(content);
  const archive = buildArchive(data.papers, data.definitions);
  const notes = new Map(Object.entries(data.notes));
  const sites: PagefindApi[] = [];
  for (const size of shardSizes) {
    await writeSearch(archive, Object.fromEntries(notes), { into: join(work, `s${size}`), bundleSize: size, codeVersion: '' });
    sites.push(await openSite(join(work, `s${size}`), searchBundles(archive.paperCount, size)));
  }
  await pagefind.close();
  return sites;
}

/** How a sharded index compares with one index over the same papers. */
export interface Comparison {
  /** Topic queries, and how many of their top-10 results both give (out of 10 each). */
  readonly topics: number;
  readonly topTenShared: number;
  /** Topic queries whose top 10 come in exactly the same order. */
  readonly sameOrder: number;
  /** Exact titles searched, and how often each index gives their paper first. */
  readonly titles: number;
  readonly titleFirstOne: number;
  readonly titleFirstSharded: number;
  /** Queries holding a word only a few papers have (alone, and with the title's most common word). */
  readonly rareQueries: number;
  /** …of which both indexes find the same number of papers, and put the same paper first. */
  readonly rareSameCount: number;
  readonly rareSameFirst: number;
}

const words = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 3);

/** Compares searches of `one` (one bundle) and `sharded` over `entries`; every `step`-th entry gives a title and a rare word. */
export async function compareSearch(
  one: PagefindApi,
  sharded: PagefindApi,
  entries: readonly CorpusEntry[],
  step: number,
): Promise<Comparison> {
  let topTenShared = 0;
  let sameOrder = 0;
  for (const query of TOPIC_QUERIES) {
    const [a, b] = await Promise.all([topUrls(one, query), topUrls(sharded, query)]);
    topTenShared += b.filter((url) => a.includes(url)).length;
    if (a.join() === b.join()) sameOrder += 1;
  }

  const sample = entries.filter((_, index) => index % step === 0);
  let titleFirstOne = 0;
  let titleFirstSharded = 0;
  for (const entry of sample) {
    const [a, b] = await Promise.all([topUrls(one, entry.title, {}, 1), topUrls(sharded, entry.title, {}, 1)]);
    if (a[0] === `/papers/${entry.id}/`) titleFirstOne += 1;
    if (b[0] === `/papers/${entry.id}/`) titleFirstSharded += 1;
  }

  // A word in at most three papers: one index matches it strictly; a bundle lacking it must not stand in a prefix.
  const pages = new Map<string, number>();
  for (const entry of entries)
    for (const word of new Set(words(`${entry.title} ${entry.abstract}`))) pages.set(word, (pages.get(word) ?? 0) + 1);
  let rareQueries = 0;
  let rareSameCount = 0;
  let rareSameFirst = 0;
  for (const entry of entries.filter((_, index) => index % step === Math.floor(step / 2))) {
    const titleWords = words(entry.title);
    const rare = titleWords.filter((word) => (pages.get(word) ?? 0) <= 3).sort()[0];
    const common = titleWords.toSorted((a, b) => (pages.get(b) ?? 0) - (pages.get(a) ?? 0))[0];
    if (!rare || !common || rare === common) continue;
    for (const query of [rare, `${rare} ${common}`]) {
      rareQueries += 1;
      const [a, b] = await Promise.all([one.search(query, {}), sharded.search(query, {})]);
      if (a?.results.length === b?.results.length) rareSameCount += 1;
      const first = async (hits: typeof a) => (hits?.results[0] ? (await hits.results[0].data()).url : '');
      if ((await first(a)) === (await first(b))) rareSameFirst += 1;
    }
  }
  return {
    topics: TOPIC_QUERIES.length,
    topTenShared,
    sameOrder,
    titles: sample.length,
    titleFirstOne,
    titleFirstSharded,
    rareQueries,
    rareSameCount,
    rareSameFirst,
  };
}

/** One line of figures, for logs and the benchmark. */
export function describeComparison(comparison: Comparison): string {
  const c = comparison;
  return [
    `top-10 shared ${c.topTenShared}/${c.topics * 10} (same order ${c.sameOrder}/${c.topics})`,
    `exact title first: one ${c.titleFirstOne}/${c.titles}, sharded ${c.titleFirstSharded}/${c.titles}`,
    `rare-word queries: same count ${c.rareSameCount}/${c.rareQueries}, same first ${c.rareSameFirst}/${c.rareQueries}`,
  ].join('; ');
}
