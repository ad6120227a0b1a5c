/**
 * `node bench/related-papers.ts`: time and peak memory of `relatedPapers` on the real arXiv
 * entries (13,292) and on 100,000 derived ones (derive-corpus.ts), and how stable the lists are:
 * for each of the last few days, the lists computed without that day against those with it,
 * counting the earlier papers whose list changed (their pages would be rendered again), and of
 * those, how many changed although no paper of the new day entered it (changes that shifting
 * weights and candidates caused, rather than a new paper that is closer).
 * A benchmark, not a test: it asserts nothing, it measures.
 *
 *   node bench/related-papers.ts                  all three measurements
 *   node bench/related-papers.ts --sizes 13292    one size, no stability figure
 *   node bench/related-papers.ts --days 0         sizes only
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { relatedPapers, type RelatedInput, type RelatedPaper } from '../src/site/related/related-papers.ts';
import { deriveEntries } from './derive-corpus.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '13292,100000' },
    days: { type: 'string', default: '4' },
  },
});
const corpus = join(import.meta.dirname, '..', '..', 'shared', 'data', 'arxiv-2026q1.jsonl');
const lines = readFileSync(corpus, 'utf8').trim().split('\n');

interface Line {
  id: string;
  title: string;
  abstract?: string;
  date: string;
  categories?: string[];
}
/** An entry as the parts of a paper `relatedPapers` reads: the id as slug, categories as terms. */
const toInput = (entry: Line): RelatedInput & { date: string } => ({
  slug: entry.id,
  title: entry.title,
  abstract: entry.abstract ?? '',
  date: entry.date,
  terms: entry.categories?.length ? { categories: entry.categories.map((category) => category.toLowerCase()) } : {},
});

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

// 1. Time and memory per size, in this process (run one size per process for a clean peak).
for (const size of values.sizes.split(',').filter(Boolean).map(Number)) {
  const papers = deriveEntries(lines, size).map((line) => toInput(JSON.parse(line) as Line));
  globalThis.gc?.();
  const before = process.memoryUsage().rss;
  const start = performance.now();
  const related = relatedPapers(papers);
  const ms = performance.now() - start;
  const lengths = [...related.values()].map((list) => list.length);
  process.stdout.write(
    `${size} papers: ${(ms / 1000).toFixed(1)} s, peak RSS ${mb(process.resourceUsage().maxRSS * 1024)} MB ` +
      `(${mb(before)} MB before), ${(lengths.reduce((a, b) => a + b, 0) / lengths.length).toFixed(2)} related per paper, ` +
      `${lengths.filter((length) => length === 0).length} with none\n`,
  );
}

// 2. Stability: each of the last `days` days with at least 200 papers, added to everything before
//    it; and, for the last of them, only as many of its papers as 300 are to 100,000 (0.3 %), the
//    share a day adds to a large archive.
const all = lines.map((line) => toInput(JSON.parse(line) as Line));
const days = [...new Set(all.map((paper) => paper.date))].sort().filter((day) => all.filter((paper) => paper.date === day).length >= 200);
const same = (a: readonly RelatedPaper[] = [], b: readonly RelatedPaper[] = []) =>
  a.length === b.length && a.every((item, index) => item.slug === b[index]!.slug);
const chosen = days.slice(-Number(values.days));
const trials = [...chosen.map((day) => ({ day, share: 1 })), ...chosen.slice(-1).map((day) => ({ day, share: 0.003 }))];
for (const { day, share } of trials) {
  const before = all.filter((paper) => paper.date < day);
  const wholeDay = all.filter((paper) => paper.date === day);
  const added = share === 1 ? wholeDay : wholeDay.slice(0, Math.ceil(share * before.length));
  const newSlugs = new Set(added.map((paper) => paper.slug));
  const old = relatedPapers(before);
  const now = relatedPapers([...before, ...added]);
  let changed = 0;
  let drifted = 0;
  for (const paper of before) {
    const list = now.get(paper.slug)!;
    if (same(old.get(paper.slug), list)) continue;
    changed += 1;
    if (!list.some((item) => newSlugs.has(item.slug))) drifted += 1;
  }
  const percent = (count: number) => `${((100 * count) / before.length).toFixed(1)} %`;
  process.stdout.write(
    `adding ${added.length} papers of ${day} to ${before.length}: ${changed} earlier lists changed (${percent(changed)}), ` +
      `${drifted} of them with no new paper in them (${percent(drifted)})\n`,
  );
}
