/**
 * The path of a person who keeps an archive of their own, from the published package: pack it,
 * start an archive with the installed command, install the tarball there, fetch two days from
 * a stand-in for the Hugging Face API, build, and check the links — all with the machine's own
 * Node, which may be older than Astro needs (the package brings its own).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir.ts';

const root = join(import.meta.dirname, '..', '..');
const work = tempDir('papershelf-package-');

/** The environment of a person's shell: the project's own Node is not on the PATH. */
const env: NodeJS.ProcessEnv = {
  ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('PAPERSHELF_') && !name.startsWith('npm_'))),
  PATH: (process.env['PATH'] ?? '')
    .split(delimiter)
    .filter((dir) => !dir.startsWith(root))
    .join(delimiter),
  CI: '1',
};

/** Runs `command` in `cwd`; resolves with its output, rejects with it when it fails. */
function run(command: string, args: readonly string[], cwd: string, extra: NodeJS.ProcessEnv = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...env, ...extra }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(' ')} → ${code}\n${output}`))));
  });
}

/** Two days of the daily-papers API, in the shape it answers with. */
const DAYS: Record<string, { id: string; title: string; upvotes: number }[]> = {
  '2026-03-18': [
    { id: '2603.01001', title: 'Sparse Attention Without Tears', upvotes: 12 },
    { id: '2603.01002', title: 'Agents That Read The Manual', upvotes: 31 },
  ],
  '2026-03-19': [{ id: '2603.02001', title: 'Tokenizers Revisited At Scale', upvotes: 7 }],
};

const item = (day: string, paper: { id: string; title: string; upvotes: number }) => ({
  paper: {
    id: paper.id,
    title: paper.title,
    summary: `We study ${paper.title.toLowerCase()}.`,
    authors: [{ name: 'Ada Lovelace' }, { name: 'Alan Turing' }],
    // arXiv's time, days before the listing: the listing day is the day asked for.
    publishedAt: '2026-03-12T17:59:00.000Z',
    upvotes: paper.upvotes,
    githubRepo: `https://github.com/example/${paper.id}`,
  },
  publishedAt: '2026-03-12T17:59:00.000Z',
  submittedOnDailyAt: `${day}T08:00:00.000Z`,
  title: paper.title,
  numComments: 0,
});

let server: Server;
let endpoint: string;
let tarball: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const day = url.searchParams.get('date') ?? '';
    if (url.pathname !== '/api/daily_papers') return void response.writeHead(404).end();
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify((DAYS[day] ?? []).map((paper) => item(day, paper))));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const packed = execFileSync('npm', ['pack', '--pack-destination', work, '--silent'], { cwd: root, env, encoding: 'utf8' });
  tarball = join(work, packed.trim().split('\n').pop()!);
}, 120_000);

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('an archive of ones own, from the packed package', () => {
  it('packs only what a user needs', () => {
    const listed = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n');
    expect(listed).toContain('package/bin/papershelf.js');
    expect(listed).toContain('package/templates/archive/papershelf.yml');
    expect(
      listed.some((path) => path.startsWith('package/test/') || path.startsWith('package/e2e/') || path.startsWith('package/bench/')),
    ).toBe(false);
    expect(listed.some((path) => path.startsWith('package/content/papers/'))).toBe(false);
  });

  it('inits, installs, fetches two days and builds them with the configured title', async () => {
    const npmFlags = ['--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'];
    // `npx papershelf init`: the command from the installed package.
    const tools = join(work, 'tools');
    mkdirSync(tools);
    writeFileSync(join(tools, 'package.json'), '{ "name": "tools", "private": true }\n');
    await run('npm', ['install', ...npmFlags, tarball], tools);
    await run('npx', ['papershelf', 'init', join(work, 'my-shelf'), '--title', 'Our reading group'], tools);
    const shelf = join(work, 'my-shelf');
    await run('npm', ['install', ...npmFlags, tarball], shelf);

    const fetched = await run('npx', ['papershelf', 'fetch', 'hf', '--from', '2026-03-18', '--to', '2026-03-19'], shelf, {
      HF_ENDPOINT: endpoint,
    });
    expect(fetched).toMatch(/2 days fetched, 3 papers new/);
    expect(readdirSync(join(shelf, 'content', 'sources')).filter((name) => !name.startsWith('.'))).toEqual([
      'hf-daily-papers-2026-03-18.json',
      'hf-daily-papers-2026-03-19.json',
    ]);

    const built = await run('npx', ['papershelf', 'build', '--out', 'dist'], shelf);
    expect(built).toMatch(/3 added/);
    const home = readFileSync(join(shelf, 'dist', 'index.html'), 'utf8');
    expect(home).toMatch(/<title>[^<]*Our reading group<\/title>/);
    expect(home).toContain('<a class="brand" href="/">Our reading group</a>');
    // Each paper on the day it was listed, not on arXiv's day.
    expect(readFileSync(join(shelf, 'dist', 'days', '2026-03-18', 'index.html'), 'utf8')).toContain('Agents That Read The Manual');
    expect(readFileSync(join(shelf, 'dist', 'days', '2026-03-19', 'index.html'), 'utf8')).toContain('Tokenizers Revisited At Scale');
    expect(existsSync(join(shelf, 'dist', 'days', '2026-03-12'))).toBe(false);
    expect(existsSync(join(shelf, 'dist', 'pagefind'))).toBe(true);
    await run('npx', ['papershelf', 'check-links', 'dist'], shelf);
    // The archive's own content, not the package's bundled example.
    expect(readdirSync(join(shelf, 'content', 'papers')).length).toBe(3);
  }, 600_000);
});
