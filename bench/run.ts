/**
 * `npm run bench`: builds archives from the real arXiv entries in ../shared/data with the real
 * command line and reports, per size and per stage (ingest, Astro render, search index),
 * wall time and peak memory, then pages per second, the size of `dist/`, and what a reader
 * downloads (median paper page, JavaScript on a paper page, bytes of a first two-word search).
 * A benchmark, not a test: it asserts nothing, it measures.
 *
 *   npm run bench                         1,000 / 10,000 / 13,292 papers, median of 3 runs
 *   npm run bench -- --large              also 30,000 and 100,000 (derived, see derive-corpus.ts)
 *   npm run bench -- --sizes 1000 --runs 1
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { deriveEntries } from './derive-corpus.ts';
import { measure, type Measurement } from './measure.ts';
import { measurePageWeight } from './page-weight.ts';
import { folderStats } from './folder-stats.ts';

const root = join(import.meta.dirname, '..');
const corpus = join(root, '..', 'shared', 'data', 'arxiv-2026q1.jsonl');
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,13292' },
    large: { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
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
process.stdout.write(`Machine: ${cpus().length} × ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB; Node ${process.version}; median of ${runs} run(s)\n`);
process.stdout.write(
  'papers | total s | ingest s | render s | index s | peak process MB (ingest / render / index) | peak tree MB | pages/s | dist MB | dist files | paper page gz | paper JS | first search\n',
);
for (const size of sizes) {
  const work = mkdtempSync(join(tmpdir(), 'papershelf-bench-'));
  const source = join(work, `arxiv-${size}.jsonl`);
  writeFileSync(source, `${deriveEntries(lines, size).join('\n')}\n`);
  const results: { run: Measurement; stages: Stage[] }[] = [];
  for (let attempt = 0; attempt < runs; attempt += 1) {
    const report = join(work, 'report.json');
    const run = await measure(process.execPath, [join(root, 'bin', 'papershelf.js'), 'build', source, '--out', join(work, 'site'), '--report', report]);
    if (run.exitCode !== 0) throw new Error(`the build of ${size} papers failed (exit ${run.exitCode})`);
    results.push({ run, stages: (JSON.parse(readFileSync(report, 'utf8')) as { stages: Stage[] }).stages });
  }
  const figures = results.map(({ run, stages }) => ({
    total: run.seconds * 1000,
    ingest: stageFigures(run, stages, 'ingest'),
    render: stageFigures(run, stages, 'astro', ['guard', 'index', 'offline']),
    index: stageFigures(run, stages, 'index'),
    peakProcess: run.peakProcessMb,
    peakTree: run.peakTreeMb,
  }));
  const total = median(figures.map((figure) => figure.total));
  const dist = folderStats(join(work, 'site'));
  const weight = await measurePageWeight(join(work, 'site'));
  const peak = (pick: (figure: (typeof figures)[number]) => number) => Math.max(...figures.map(pick));
  process.stdout.write(
    [
      size,
      seconds(total),
      seconds(median(figures.map((figure) => figure.ingest.ms))),
      seconds(median(figures.map((figure) => figure.render.ms))),
      seconds(median(figures.map((figure) => figure.index.ms))),
      `${peak((f) => f.peakProcess)} (${peak((f) => f.ingest.processMb)} / ${peak((f) => f.render.processMb)} / ${peak((f) => f.index.processMb)})`,
      peak((f) => f.peakTree),
      Math.round(size / (total / 1000)),
      (dist.bytes / 2 ** 20).toFixed(1),
      dist.files,
      `${(weight.medianPaperHtmlCssGzip / 1024).toFixed(1)} KB`,
      `${weight.paperJsBytes} B`,
      `${(weight.searchTransferBytes / 1024).toFixed(0)} KB ("${weight.searchQuery}")`,
    ].join(' | ') + '\n',
  );
  rmSync(work, { recursive: true, force: true });
}
