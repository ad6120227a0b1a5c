/**
 * The Hugo side of `npm run bench -- --hugo`: the same archive built by Hugo, then indexed by
 * Pagefind as ours is, each measured from outside like our build (wall time, memory sampled
 * over the process tree). Only what a Hugo user would run at build time is timed; turning our
 * paper files into Hugo content is not, as that content would already exist.
 *
 * Same pages: a page per paper, per day, per taxonomy and per term (50 papers a page), the
 * days index and the home page, with our markup, stylesheet and `data-pagefind-body` on paper
 * pages only, so Pagefind indexes the same text. What differs: Hugo numbers pages
 * `/<term>/page/2/` and adds a `/page/1/` redirect per paginated term, and the three pages
 * with no papers on them (404, search, offline) are left out.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_CONTENT, PROJECT_ROOT, TAXONOMY_FILE } from '../../src/settings/project-paths.ts';
import { folderStats } from '../folder-stats.ts';
import { measure, type Measurement } from '../measure.ts';
import { writeHugoSite } from './write-hugo-site.ts';

/** What the Hugo build of one archive took: medians over the runs, peaks over all of them. */
export interface HugoFigures {
  readonly papers: number;
  readonly hugoMs: number;
  readonly pagefindMs: number;
  /** Median of the runs' Hugo + Pagefind sums. */
  readonly totalMs: number;
  /** Largest single process: Hugo, and Pagefind's (its Node wrapper or its binary). */
  readonly hugoPeakMb: number;
  readonly pagefindPeakMb: number;
  /** Largest tree at once, over both steps. */
  readonly peakTreeMb: number;
  /** The built site, search index included (as our dist size is). */
  readonly distBytes: number;
  readonly distFiles: number;
}

const median = (numbers: readonly number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)] ?? 0;

function succeeded(step: string, run: Measurement): Measurement {
  if (run.exitCode !== 0) throw new Error(`${step} failed (exit ${run.exitCode}); its output is above`);
  return run;
}

/**
 * Builds the papers of `source` (a JSONL file) with Hugo and Pagefind `runs` times, each from
 * scratch, in `work` (a new folder, left for the caller to delete when its timing is over).
 */
export async function compareWithHugo(source: string, runs: number, work: string): Promise<HugoFigures> {
  mkdirSync(work, { recursive: true });
  // 1. Our ingest writes the paper files once, so both sites have exactly the same papers and terms (not timed).
  const content = join(work, 'content');
  mkdirSync(content);
  copyFileSync(join(PROJECT_CONTENT, TAXONOMY_FILE), join(content, TAXONOMY_FILE));
  execFileSync(process.execPath, [join(PROJECT_ROOT, 'bin', 'papershelf.js'), 'ingest', source], {
    env: { ...process.env, PAPERSHELF_CONTENT_DIR: content },
    stdio: ['ignore', 'ignore', 'inherit'],
  });

  // 2. Paper files → Hugo content and layouts (not timed).
  const site = join(work, 'site');
  const papers = await writeHugoSite(content, site);

  // 3. Timed: Hugo renders the pages, then Pagefind indexes them, each run into a new folder
  //    (nothing deleted between runs, as for ours: see `written` in bench/run.ts).
  let out = '';
  const results: { hugo: Measurement; pagefind: Measurement }[] = [];
  for (let attempt = 0; attempt < runs; attempt += 1) {
    out = join(work, `public-${attempt}`);
    const hugoArgs = ['--source', site, '--destination', out, '--cacheDir', join(work, 'cache'), '--quiet'];
    const hugo = succeeded('hugo', await measure('hugo', hugoArgs));
    const indexer = join(import.meta.dirname, 'index-hugo-site.ts');
    const pagefind = succeeded('Pagefind on the Hugo site', await measure(process.execPath, [indexer, out]));
    results.push({ hugo, pagefind });
  }
  const dist = folderStats(out);
  const peak = (pick: (result: (typeof results)[number]) => number) => Math.max(...results.map(pick));
  return {
    papers,
    hugoMs: median(results.map((result) => result.hugo.seconds * 1000)),
    pagefindMs: median(results.map((result) => result.pagefind.seconds * 1000)),
    totalMs: median(results.map((result) => (result.hugo.seconds + result.pagefind.seconds) * 1000)),
    hugoPeakMb: peak((result) => result.hugo.peakProcessMb),
    pagefindPeakMb: peak((result) => result.pagefind.peakProcessMb),
    peakTreeMb: peak((result) => Math.max(result.hugo.peakTreeMb, result.pagefind.peakTreeMb)),
    distBytes: dist.bytes,
    distFiles: dist.files,
  };
}
