/**
 * `node bench/hostile-input.ts`: how long `papershelf check` takes, and how much memory it
 * holds, on small hostile sources that used to cost minutes or gigabytes: an abstract that is
 * one long run of spaces (200 KB and 5 MB; and the text cleaner alone on them), BibTeX files
 * of a few hundred bytes whose `@string`s double at each step, and a few more shapes that made
 * a parser scan the rest of the file again for each line. Each case runs in its own process,
 * stopped after `--timeout` seconds. A benchmark: it asserts nothing.
 *
 *   node bench/hostile-input.ts                       every case, with this checkout's code
 *   node bench/hostile-input.ts --root /tmp/old       the same cases with another checkout
 *   node bench/hostile-input.ts --only spaces --timeout 600
 *   node bench/hostile-input.ts --real --only real    the real arXiv entries, as JSON Lines and BibTeX
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    root: { type: 'string', default: join(import.meta.dirname, '..') },
    only: { type: 'string' },
    timeout: { type: 'string', default: '300' },
    // Also the real arXiv entries of ../shared/data, as JSON Lines and as BibTeX: what the bounds cost an ordinary file.
    real: { type: 'boolean', default: false },
  },
});
const timeoutMs = Number(values.timeout) * 1000;

/** One hostile source: its file name (the extension decides the format) and its text. */
interface Case {
  readonly name: string;
  readonly file: string;
  readonly text: () => string;
}

/** One call of the text cleaner on a long run of spaces, in its own process: the step that was quadratic. */
interface CleanCase {
  readonly name: string;
  readonly spaces: number;
}

const entry = (abstract: string) => `${JSON.stringify({ id: '2501.00001', title: 'Spaces', date: '2025-01-02', abstract })}\n`;

/** `@string{a0="xx"} @string{a1=a0#a0} …`: each string twice the one before, 2^(last + 1) characters at the end. */
function doublingStrings(last: number): string {
  let text = '@string{a0="xx"}\n';
  for (let i = 1; i <= last; i += 1) text += `@string{a${i}=a${i - 1}#a${i - 1}}\n`;
  return `${text}@article{doubled, title={Doubled}, abstract=a${last}, eprint={2501.00002}, date={2025-01-02}}\n`;
}

const corpus = join(import.meta.dirname, '..', '..', 'shared', 'data', 'arxiv-2026q1.jsonl');
/** The real entries as BibTeX, one journal name by @string, TeX's special characters escaped. */
function realBibtex(): string {
  const escape = (text: string) =>
    text
      .replace(/[{}]/g, '')
      .replace(/\\/g, '\\textbackslash{}')
      .replace(/[%&#_]/g, (char) => `\\${char}`);
  const entries = readFileSync(corpus, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { id: string; title: string; abstract?: string; authors?: string[]; date: string });
  const items = entries.map(
    (paper, index) =>
      `@article{k${index},\n  title = {${escape(paper.title)}},\n  author = {${(paper.authors ?? []).map(escape).join(' and ')}},\n  abstract = {${escape(paper.abstract ?? '')}},\n  eprint = {${paper.id}}, archivePrefix = {arXiv},\n  journal = jmlr,\n  date = {${paper.date}},\n}\n`,
  );
  return `@string{jmlr = "Journal of Machine Learning Research"}\n${items.join('\n')}`;
}

const CLEAN_CASES: readonly CleanCase[] = [
  { name: 'cleanText, 200 KB of spaces', spaces: 200_000 },
  { name: 'cleanText, 5 MB of spaces', spaces: 5_000_000 },
];

const CASES: readonly Case[] = [
  { name: 'spaces 39 KB (under the cap)', file: 'spaces-39k.jsonl', text: () => entry(`a${' '.repeat(39_000)}b`) },
  { name: 'spaces 200 KB', file: 'spaces-200k.jsonl', text: () => entry(`a${' '.repeat(200_000)}b`) },
  { name: 'spaces 5 MB', file: 'spaces-5m.jsonl', text: () => entry(`a${' '.repeat(5_000_000)}b`) },
  // 2^32 characters: the library fails early, when a string passes V8's longest (2^29 - 24).
  { name: 'doubling @string to 4 G', file: 'doubling-32.bib', text: () => doublingStrings(31) },
  // 2^27 characters: the library builds them all, then converts each one's LaTeX.
  { name: 'doubling @string to 128 M', file: 'doubling-27.bib', text: () => doublingStrings(26) },
  // 50,000 lines that each start an entry and break it: the parser's error position and its
  // list of errors were recomputed from the file's start for each one.
  { name: 'broken BibTeX lines 200 KB', file: 'broken.bib', text: () => '@a\n'.repeat(66_000) },
  // `\(` opens math; each one looked for its `\)` to the end of the file.
  { name: 'BibTeX \\( run 200 KB', file: 'parens.bib', text: () => `@article{p, title={${'\\('.repeat(100_000)}}, date={2025-01-02}}\n` },
  // Combining marks in one run: NFC orders them, in time quadratic in the run.
  { name: 'combining marks 200 KB', file: 'marks.jsonl', text: () => entry(`a${'\u0301\u0316'.repeat(50_000)}`) },
  // A file whose name says nothing: format detection looked for XML past each comment in turn.
  { name: 'XML comments, no extension 14 KB', file: 'comments.data', text: () => `${'<!---->'.repeat(2_000)}x` },
  ...(values.real
    ? [
        { name: 'real arXiv entries, JSON Lines', file: 'real.jsonl', text: () => readFileSync(corpus, 'utf8') },
        { name: 'real arXiv entries, BibTeX', file: 'real.bib', text: realBibtex },
      ]
    : []),
];

/** Runs node with `args`; wall time, peak resident memory (VmHWM), exit code, first line of standard error. */
async function run(args: readonly string[]): Promise<{ seconds: number; peakMb: number; exit: string; first: string }> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    if (stderr.length < 4096) stderr += chunk.toString('utf8');
  });
  let peakKb = 0;
  const sample = () => {
    try {
      peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0));
    } catch {
      // The process has ended.
    }
  };
  const sampler = setInterval(sample, 50);
  let timedOut = false;
  const stopper = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(sampler);
  clearTimeout(stopper);
  const first = stderr.split('\n').find((line) => line.trim() !== '') ?? '';
  return {
    seconds: (performance.now() - started) / 1000,
    peakMb: Math.round(peakKb / 1024),
    exit: timedOut ? `stopped after ${values.timeout} s` : String(code),
    first: first.replace(/^.*?:(\d+): /, 'line $1: ').slice(0, 140),
  };
}

const work = mkdtempSync(join(tmpdir(), 'papershelf-hostile-'));
process.stdout.write(
  `Machine: ${cpus().length} × ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB; Node ${process.version}; code: ${values.root}\n`,
);
process.stdout.write('case | bytes | seconds | peak MB | exit | first line of standard error\n');
const wanted = (name: string) => values.only === undefined || name.includes(values.only);
try {
  for (const item of CLEAN_CASES) {
    if (!wanted(item.name)) continue;
    // The cleaner alone, as normalisation calls it on an abstract; its time goes to standard error.
    const module = join(values.root, 'src', 'ingest', 'normalize', 'clean-text.ts');
    const script = `const { cleanText } = await import(${JSON.stringify(module)}); const t = performance.now(); cleanText('a' + ' '.repeat(${item.spaces}) + 'b', { singleLine: false }); console.error('cleanText: ' + (performance.now() - t).toFixed(0) + ' ms');`;
    const result = await run(['--input-type=module', '-e', script]);
    process.stdout.write(
      `${item.name} | ${item.spaces + 2} | ${result.seconds.toFixed(2)} | ${result.peakMb} | ${result.exit} | ${result.first}\n`,
    );
  }
  for (const item of CASES) {
    if (!wanted(item.name)) continue;
    const file = join(work, item.file);
    const text = item.text();
    writeFileSync(file, text);
    const result = await run([join(values.root, 'bin', 'papershelf.js'), 'check', file]);
    process.stdout.write(
      `${item.name} | ${Buffer.byteLength(text)} | ${result.seconds.toFixed(2)} | ${result.peakMb} | ${result.exit} | ${result.first}\n`,
    );
    rmSync(file);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
