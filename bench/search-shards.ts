/**
 * `node bench/search-shards.ts`: what cutting the search index into bundles does to search
 * results. Real arXiv entries from ../shared/data are ingested and indexed as one bundle and as
 * several, then searched with Pagefind's own code as the search page searches (in Node); each
 * sharded index is compared with the single one, both through the search page's merge
 * (src/scripts/search/open-bundles.ts) and through Pagefind's `mergeIndex` alone. A benchmark,
 * not a test: it asserts nothing (test/search-index/search-quality.test.ts does, on 2,000).
 *
 *   node bench/search-shards.ts                        2,000 papers in 4 × 500; 13,292 in 2 and 4 bundles
 *   node bench/search-shards.ts --papers 5000 --shards 2500,1250
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { searchBundles } from '../src/build/search/search-bundles.ts';
import { openSite } from '../test/support/node-pagefind.ts';
import { compareSearch, describeComparison, indexCorpus, type CorpusEntry } from '../test/support/search-quality.ts';

const corpus = join(import.meta.dirname, '..', '..', 'shared', 'data', 'arxiv-2026q1.jsonl');
const { values } = parseArgs({ options: { papers: { type: 'string' }, shards: { type: 'string' } } });
const runs: { papers: number; shards: number[] }[] = values.papers
  ? [{ papers: Number(values.papers), shards: (values.shards ?? '').split(',').filter(Boolean).map(Number) }]
  : [
      { papers: 2_000, shards: [500] },
      { papers: 13_292, shards: [6_646, 3_323] },
    ];

const all = readFileSync(corpus, 'utf8').trim().split('\n');
for (const run of runs) {
  const lines = all.slice(0, run.papers);
  const entries = lines.map((line) => JSON.parse(line) as CorpusEntry);
  const work = mkdtempSync(join(tmpdir(), 'papershelf-search-shards-'));
  try {
    const started = Date.now();
    const [one, ...sharded] = await indexCorpus(lines, work, [run.papers, ...run.shards]);
    process.stdout.write(
      `${run.papers} papers ingested and indexed ${run.shards.length + 1} ways in ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
    );
    const step = Math.max(1, Math.floor(run.papers / 50));
    for (const [index, size] of run.shards.entries()) {
      const bundles = searchBundles(run.papers, size);
      const plain = await openSite(join(work, `s${size}`), bundles, { plain: true });
      process.stdout.write(
        `  ${bundles.length} bundles of ${size}, search page: ${describeComparison(await compareSearch(one!, sharded[index]!, entries, step))}\n`,
      );
      process.stdout.write(
        `  ${bundles.length} bundles of ${size}, mergeIndex alone: ${describeComparison(await compareSearch(one!, plain, entries, step))}\n`,
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
