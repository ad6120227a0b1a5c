/**
 * The address history changes with the papers, all or nothing: `papershelf ingest` killed with
 * SIGKILL at moments spread over its run leaves, once the next run has finished or discarded
 * what it left (`recoverPapersFolder`), the papers and `addresses.yaml` both as they were
 * before, or both as after — never papers at their new addresses without the redirects from
 * the old ones.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recoverPapersFolder } from '../../src/ingest/emit/write-papers.ts';
import { fingerprint } from '../support/fingerprint.ts';
import { tempDir } from '../support/temp-dir.ts';
import { runCli } from '../cli/run-cli.ts';

const root = join(import.meta.dirname, '..', '..');
const work = tempDir('papershelf-addresses-kill-');
const content = join(work, 'content');
const saved = join(work, 'before');
const env = { PAPERSHELF_CONTENT_DIR: content };
const scraped = readFileSync(join(root, 'content', 'sources', 'trending-page-2025-03-19.txt'), 'utf8');
const titles = scraped
  .split('\n')
  .slice(10)
  .filter((_line, n) => n % 4 === 0 && n < 40);
/** The same papers with arXiv ids, all but the last: those move, the last leaves. */
const withIds = titles
  .slice(0, -1)
  .map((title, n) => `${JSON.stringify({ id: `2503.${String(10001 + n)}`, title, abstract: 'An abstract.', date: '2025-03-19' })}\n`)
  .join('');

/** The papers and the history, as one fingerprint. */
const state = () =>
  `${fingerprint(join(content, 'papers'), { skipHidden: true })} ${existsSync(join(content, 'addresses.yaml')) ? readFileSync(join(content, 'addresses.yaml'), 'utf8') : 'no history'}`;

/** The content folder as before the update, with the update's sources in place. */
function reset(): void {
  rmSync(content, { recursive: true, force: true });
  cpSync(saved, content, { recursive: true });
  rmSync(join(content, 'sources', 'trending-page-2025-03-19.txt'));
  writeFileSync(join(content, 'sources', 'papers.jsonl'), withIds);
}

/** Runs `papershelf ingest` and kills it after `ms` milliseconds, unless it ended first. */
function ingestKilledAfter(ms: number): Promise<'killed' | 'finished'> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'bin', 'papershelf.js'), 'ingest'], {
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

describe('an ingest that moves papers, killed part way', () => {
  it('leaves the papers and their address history both before or both after', async () => {
    mkdirSync(join(content, 'sources'), { recursive: true });
    cpSync(join(root, 'content', 'taxonomies.yaml'), join(content, 'taxonomies.yaml'));
    writeFileSync(join(content, 'sources', 'trending-page-2025-03-19.txt'), scraped);
    expect(runCli(['ingest'], root, env).status).toBe(0);
    cpSync(content, saved, { recursive: true });
    const before = state();

    reset();
    const started = Date.now();
    const run = runCli(['ingest'], root, env);
    expect(run.status, run.stderr).toBe(0);
    const took = Date.now() - started;
    const after = state();
    expect(after).toContain('"2503.10001"');
    expect(after).toContain('removed: ');

    const outcomes: string[] = [];
    for (let round = 1; round <= 8; round += 1) {
      reset();
      const moment = Math.floor((round / 9) * took);
      outcomes.push(`${moment} ms: ${await ingestKilledAfter(moment)}`);
      await recoverPapersFolder(join(content, 'papers'));
      expect([before, after], outcomes.join(', ')).toContain(state());
    }
    expect(outcomes.filter((outcome) => outcome.endsWith('killed')).length, outcomes.join(', ')).toBeGreaterThan(0);
  }, 120_000);
});
