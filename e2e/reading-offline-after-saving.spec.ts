/**
 * A reader visits the hosted archive once, saves it for offline reading, loses the network,
 * and can still open a paper they never visited and search — on the seed archive served under
 * a base path, and on a 1,000-paper slice of the real arXiv data.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { serveArchive } from '../src/serve/serve-archive.ts';

const root = join(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'papershelf-offline-'));
const servers: Server[] = [];

/** Builds `sources` into a site for `base` with the real command line and serves it. */
async function buildAndServe(name: string, sources: string[], base: string): Promise<string> {
  const out = join(work, name);
  execFileSync(process.execPath, [join(root, 'bin', 'papershelf.js'), 'build', ...sources, '--out', out], {
    cwd: root,
    stdio: 'pipe',
    env: { ...process.env, PAPERSHELF_BASE: base },
  });
  const served = await serveArchive(out, { port: 0, base });
  servers.push(served.server);
  return served.url;
}

/** Opens the offline page, checks the size is shown before saving, saves, and waits until done. */
async function saveForOffline(page: Page, site: string): Promise<void> {
  await page.goto(`${site}offline/`);
  await expect(page.locator('[data-offline-size]')).toContainText(/is \d+\.\d MB in [\d,]+ files/);
  await expect(page.locator('[data-offline-status]')).toContainText('Not saved yet');
  const button = page.getByRole('button', { name: /Save for offline \(\d+\.\d MB\)/ });
  await button.click();
  await expect(page.locator('[data-offline-status]')).toContainText('Saved:', { timeout: 60_000 });
  await expect(page.locator('[data-offline-progress-text]')).toContainText('Done:');
  await page.evaluate(() => navigator.serviceWorker.ready);
}

let seed: string;
let slice: string;
const sliceLines = readFileSync(join(root, '..', 'shared', 'data', 'arxiv-2026q1.jsonl'), 'utf8')
  .split('\n')
  .slice(0, 1000);

test.beforeAll(async () => {
  seed = await buildAndServe('seed', [join(root, 'content', 'sources', 'trending-page-2025-03-19.txt')], '/shelf/');
  const source = join(work, 'slice-1000.jsonl');
  writeFileSync(source, `${sliceLines.join('\n')}\n`);
  slice = await buildAndServe('slice', [source], '/');
});

test.afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  rmSync(work, { recursive: true, force: true });
});

test('the seed archive under a base path reads and searches offline after saving', async ({ page, context }) => {
  await saveForOffline(page, seed);
  await context.setOffline(true);
  await page.goto(`${seed}papers/titans-learning-to-memorize-at-test-time/`);
  await expect(page.locator('h1')).toHaveText('Titans: Learning to Memorize at Test Time');
  await page.goto(`${seed}search/?q=successor%20heads`);
  await expect(page.locator('.result-title a').first()).toHaveText('Successor Heads: Recurring, Interpretable Attention Heads In The Wild');
  // A tag page, reached by a link, also comes from the saved copy.
  await page.goto(`${seed}topics/`);
  await expect(page.locator('h1')).toHaveText('Topics');
});

test('a 1,000-paper archive reads and searches offline after saving', async ({ page, context }) => {
  await saveForOffline(page, slice);
  await context.setOffline(true);
  // A paper in the second half of the slice, with a plain title to search for.
  const paper = sliceLines
    .slice(500)
    .map((line) => JSON.parse(line) as { id: string; title: string })
    .find((entry) => /^[A-Za-z0-9 ,:-]{30,90}$/.test(entry.title))!;
  await page.goto(`${slice}papers/${paper.id}/`);
  await expect(page.locator('h1')).toHaveText(paper.title);
  await page.goto(`${slice}search/?q=${encodeURIComponent(paper.title)}`);
  await expect(page.locator('.result-title a').first()).toHaveText(paper.title);
});

test('pages read online are kept for offline without saving everything', async ({ page, context }) => {
  await page.goto(`${seed}search/?q=titans`);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.goto(`${seed}days/2025-03-19/`);
  await context.setOffline(true);
  await page.goto(`${seed}days/2025-03-19/`);
  await expect(page.locator('h1')).toHaveText('19 March 2025');
  // A page never read nor saved gets the offline page, which explains what to do.
  await page.goto(`${seed}papers/titans-learning-to-memorize-at-test-time/`);
  await expect(page.locator('h1')).toHaveText('Read offline');
});

test('the home page and a paper read online open offline, with nothing saved', async ({ page, context }) => {
  // Neither page runs a script of its own: the inline reader script registers the worker.
  await page.goto(seed);
  await page.getByRole('link', { name: 'Titans: Learning to Memorize at Test Time' }).first().click();
  await expect(page.locator('h1')).toHaveText('Titans: Learning to Memorize at Test Time');
  // The paper may have opened before the worker was ready; it keeps it when it takes over,
  // which on a loaded machine can take longer than the poll's default five seconds.
  await expect.poll(() => page.evaluate(() => caches.match(location.href).then(Boolean)), { timeout: 15_000 }).toBe(true);
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('h1')).toHaveText('Titans: Learning to Memorize at Test Time');
  await page.goto(seed);
  await expect(page.locator('h1')).toHaveText('19 March 2025');
  await expect(page.getByRole('link', { name: 'Titans: Learning to Memorize at Test Time' }).first()).toBeVisible();
});

test('a paper opened from a shared link is kept for offline, though it loaded before the worker', async ({ page, context }) => {
  const paper = `${seed}papers/successor-heads-recurring-interpretable-attention-heads-in-the-wild/`;
  await page.goto(paper);
  // The page registered the worker; taking over, the worker keeps the page it was registered from.
  await expect.poll(() => page.evaluate(() => caches.match(location.href).then(Boolean))).toBe(true);
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('h1')).toHaveText('Successor Heads: Recurring, Interpretable Attention Heads In The Wild');
});

test('a paper that opened while the worker took over, so not under its control, is kept too', async ({ page, context }) => {
  await page.goto(seed);
  await page.evaluate(() => navigator.serviceWorker.ready);
  // A page loaded around the moment of takeover is left uncontrolled; bypassing the worker for
  // one navigation makes that moment happen every time.
  const paper = await context.newPage();
  const devtools = await context.newCDPSession(paper);
  await devtools.send('Network.enable');
  await devtools.send('Network.setBypassServiceWorker', { bypass: true });
  await paper.goto(`${seed}papers/titans-learning-to-memorize-at-test-time/`);
  expect(await paper.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
  await expect.poll(() => paper.evaluate(() => caches.match(location.href).then(Boolean))).toBe(true);
  await devtools.send('Network.setBypassServiceWorker', { bypass: false });
  await context.setOffline(true);
  await paper.reload();
  await expect(paper.locator('h1')).toHaveText('Titans: Learning to Memorize at Test Time');
});

test('a new build replaces the saved copy of the old one cleanly', async ({ page }) => {
  const sources = [join(root, 'content', 'sources', 'trending-page-2025-03-19.txt')];
  const site = await buildAndServe('updated', sources, '/');
  await saveForOffline(page, site);
  const first = (await (await page.request.get(`${site}offline.json`)).json()) as { version: string };

  // The archive is rebuilt with one more paper, in the same place.
  const extra = join(work, 'extra.jsonl');
  writeFileSync(extra, '{"id": "2601.00042", "title": "A paper added later", "date": "2025-03-20"}\n');
  execFileSync(process.execPath, [join(root, 'bin', 'papershelf.js'), 'build', ...sources, extra, '--out', join(work, 'updated')], {
    cwd: root,
    stdio: 'pipe',
  });
  const second = (await (await page.request.get(`${site}offline.json`)).json()) as { version: string };
  expect(second.version).not.toBe(first.version);

  // The next visit installs the new worker, which deletes the old build's cache.
  await page.goto(`${site}offline/`);
  await expect.poll(() => page.evaluate(() => caches.keys()), { timeout: 20_000 }).toEqual([`papershelf:/:${second.version}`]);
  await page.goto(`${site}offline/`);
  await expect(page.locator('[data-offline-status]')).toContainText('Not saved yet');
  await page.goto(`${site}papers/2601.00042/`);
  await expect(page.locator('h1')).toHaveText('A paper added later');
});
