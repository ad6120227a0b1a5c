/**
 * `npm run build` (ingest, then build) killed with SIGKILL at moments drawn at random: the next
 * run finishes or discards what the killed one left, and ends with exactly what an
 * uninterrupted run gives — the same paper files, the same archive — and nothing left beside
 * them (no lock, no scratch folder, no staged change).
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../support/fingerprint.ts';
import { tempDir } from '../support/temp-dir.ts';
import { runCli } from '../cli/run-cli.ts';

const root = join(import.meta.dirname, '..', '..');
const work = tempDir('papershelf-kill-');
const lines = readFileSync(join(root, 'test', 'fixtures', 'sources', 'jsonl-slice', 'papers.jsonl'), 'utf8')
  .trim()
  .split('\n');
/** The two states the sources alternate between: papers leave, change and arrive. */
const states = [
  `${lines.slice(0, 8).join('\n')}\n`,
  `${lines
    .slice(3, 10)
    .map((line, index) =>
      index === 1 ? JSON.stringify({ ...(JSON.parse(line) as object), title: 'A title changed by the update' }) : line,
    )
    .join('\n')}\n`,
];

/** A project content folder holding `state`'s sources. */
function project(name: string): { content: string; out: string; env: Record<string, string> } {
  const content = join(work, name, 'content');
  mkdirSync(join(content, 'sources'), { recursive: true });
  cpSync(join(root, 'content', 'taxonomies.yaml'), join(content, 'taxonomies.yaml'));
  return { content, out: join(work, name, 'site'), env: { PAPERSHELF_CONTENT_DIR: content } };
}

/** Runs `papershelf build --out <out>` and kills it after `ms` milliseconds, unless it ended first. */
function buildKilledAfter(out: string, env: Record<string, string>, ms: number): Promise<'killed' | 'finished'> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'bin', 'papershelf.js'), 'build', '--out', out], {
      cwd: root,
      env: { ...process.env, CI: '1', ...env },
      stdio: 'ignore',
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve(signal === 'SIGKILL' ? 'killed' : 'finished');
    });
  });
}

/** A small seeded generator, so a failing draw can be run again. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('a build killed at a random moment', () => {
  it('is finished or discarded by the next run, which gives what an uninterrupted run gives', async () => {
    // What uninterrupted runs give, for each state (in the same folders: paper files name their
    // source's path), and how long one takes.
    const killed = project('killed');
    const source = join(killed.content, 'sources', 'papers.jsonl');
    const expected = [...states, states[0]!].map((state) => {
      writeFileSync(source, state);
      const started = Date.now();
      const run = runCli(['build', '--out', killed.out], root, killed.env);
      expect(run.status, run.stderr).toBe(0);
      return { papers: fingerprint(join(killed.content, 'papers')), site: fingerprint(killed.out), took: Date.now() - started };
    });
    const runTime = Math.max(...expected.map((state) => state.took));
    // A state's archive also holds the pages of papers that left (content/addresses.yaml): from
    // the third run on, each state follows the other, so its last uninterrupted run is the one to match.
    const settled = [expected[2]!, expected[1]!];

    const seed = Number(process.env['PAPERSHELF_KILL_SEED'] ?? Date.now() % 100_000);
    const draw = random(seed);
    const outcomes: string[] = [];
    for (let round = 1; round <= 6; round += 1) {
      const state = round % 2;
      writeFileSync(source, states[state]!);
      const moment = Math.floor(draw() * runTime);
      outcomes.push(`${moment} ms: ${await buildKilledAfter(killed.out, killed.env, moment)}`);
      const next = runCli(['build', '--out', killed.out], root, killed.env);
      const context = `seed ${seed} (PAPERSHELF_KILL_SEED), round ${round}: ${outcomes.join(', ')}\n${next.stderr}`;
      expect(next.status, context).toBe(0);
      expect(fingerprint(join(killed.content, 'papers')), context).toBe(settled[state]!.papers);
      expect(fingerprint(killed.out), context).toBe(settled[state]!.site);
      expect(readdirSync(join(work, 'killed')).sort(), context).toEqual(['content', 'site']);
      expect(
        readdirSync(killed.content).filter((name) => name.startsWith('.papers-') && name !== '.papers-index.json'),
        context,
      ).toEqual([]);
    }
  });
});
