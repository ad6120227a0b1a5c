/**
 * Search quality with the index cut into bundles: the first 2,000 papers of the shared arXiv
 * corpus indexed as one bundle and as four (500 papers each), searched with Pagefind's own
 * code as the search page searches. Exact titles must find their paper first in both, topic
 * queries must share their top 10, and a word only a few papers have must find the same papers.
 * `node bench/search-shards.ts` gives the same figures for larger archives, and for Pagefind's
 * merge without the corrections of src/scripts/search/open-bundles.ts.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PagefindApi } from '../../src/scripts/search/pagefind-client.ts';
import { compareSearch, describeComparison, indexCorpus, type CorpusEntry } from '../support/search-quality.ts';

const corpus = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'arxiv-2026q1.jsonl');
const lines = readFileSync(corpus, 'utf8').split('\n').slice(0, 2_000);
const entries = lines.map((line) => JSON.parse(line) as CorpusEntry);

let work: string;
let one: PagefindApi;
let four: PagefindApi;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'papershelf-quality-'));
  [one, four] = (await indexCorpus(lines, work, [2_000, 500])) as [PagefindApi, PagefindApi];
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

it('four bundles find what one bundle finds, ranked alike', async () => {
  const comparison = await compareSearch(one, four, entries, 40);
  console.log(`2,000 papers, 1 bundle vs 4 of 500: ${describeComparison(comparison)}`);
  expect(comparison.titleFirstOne).toBe(comparison.titles);
  expect(comparison.titleFirstSharded).toBe(comparison.titles);
  expect(comparison.topTenShared).toBeGreaterThanOrEqual(0.9 * comparison.topics * 10);
  // Not all: Pagefind extends a word only within the index chunks it has loaded (`with` finds
  // `without` once that chunk is loaded), and bundles cut their chunks at other words.
  expect(comparison.rareQueries).toBeGreaterThan(40);
  expect(comparison.rareSameCount).toBeGreaterThanOrEqual(0.95 * comparison.rareQueries);
  expect(comparison.rareSameFirst).toBeGreaterThanOrEqual(0.95 * comparison.rareQueries);
});
