/** The real `papershelf fetch` command, end to end, against stand-in servers on 127.0.0.1. */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fetchCommand, type FetchFlags } from '../../src/fetch/fetch-command.ts';
import { readSettings } from '../../src/settings/settings.ts';
import { tempDir } from '../support/temp-dir.ts';
import { atomEntries, atomPage, hfItems } from './recorded-shapes.ts';
import { send, standInsPerTest } from './stand-in-server.ts';

const root = join(import.meta.dirname, '..', '..');

const serve = standInsPerTest();

/** Runs `papershelf <args>` in a child process without blocking this one (the stand-in answers from here). */
function papershelf(
  args: readonly string[],
  env: Record<string, string>,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const cwd = tempDir('papershelf-fetch-cwd-');
  const child = spawn(process.execPath, [join(root, 'bin', 'papershelf.js'), ...args], { cwd, env: { ...process.env, CI: '1', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}

const day = '2026-12-05';

describe('papershelf fetch', () => {
  it('fetches a day from HF_ENDPOINT into the content folder, and leaves it as it is the second time', async () => {
    const items = hfItems(day, 2);
    const { origin, received } = await serve((_request, response) => send(response, 200, JSON.stringify(items)));
    const content = tempDir('papershelf-fetch-content-');
    const env = { HF_ENDPOINT: origin, PAPERSHELF_CONTENT_DIR: content };
    const first = await papershelf(['fetch', 'hf', '--date', day], env);
    expect(first).toMatchObject({ status: 0, stderr: '' });
    expect(first.stdout).toBe('fetch hf: 1 day fetched, 2 papers new, 0 changed; 1 files written, 0 unchanged\n');
    const file = join(content, 'sources', `hf-daily-papers-${day}.json`);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(items);
    expect(received[0]?.url).toBe(`/api/daily_papers?date=${day}&limit=100`);
    expect(received[0]?.headers['user-agent']).toMatch(/^Papershelf\/\d+\.\d+\.\d+/);
    const again = await papershelf(['fetch', 'hf', '--date', day], env);
    expect(again.stdout).toBe('fetch hf: 1 day fetched, 0 papers new, 0 changed; 0 files written, 1 unchanged\n');
    expect(readdirSync(join(content, 'sources'))).toEqual([`hf-daily-papers-${day}.json`]);
  });

  it('exits 1 with one line when the server refuses, writing nothing', async () => {
    const { origin } = await serve((_request, response) => send(response, 404, 'no'));
    const content = tempDir('papershelf-fetch-content-');
    const run = await papershelf(['fetch', 'hf', '--date', day], { HF_ENDPOINT: origin, PAPERSHELF_CONTENT_DIR: content });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `papershelf: fetch hf ${day}: ${origin}/api/daily_papers?date=${day}&limit=100: 404 Not Found; nothing written for that day; check the day and HF_ENDPOINT\n`,
    );
    expect(run.stdout).toBe('fetch hf: 0 days fetched, 0 papers new, 0 changed; 0 files written, 0 unchanged\n');
    expect(readdirSync(content)).toEqual([]);
  });

  it('fetches an arXiv query from --arxiv-endpoint into one Atom file', async () => {
    const { origin } = await serve((_request, response) => send(response, 200, atomPage(atomEntries(3), 3)));
    const content = tempDir('papershelf-fetch-content-');
    const run = await papershelf(['fetch', 'arxiv', '--query', 'cat:cs.LG', '--arxiv-endpoint', `${origin}/api/query`], {
      PAPERSHELF_CONTENT_DIR: content,
    });
    expect(run).toMatchObject({ status: 0, stderr: '', stdout: 'fetch arxiv: 1 query, 3 entries; 1 files written\n' });
    expect(readdirSync(join(content, 'sources'))).toEqual([expect.stringMatching(/^arxiv-cat-cs-lg-\d{8}T\d{6}Z\.atom$/)]);
  });

  it('exits 2 for a mistake in the command', async () => {
    const run = await papershelf(['fetch', 'hf', '--query', 'x'], { PAPERSHELF_CONTENT_DIR: tempDir('papershelf-fetch-content-') });
    expect([run.status, run.stderr]).toEqual([
      2,
      'papershelf: fetch hf: `--query` is not one of its options; fetch hf takes --date or --from/--to; fetch arxiv takes --query, --since, --max and --arxiv-endpoint\n',
    ]);
  });
});

describe('fetchCommand', () => {
  const settings = readSettings({}, { PAPERSHELF_CONTENT_DIR: tempDir('papershelf-fetch-content-') });
  const mistake = (args: string[], flags: FetchFlags, env: Record<string, string> = {}) =>
    fetchCommand(args, flags, settings, env).then(
      () => 'no error',
      (error: Error) => `${error.name}: ${error.message}`,
    );

  it('stops with one line for each mistake in the command, before asking any server', async () => {
    expect(await mistake([], {})).toBe(
      'UserError: fetch: name what to fetch, `papershelf fetch hf` (Hugging Face daily papers) or `papershelf fetch arxiv --query …`',
    );
    expect(await mistake(['hff'], {})).toBe(
      'UserError: fetch: unknown source `hff`; did you mean `hf`? — it fetches `hf` (Hugging Face daily papers) or `arxiv` (the arXiv API)',
    );
    expect(await mistake(['hf', day], {})).toBe(
      'UserError: fetch hf: unexpected `2026-12-05`; days and queries are given by flags: `--date`, `--from`/`--to`, `--query`',
    );
    expect(await mistake(['arxiv'], { from: day })).toMatch(/^UserError: fetch arxiv: `--from` is not one of its options; /);
    expect(await mistake(['hf'], { from: '2026-12-32' })).toBe('UserError: --from: `2026-12-32` is not a day as YYYY-MM-DD');
    expect(await mistake(['hf'], { date: day }, { HF_ENDPOINT: 'huggingface.co' })).toBe(
      'UserError: HF_ENDPOINT: `huggingface.co` is not an http(s) address; e.g. `https://huggingface.co`',
    );
    expect(await mistake(['arxiv'], {})).toBe(
      'UserError: fetch arxiv: no query; pass one, e.g. `--query "cat:cs.LG"`, or list them under `fetch.arxiv.queries` in the config file',
    );
    expect(await mistake(['arxiv'], { query: 'x', max: 'lots' })).toBe(
      'UserError: --max: `lots` is not a number of entries; a whole number from 1, e.g. `--max 200`',
    );
    expect(await mistake(['arxiv'], { query: 'x', 'arxiv-endpoint': 'ftp://example.org' })).toBe(
      'UserError: --arxiv-endpoint: `ftp://example.org` is not an http(s) address; e.g. `https://export.arxiv.org/api/query`',
    );
  });
});
