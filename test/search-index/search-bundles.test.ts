/**
 * Real Pagefind bundles written from records and searched with Pagefind's own browser code
 * in Node: one bundle and the same papers cut into three must give the same search — the
 * same results, filter counts and date order — and hostile text must come back as written.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArchive } from '../../src/site/archive/build-archive.ts';
import { writeSearch } from '../../src/build/search/write-search.ts';
import { searchBundles } from '../../src/build/search/search-bundles.ts';
import type { PagefindApi } from '../../src/scripts/search/pagefind-client.ts';
import type { Paper } from '../../src/schema/paper.ts';
import { openSite, topUrls } from '../support/node-pagefind.ts';
import { makePaper } from '../support/make-paper.ts';

const WORDS = ['attention', 'memory', 'retrieval', 'graph', 'speech', 'vision', 'agents', 'diffusion'];
const HOSTILE_TITLE = '___PAGEFIND_WEIGHT___9 <script>alert(1)</script> &lt;b&gt;bold&lt;/b&gt; &amp;amp; hostile';

/** Twelve papers over six days, each about two of the words, with topics and a year. */
function papers(): Paper[] {
  return Array.from({ length: 12 }, (_, index): Paper => {
    const date = `2025-0${1 + Math.floor(index / 6)}-1${index % 6}`;
    const about = [WORDS[index % WORDS.length]!, WORDS[(index * 3 + 1) % WORDS.length]!];
    return makePaper(`paper-${String(index).padStart(2, '0')}`, date, {
      title: index === 11 ? HOSTILE_TITLE : `Paper ${index}: ${about.join(' and ')}`,
      abstract: `We study ${about[0]} with ${about[1]}, and ${about[0]} again. ${index === 11 ? '&lt;i&gt; stays' : ''}`,
      authors: [`Author ${index}`],
      terms: { topics: index % 2 === 0 ? ['even'] : ['odd', ...(index % 3 === 0 ? ['third'] : [])] },
    });
  });
}

const archive = buildArchive(papers(), [
  {
    id: 'topics',
    label: 'Topics',
    description: 'Test topics.',
    terms: [
      { id: 'even', label: 'Even', description: 'Even.' },
      { id: 'odd', label: 'Odd', description: 'Odd.' },
      { id: 'third', label: 'Every third', description: 'Third.' },
    ],
  },
]);

let work: string;
let one: PagefindApi;
let three: PagefindApi;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'papershelf-bundles-'));
  // The author index comes along (test/search-index/author-index.test.ts), with no author here: each name is on one paper.
  expect(Object.keys((await writeSearch(archive, {}, { into: join(work, 'one'), bundleSize: 100, codeVersion: '' })).hashes)).toEqual([
    'pagefind/',
    'search-authors/',
  ]);
  const written = await writeSearch(archive, {}, { into: join(work, 'three'), bundleSize: 5, codeVersion: '' });
  expect(written).toMatchObject({ bundles: 3, indexed: 3, kept: [] });
  expect(Object.keys(written.hashes)).toEqual(['pagefind/', 'pagefind-2/', 'pagefind-3/', 'search-authors/']);
  expect(readdirSync(join(work, 'three')).sort()).toEqual(['pagefind', 'pagefind-2', 'pagefind-3', 'search-authors']);
  one = await openSite(join(work, 'one'), searchBundles(12, 100));
  three = await openSite(join(work, 'three'), searchBundles(12, 5));
});

afterAll(async () => {
  await pagefind.close();
  rmSync(work, { recursive: true, force: true });
});

/** URLs with their dates, for comparing orders where papers of one day may come in either order. */
async function datesOf(api: PagefindApi, query: string | null, options: Parameters<PagefindApi['search']>[1]): Promise<string[]> {
  const response = await api.search(query, options);
  return Promise.all((response?.results ?? []).map(async (hit) => (await hit.data()).meta['date']!));
}

describe('writeSearchBundle and writeSearch', () => {
  it('keep the English engine in the first bundle only, and no ready-made UI anywhere', () => {
    expect(existsSync(join(work, 'three', 'pagefind', 'pagefind.js'))).toBe(true);
    expect(existsSync(join(work, 'three', 'pagefind', 'wasm.en.pagefind'))).toBe(true);
    expect(existsSync(join(work, 'three', 'pagefind', 'wasm.unknown.pagefind'))).toBe(false);
    // Minified: Pagefind's own names for its module's functions are gone (searching through it is tested below).
    expect(readFileSync(join(work, 'three', 'pagefind', 'pagefind.js'), 'utf8')).not.toContain('calculate_excerpt_region');
    expect(existsSync(join(work, 'three', 'pagefind', 'pagefind-ui.js'))).toBe(false);
    expect(existsSync(join(work, 'three', 'pagefind-2', 'pagefind-entry.json'))).toBe(true);
    expect(existsSync(join(work, 'three', 'pagefind-2', 'pagefind.js'))).toBe(false);
    expect(existsSync(join(work, 'three', 'pagefind-2', 'wasm.en.pagefind'))).toBe(false);
    expect(existsSync(join(work, 'three', 'pagefind-6'))).toBe(false);
  });

  it('stores hostile text exactly as written, and finds it', async () => {
    const response = await one.search('hostile', {});
    expect(response?.results).toHaveLength(1);
    const data = await response!.results[0]!.data();
    expect(data.content).toContain(HOSTILE_TITLE);
    expect(data.content).toContain('&lt;i&gt; stays');
    expect(data.meta['title']!.replaceAll('\u200b', '')).toBe(HOSTILE_TITLE);
  });
});

describe('several bundles searched as one', () => {
  // `agents` is in the middle bundle only, `retrieval` not in it: alone, Pagefind would match
  // them there and elsewhere by a prefix (`a`, `re`…) and find papers one index does not.
  const queries = ['attention', 'memory retrieval', 'paper', 'agents', 'agents graph'];

  it('find the same papers as one bundle, with the same filter counts, even for words only some bundles hold', async () => {
    for (const query of queries) {
      const [single, merged] = await Promise.all([one.search(query, {}), three.search(query, {})]);
      const urls = async (response: typeof single) =>
        (await Promise.all(response!.results.map(async (hit) => (await hit.data()).url))).sort();
      expect(await urls(merged), query).toEqual(await urls(single));
      expect(merged!.filters, query).toEqual(single!.filters);
    }
    expect(await three.filters()).toEqual(await one.filters());
    expect(Object.keys(await three.filters())).not.toContain('_bundle');
  });

  it('narrow by a filter across bundles', async () => {
    const options = { filters: { topics: { any: ['Every third'] } } };
    expect((await topUrls(three, 'paper', options)).sort()).toEqual((await topUrls(one, 'paper', options)).sort());
    expect((await topUrls(three, null, options)).sort()).toEqual(['/papers/paper-03/', '/papers/paper-09/']);
  });

  it('order by date across bundles as one bundle does, both ways, with the same counts', async () => {
    for (const direction of ['desc', 'asc'] as const) {
      for (const query of [...queries, null]) {
        const options = { sort: { date: direction }, ...(query === null ? { filters: { topics: { any: ['Odd'] } } } : {}) };
        const dates = await datesOf(three, query, options);
        expect(dates, `${query} ${direction}`).toEqual(await datesOf(one, query, options));
        expect(dates, `${query} ${direction}`).toEqual(direction === 'desc' ? dates.toSorted().toReversed() : dates.toSorted());
        const [single, merged] = await Promise.all([one.search(query, options), three.search(query, options)]);
        expect(merged!.filters).toEqual(single!.filters);
      }
    }
  });
});
