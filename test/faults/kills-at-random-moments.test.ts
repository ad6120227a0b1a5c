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
const lines = readFileSync(join(root, 'test', 'fixtures', 'sources', 'jsonl-slice', 'papers.jsonl'), 'utf8').trim().split('\n');
/** The two states the sources alternate between: papers leave, change and arrive. */
const states = [
  `${lines.slice(0, 8).join('\n')}\n`,
  `${[...lines.slice(3, 10), JSON.stringify({ ...(JSON.parse(lines[4]!) as object), title: 'A title changed by the update' })].join('\n')}\n`,
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
    const child = spawn(process.execPath, [join(root, 'bin', 'papershelf.js'), 'build', '--out', out], { cwd: root, env: { ...process.env, CI: '1', ...env }, stdio: 'ignore' });
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
    // What uninterrupted runs give, for each state, and how long one takes.
    const expected = states.map((state, index) => {
      const clean = project(`clean-${index}`);
      writeFileSync(join(clean.content, 'sources', 'papers.jsonl'), state);
      const run = runCli(['build', '--out', clean.out], root, clean.env);
      expect(run.status, run.stderr).toBe(0);
      return { papers: fingerprint(join(clean.content, 'papers')), site: fingerprint(clean.out) };
    });
    const started = Date.now();
    const killed = project('killed');
    writeFileSync(join(killed.content, 'sources', 'papers.jsonl'), states[0]!);
    expect(runCli(['build', '--out', killed.out], root, killed.env).status).toBe(0);
    const runTime = Date.now() - started;

    const seed = Number(process.env['PAPERSHELF_KILL_SEED'] ?? Date.now() % 100_000);
    const draw = random(seed);
    const outcomes: string[] = [];
    for (let round = 1; round <= 6; round += 1) {
      const state = round % 2;
      writeFileSync(join(killed.content, 'sources', 'papers.jsonl'), states[state]!);
      const moment = Math.floor(draw() * runTime);
      outcomes.push(`${moment} ms: ${await buildKilledAfter(killed.out, killed.env, moment)}`);
      const next = runCli(['build', '--out', killed.out], root, killed.env);
      const context = `seed ${seed} (PAPERSHELF_KILL_SEED), round ${round}: ${outcomes.join(', ')}\n${next.stderr}`;
      expect(next.status, context).toBe(0);
      expect(fingerprint(join(killed.content, 'papers')), context).toBe(expected[state]!.papers);
      expect(fingerprint(killed.out), context).toBe(expected[state]!.site);
      expect(readdirSync(join(work, 'killed')).sort(), context).toEqual(['content', 'site']);
      expect(readdirSync(killed.content).filter((name) => name.startsWith('.papers-') && name !== '.papers-index.json'), context).toEqual([]);
    }
  });
});
