/**
 * `npm run bench`: builds archives from the real arXiv entries in ../shared/data with the
 * real command line and reports wall time and peak memory for each size. A benchmark, not a
 * test: it asserts nothing, it measures. Usage: npm run bench [-- --sizes 1000,13292 --runs 3]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { measure, type Measurement } from './measure.ts';

const root = join(import.meta.dirname, '..');
const corpus = join(root, '..', 'shared', 'data', 'arxiv-2026q1.jsonl');
const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1000,13292' }, runs: { type: 'string', default: '1' } } });
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);

const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)]!;

function folderStats(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      const info = statSync(path);
      if (info.isDirectory()) walk(path);
      else {
        files += 1;
        bytes += info.size;
      }
    }
  };
  walk(dir);
  return { files, bytes };
}

const lines = readFileSync(corpus, 'utf8').trim().split('\n');
process.stdout.write(`Machine: ${cpus().length} × ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB; Node ${process.version}\n`);
process.stdout.write('papers | wall s (median) | peak process MB | peak tree MB | pages/s | dist files | dist MB\n');
for (const size of sizes) {
  const work = mkdtempSync(join(tmpdir(), 'papershelf-bench-'));
  const source = join(work, `arxiv-${size}.jsonl`);
  writeFileSync(source, `${lines.slice(0, size).join('\n')}\n`);
  const results: Measurement[] = [];
  for (let run = 0; run < runs; run += 1) {
    const result = await measure(process.execPath, [join(root, 'bin', 'papershelf.js'), 'build', source, '--out', join(work, 'site')]);
    if (result.exitCode !== 0) throw new Error(`the build of ${size} papers failed (exit ${result.exitCode})`);
    results.push(result);
  }
  const seconds = median(results.map((result) => result.seconds));
  const dist = folderStats(join(work, 'site'));
  process.stdout.write(
    `${size} | ${seconds.toFixed(1)} | ${Math.max(...results.map((r) => r.peakProcessMb))} | ${Math.max(...results.map((r) => r.peakTreeMb))} | ${Math.round(size / seconds)} | ${dist.files} | ${(dist.bytes / 2 ** 20).toFixed(1)}\n`,
  );
  rmSync(work, { recursive: true, force: true });
}
