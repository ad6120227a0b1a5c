/**
 * `papershelf ingest` is all or nothing: a process killed while writing leaves the content
 * folder as it was, and the next run cleans up after it.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../support/fingerprint.ts';
import { runCli } from './run-cli.ts';
import { tempDir } from '../support/temp-dir.ts';

const root = join(import.meta.dirname, '..', '..');
const corpus = join(root, '..', 'shared', 'data', 'arxiv-2026q1.jsonl');
const slice = join(root, 'test', 'fixtures', 'sources', 'jsonl-slice', 'papers.jsonl');

/** A content folder holding the taxonomies and an ingested small source. */
function contentFolder(): string {
  const content = tempDir('papershelf-integrity-');
  mkdirSync(join(content, 'sources'));
  cpSync(join(root, 'content', 'taxonomies.yaml'), join(content, 'taxonomies.yaml'));
  cpSync(slice, join(content, 'sources', 'first.jsonl'));
  return content;
}

const ingest = (content: string, args: string[] = []) => {
  process.env['PAPERSHELF_CONTENT_DIR'] = content;
  try {
    return runCli(['ingest', ...args]);
  } finally {
    delete process.env['PAPERSHELF_CONTENT_DIR'];
  }
};

describe('an interrupted ingest', () => {
  it('leaves the content folder as it was when killed mid-write, and the next run recovers', async () => {
    const content = contentFolder();
    expect(ingest(content).status).toBe(0);
    const before = fingerprint(content, { skipHidden: true });

    // A large source, so that the kill lands while paper files are being written.
    const big = join(tempDir('papershelf-big-'), 'big.jsonl');
    writeFileSync(big, readFileSync(corpus, 'utf8').split('\n').slice(0, 6000).join('\n'));
    const child = spawn(process.execPath, [join(root, 'bin', 'papershelf.js'), 'ingest', big], {
      env: { ...process.env, PAPERSHELF_CONTENT_DIR: content, CI: '1' },
      stdio: 'ignore',
    });
    // New paper files are staged in .papers-new/papers/ until the change is committed.
    const staging = join(content, '.papers-new');
    const staged = join(staging, 'papers');
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (existsSync(staged) && readdirSync(staged).length > 200) {
          clearInterval(timer);
          child.kill('SIGKILL');
          resolve();
        }
      }, 5);
      child.on('exit', () => {
        clearInterval(timer);
        reject(new Error('the ingest finished before it could be interrupted'));
      });
    });
    await new Promise((resolve) => child.on('exit', resolve));

    // Neither the papers nor the sources changed: the new source was not copied in.
    expect(fingerprint(content, { skipHidden: true })).toBe(before);
    expect(existsSync(staging)).toBe(true);

    // The next run clears the leftovers (only the paper index stays), and the content is still the same.
    const next = ingest(content);
    expect(next.status).toBe(0);
    expect(next.stdout).toContain('0 added, 0 updated, 20 unchanged');
    expect(readdirSync(content).filter((name) => name.startsWith('.'))).toEqual(['.papers-index.json']);
    expect(fingerprint(content, { skipHidden: true })).toBe(before);
  }, 120_000);

  it('finishes a folder swap an earlier version was cut off in between its two renames', () => {
    const content = contentFolder();
    expect(ingest(content).status).toBe(0);
    const file = readdirSync(join(content, 'papers'))[0]!;
    writeFileSync(join(content, 'papers', file), `${readFileSync(join(content, 'papers', file), 'utf8')}Notes that must survive.\n`);
    const before = fingerprint(join(content, 'papers'));
    // The state a kill between "papers → .papers-old" and ".papers-new → papers" leaves.
    renameSync(join(content, 'papers'), join(content, '.papers-old'));
    const run = ingest(content);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('0 added');
    expect(fingerprint(join(content, 'papers'))).toBe(before);
  });

  it('adds a named source and its papers together', () => {
    const content = contentFolder();
    const extra = join(tempDir('papershelf-extra-'), 'extra.jsonl');
    writeFileSync(extra, '{"id": "2601.99999", "title": "An added paper", "date": "2026-02-01"}\n');
    const run = ingest(content, [extra]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('21 entries read, 21 added');
    expect(readFileSync(join(content, 'sources', 'extra.jsonl'), 'utf8')).toContain('An added paper');
    expect(readFileSync(join(content, 'papers', '2601.99999.mdx'), 'utf8')).toContain(`from ${join(content, 'sources', 'extra.jsonl')}:1.`);
    // Ingesting again from the sources folder alone changes nothing.
    expect(ingest(content).stdout).toContain('0 added, 0 updated, 21 unchanged');
  });
});
