/**
 * `node bench/portable.ts`: what a portable archive costs. For the seed archive and the first
 * N arXiv entries of ../shared/data, builds the normal and the portable archive (and the zip)
 * with the real command line, and reports their size (bytes, files), the build times, and the
 * time from opening `search/index.html?q=…` to the first result drawn in Chromium — from disk
 * for the portable archive, over the local server for the normal one. A benchmark: it asserts
 * nothing. Usage: node bench/portable.ts [--size 1000] [--runs 5]
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../e2e/support/find-chromium.ts';
import { serveArchive } from '../src/serve/serve-archive.ts';
import { measure } from './measure.ts';
import { folderStats } from './folder-stats.ts';

const root = join(import.meta.dirname, '..');
const corpus = join(root, '..', 'shared', 'data', 'arxiv-2026q1.jsonl');
const { values } = parseArgs({ options: { size: { type: 'string', default: '1000' }, runs: { type: 'string', default: '5' } } });
const size = Number(values.size);
const runs = Number(values.runs);

const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)]!;

async function build(args: string[]): Promise<number> {
  const result = await measure(process.execPath, [join(root, 'bin', 'papershelf.js'), 'build', ...args]);
  if (result.exitCode !== 0) throw new Error(`papershelf build ${args.join(' ')} failed (exit ${result.exitCode})`);
  return result.seconds;
}

/** Milliseconds from the start of navigation to the first result in the list, read in the page itself; the median of `runs` cold loads. */
async function firstResult(browser: Browser, address: string): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      const observer = new MutationObserver(() => {
        if (document.querySelector('.result-title a')) {
          Reflect.set(window, '__firstResult', performance.now());
          observer.disconnect();
        }
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    await page.goto(address);
    await page.locator('.result-title a').first().waitFor();
    times.push(Number(await page.evaluate(() => Reflect.get(window, '__firstResult'))));
    await context.close();
  }
  return median(times);
}

const work = mkdtempSync(join(tmpdir(), 'papershelf-bench-portable-'));
const slice = join(work, `arxiv-${size}.jsonl`);
writeFileSync(slice, `${readFileSync(corpus, 'utf8').split('\n').slice(0, size).join('\n')}\n`);
const archives = [
  { name: 'seed (30 papers)', source: join(root, 'content', 'sources', 'trending-page-2025-03-19.txt'), query: 'successor heads' },
  { name: `arXiv slice (${size.toLocaleString('en')} papers)`, source: slice, query: 'language models' },
];
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
process.stdout.write(
  `Machine: ${cpus().length} × ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB; Node ${process.version}; ${runs} cold loads per figure (median)\n\n`,
);
process.stdout.write(
  '| archive | build | build s | bytes | files | zip bytes | first result, ms | query |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n',
);
try {
  for (const [index, archive] of archives.entries()) {
    const normal = join(work, `normal-${index}`);
    const portable = join(work, `portable-${index}`);
    const zip = join(work, `portable-${index}.zip`);
    const normalSeconds = await build([archive.source, '--out', normal]);
    const portableSeconds = await build([archive.source, '--portable', '--out', portable, '--zip', zip]);
    const { server, url } = await serveArchive(normal, { port: 0 });
    const query = `?q=${encodeURIComponent(archive.query)}`;
    const hostedMs = await firstResult(browser, `${url}search/${query}`);
    const portableMs = await firstResult(browser, `${pathToFileURL(portable).href}/search/index.html${query}`);
    server.close();
    const n = folderStats(normal);
    const p = folderStats(portable);
    const zipBytes = statSync(zip).size;
    const pct = (a: number, b: number) => `${a >= b ? '+' : ''}${(((a - b) / b) * 100).toFixed(1)}%`;
    process.stdout.write(
      `| ${archive.name} | normal, served on 127.0.0.1 | ${normalSeconds.toFixed(1)} | ${n.bytes} | ${n.files} | – | ${hostedMs.toFixed(0)} | ${archive.query} |\n`,
    );
    process.stdout.write(
      `| ${archive.name} | --portable, from file:// | ${portableSeconds.toFixed(1)} | ${p.bytes} (${pct(p.bytes, n.bytes)}) | ${p.files} | ${zipBytes} | ${portableMs.toFixed(0)} | ${archive.query} |\n`,
    );
  }
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
