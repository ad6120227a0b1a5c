/**
 * Two days fetched from (a stand-in for) the Hugging Face daily-papers API, then built: each
 * paper is on the day it was listed — not on its arXiv day, which the API also gives — and its
 * paper page shows its upvotes, its project page and its Hugging Face page.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { serveArchive } from '../src/serve/serve-archive.ts';
import { watchForScriptInjection } from './support/archive.ts';

const root = join(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'papershelf-hf-'));

interface Listed {
  readonly id: string;
  readonly title: string;
  readonly upvotes: number;
  readonly project?: string;
}

const DAYS: Record<string, Listed[]> = {
  '2026-03-18': [
    { id: '2603.11001', title: 'Sparse Attention Without Tears', upvotes: 12, project: 'https://sparse.example.org/' },
    { id: '2603.11002', title: 'Agents That Read The Manual', upvotes: 31 },
  ],
  '2026-03-19': [{ id: '2603.12001', title: 'Tokenizers Revisited At Scale', upvotes: 7, project: 'https://tokens.example.org/demo' }],
};

/** One item as the API answers it: arXiv's `publishedAt` days before the listing. */
const item = (day: string, paper: Listed) => ({
  paper: {
    id: paper.id,
    title: paper.title,
    summary: `We study ${paper.title.toLowerCase()}.`,
    authors: [{ name: 'Grace Hopper' }],
    publishedAt: '2026-03-11T17:00:00.000Z',
    upvotes: paper.upvotes,
    ...(paper.project ? { projectPage: paper.project } : {}),
  },
  publishedAt: '2026-03-11T17:00:00.000Z',
  submittedOnDailyAt: `${day}T09:30:00.000Z`,
  title: paper.title,
  numComments: 2,
});

let api: Server | undefined;
let archive: Server | undefined;
let home: string;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const stand = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const day = url.searchParams.get('date') ?? '';
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify((DAYS[day] ?? []).map((paper) => item(day, paper))));
  });
  api = stand;
  await new Promise<void>((resolve) => stand.listen(0, '127.0.0.1', resolve));
  const env = {
    ...process.env,
    HF_ENDPOINT: `http://127.0.0.1:${(stand.address() as AddressInfo).port}`,
    PAPERSHELF_CONTENT_DIR: join(work, 'content'),
    PAPERSHELF_SITE: '',
    PAPERSHELF_BASE: '',
  };
  // Run without blocking: the stand-in answers from this process.
  const papershelf = (...args: string[]) =>
    promisify(execFile)(process.execPath, [join(root, 'bin', 'papershelf.js'), ...args], { cwd: root, env });
  // The content folder of an archive `papershelf init` started: its taxonomies, no sources yet.
  mkdirSync(join(work, 'content'));
  copyFileSync(join(root, 'content', 'taxonomies.yaml'), join(work, 'content', 'taxonomies.yaml'));
  await papershelf('fetch', 'hf', '--from', '2026-03-18', '--to', '2026-03-19');
  await papershelf('build', '--out', join(work, 'site'));
  const served = await serveArchive(join(work, 'site'), { port: 0 });
  archive = served.server;
  home = served.url;
});

test.afterAll(async () => {
  await Promise.all([api, archive].map((server) => new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)))));
  rmSync(work, { recursive: true, force: true });
});

test('each fetched paper is on the day Hugging Face listed it, with its upvotes and project page', async ({ page }) => {
  const injected = watchForScriptInjection(page);
  await page.goto(`${home}days/2026-03-18/`);
  const first = page.locator('main');
  await expect(first.getByRole('link', { name: 'Sparse Attention Without Tears' })).toBeVisible();
  await expect(first.getByRole('link', { name: 'Agents That Read The Manual' })).toBeVisible();
  await expect(first.getByRole('link', { name: 'Tokenizers Revisited At Scale' })).toHaveCount(0);

  await page.goto(`${home}days/2026-03-19/`);
  await expect(page.locator('main').getByRole('link', { name: 'Tokenizers Revisited At Scale' })).toBeVisible();
  // arXiv's day is no listing day.
  expect((await page.request.get(`${home}days/2026-03-11/`)).status()).toBe(404);

  await page.locator('main').getByRole('link', { name: 'Tokenizers Revisited At Scale' }).click();
  await expect(page).toHaveURL(/\/papers\/2603\.12001\/$/);
  const paper = page.locator('main');
  await expect(paper).toContainText(/7\s+upvotes/i);
  await expect(paper.locator('a[href="https://tokens.example.org/demo"]')).toBeVisible();
  await expect(paper.locator('a[href="https://huggingface.co/papers/2603.12001"]')).toBeVisible();

  await page.goto(`${home}papers/2603.11002/`);
  await expect(page.locator('main')).toContainText(/31\s+upvotes/i);
  await expect(page.locator('main a[href="https://huggingface.co/papers/2603.11002"]')).toBeVisible();
  expect(injected.errors).toEqual([]);
});
