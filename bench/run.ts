/**
 * `npm run bench`: builds archives from the real arXiv entries in ../shared/data with the real
 * command line and reports, per size and per stage (ingest, Astro render, search index,
 * link-preview cards), wall time and peak memory, then pages per second, the size of
 * `dist/`, and what a reader downloads (median paper page, JavaScript on a paper page, bytes
 * of a first two-word search).
 * A benchmark, not a test: it asserts nothing, it measures.
 *
 *   npm run bench                         1,000 / 10,000 / 13,292 papers, median of 3 runs
 *   npm run bench -- --large              also 30,000 and 100,000 (derived, see derive-corpus.ts)
 *   npm run bench -- --sizes 1000 --runs 1
 *   npm run bench -- --hugo               also build the same pages with Hugo + Pagefind (bench/hugo/)
 *   npm run bench -- --incremental        then add a day of 300 papers to each archive, three times
 *
 * Every measured full build is a cold one: a new output folder, so nothing of an earlier run
 * is reused (the build cache of a removed folder is pruned by the next build).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { deriveEntries, newDayEntries } from './derive-corpus.ts';
import { measure, type Measurement } from './measure.ts';
import { measurePageWeight } from './page-weight.ts';
import { folderStats } from './folder-stats.ts';
import { compareWithHugo } from './hugo/compare-with-hugo.ts';
import { COMPARISON_HEADER, comparisonRow } from './hugo/comparison-row.ts';
import { hugoVersion } from './hugo/find-hugo.ts';

const root = join(import.meta.dirname, '..');
const corpus = join(root, '..', 'shared', 'data', 'arxiv-2026q1.jsonl');
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,13292' },
    large: { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
    hugo: { type: 'boolean', default: false },
    incremental: { type: 'boolean', default: false },
  },
});
const sizes = [...values.sizes.split(',').map(Number), ...(values.large ? [30_000, 100_000] : [])];
const runs = Number(values.runs);

const median = (numbers: readonly number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)] ?? 0;
const seconds = (ms: number) => (ms / 1000).toFixed(1);

interface Stage {
  name: string;
  start: number;
  end: number;
}

/** Duration and peak memory of a stage, from the run's report and memory samples. */
function stageFigures(run: Measurement, stages: readonly Stage[], name: string, minus: readonly string[] = []) {
  const stage = stages.find((item) => item.name === name);
  if (!stage) return { ms: 0, processMb: 0 };
  const inner = stages.filter((item) => minus.includes(item.name)).reduce((sum, item) => sum + (item.end - item.start), 0);
  const within = run.samples.filter((sample) => sample.at >= stage.start && sample.at <= stage.end);
  return { ms: stage.end - stage.start - inner, processMb: Math.round(Math.max(0, ...within.map((sample) => sample.processMb))) };
}

const lines = readFileSync(corpus, 'utf8').trim().split('\n');
const hugo = values.hugo ? hugoVersion() : null;
if (values.hugo && hugo === null) {
  process.stderr.write('bench --hugo: `hugo` is not installed; install it with `apt-get install -y hugo`.\n');
  process.exit(1);
}
process.stdout.write(
  `Machine: ${cpus().length} × ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB; Node ${process.version}; median of ${runs} run(s)\n`,
);
if (hugo) process.stdout.write(`Compared with ${hugo}\n`);
process.stdout.write(
  'papers | total s | ingest s | read s | render s | index s (alongside render) | cards s (alongside render) | guard s | offline s | peak process MB (ingest / render / index) | peak tree MB | pages/s | dist MB | dist files | paper page gz | paper JS (files + inline) | first search\n',
);
if (hugo) process.stdout.write(COMPARISON_HEADER);
/**
 * What the bench wrote, deleted only when it is done. On a file system without a
 * journal (this machine's root), ext4 will not reuse an inode for about half a minute after it
 * was freed, and finding a free one then reads its way past every inode freed meanwhile:
 * creating 42,000 files took 0.9 s of kernel time here when the disk had been quiet and 4.3 s
 * right after as many were deleted. Deleting each run's folder just before the next run
 * charged that run for the harness's own cleaning; Hugo's runs are kept the same way.
 */
const written: string[] = [];
for (const size of sizes) {
  const work = mkdtempSync(join(tmpdir(), 'papershelf-bench-'));
  const source = join(work, `arxiv-${size}.jsonl`);
  writeFileSync(source, `${deriveEntries(lines, size).join('\n')}\n`);
  const results: { run: Measurement; stages: Stage[] }[] = [];
  const site = (attempt: number) => join(work, `site-${attempt}`);
  /** One build of `sources` into `out`, measured. */
  const buildOnce = async (sources: readonly string[], out: string) => {
    const report = join(work, 'report.json');
    const run = await measure(process.execPath, [
      join(root, 'bin', 'papershelf.js'),
      'build',
      ...sources,
      '--out',
      out,
      '--report',
      report,
    ]);
    if (run.exitCode !== 0) throw new Error(`the build of ${size} papers failed (exit ${run.exitCode})`);
    return { run, stages: (JSON.parse(readFileSync(report, 'utf8')) as { stages: Stage[] }).stages };
  };
  for (let attempt = 0; attempt < runs; attempt += 1) {
    // A new folder each time, so each run is a full build. Nothing is deleted until the bench
    // ends (see `written`).
    results.push(await buildOnce([source], site(attempt)));
  }
  const last = site(runs - 1);
  const figures = results.map(({ run, stages }) => ({
    total: run.seconds * 1000,
    ingest: stageFigures(run, stages, 'ingest'),
    read: stageFigures(run, stages, 'read'),
    render: stageFigures(run, stages, 'render'),
    index: stageFigures(run, stages, 'index'),
    cards: stageFigures(run, stages, 'cards'),
    guard: stageFigures(run, stages, 'guard'),
    offline: stageFigures(run, stages, 'offline'),
    peakProcess: run.peakProcessMb,
    peakTree: run.peakTreeMb,
  }));
  const total = median(figures.map((figure) => figure.total));
  const dist = folderStats(last);
  const weight = await measurePageWeight(last);
  const peak = (pick: (figure: (typeof figures)[number]) => number) => Math.max(...figures.map(pick));
  process.stdout.write(
    [
      size,
      seconds(total),
      seconds(median(figures.map((figure) => figure.ingest.ms))),
      seconds(median(figures.map((figure) => figure.read.ms))),
      seconds(median(figures.map((figure) => figure.render.ms))),
      seconds(median(figures.map((figure) => figure.index.ms))),
      seconds(median(figures.map((figure) => figure.cards.ms))),
      seconds(median(figures.map((figure) => figure.guard.ms))),
      seconds(median(figures.map((figure) => figure.offline.ms))),
      `${peak((f) => f.peakProcess)} (${peak((f) => f.ingest.processMb)} / ${peak((f) => f.render.processMb)} / ${peak((f) => f.index.processMb)})`,
      peak((f) => f.peakTree),
      Math.round(size / (total / 1000)),
      (dist.bytes / 2 ** 20).toFixed(1),
      dist.files,
      `${(weight.medianPaperHtmlCssGzip / 1024).toFixed(1)} KB`,
      `${weight.paperJsBytes} B + ${weight.paperInlineJs.bytes} B inline (${weight.paperInlineJs.gzip} B gz)`,
      `${(weight.searchTransferBytes / 1024).toFixed(1)} KB ("${weight.searchQuery}")`,
    ].join(' | ') + '\n',
  );
  if (hugo) process.stdout.write(comparisonRow(await compareWithHugo(source, runs, join(work, 'hugo')), total));
  if (values.incremental) {
    // Three new days, one after another, each built into the last full build's folder.
    const lastDay = lines
      .map((line) => (JSON.parse(line) as { date: string }).date)
      .sort()
      .at(-1)!;
    const sources = [source];
    const grown: { run: Measurement; stages: Stage[] }[] = [];
    for (let k = 1; k <= 3; k += 1) {
      const day = join(work, `new-day-${k}.jsonl`);
      writeFileSync(day, `${newDayEntries(lines, lastDay, k).join('\n')}\n`);
      sources.push(day);
      grown.push(await buildOnce(sources, last));
    }
    const built = JSON.parse(readFileSync(join(work, 'report.json'), 'utf8')) as { build: { pages: number; rendered: number } };
    process.stdout.write(
      `  + a day of 300 papers, into the same folder: median ${seconds(median(grown.map(({ run }) => run.seconds * 1000)))} s ` +
        `(runs: ${grown.map(({ run }) => seconds(run.seconds * 1000)).join(', ')} s; stages of the last: ` +
        `${grown
          .at(-1)!
          .stages.map((stage) => `${stage.name} ${seconds(stage.end - stage.start)}`)
          .join(', ')}); ` +
        `peak process ${Math.max(...grown.map(({ run }) => run.peakProcessMb))} MB; last run rendered ${built.build.rendered} of ${built.build.pages} pages\n`,
    );
  }
  written.push(work);
}
for (const folder of written) rmSync(folder, { recursive: true, force: true });
