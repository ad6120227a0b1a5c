/**
 * Two archives served side by side on one origin, under `/a/` and `/b/`: reading and saving
 * one never deletes the other's offline copy, and one's offline page neither counts nor
 * removes the other's.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { serveArchive } from '../src/serve/serve-archive.ts';

const ROOT = join(import.meta.dirname, '..');
const SEED = join(ROOT, 'content', 'sources', 'trending-page-2025-03-19.txt');
const work = mkdtempSync(join(tmpdir(), 'papershelf-two-archives-'));
let server: Server;
/** The origin both archives are served from, ending in `/`. */
let origin = '';

/** Builds the seed archive for `base` into the folder the base names, inside the served root. */
function build(base: string): void {
  const out = join(work, 'root', ...base.split('/').filter(Boolean));
  execFileSync(process.execPath, [join(ROOT, 'bin', 'papershelf.js'), 'build', SEED, '--base', base, '--out', out], {
    cwd: ROOT,
    stdio: 'pipe',
  });
}

/** The version the build of the archive at `base` wrote. */
const versionOf = (base: string) =>
  (JSON.parse(readFileSync(join(work, 'root', base, 'offline.json'), 'utf8')) as { version: string }).version;

/** Whether any cache of the origin holds `url`: what the archive's worker can serve offline. */
const kept = (page: Page, url: string) => page.evaluate((key) => caches.match(key).then(Boolean), url);

test.beforeAll(async () => {
  build('/a/');
  build('/b/');
  // The parent folder, served whole: `/a/…` and `/b/…` are each archive's own files.
  ({ server, url: origin } = await serveArchive(join(work, 'root'), { port: 0 }));
});

test.afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(work, { recursive: true, force: true });
});

/** The reader opens archive A, whose worker keeps A's pages; then saves archive B whole. */
async function readAThenSaveB(page: Page): Promise<void> {
  await page.goto(`${origin}a/offline/`);
  await expect(page.locator('[data-offline-status]')).toContainText('Not saved yet');
  await expect.poll(() => kept(page, `${origin}a/`)).toBe(true);
  await page.goto(`${origin}b/offline/`);
  await page.getByRole('button', { name: /Save for offline \(\d+\.\d MB\)/ }).click();
  await expect(page.locator('[data-offline-status]')).toContainText('Saved:', { timeout: 60_000 });
  await page.evaluate(() => navigator.serviceWorker.ready);
}

test('saving one archive leaves the other’s offline copy in place', async ({ page, context }) => {
  await readAThenSaveB(page);
  // B's worker has taken over B, and deleted no cache of A's.
  await page.goto(`${origin}b/papers/titans-learning-to-memorize-at-test-time/`);
  expect(await kept(page, `${origin}a/`)).toBe(true);
  expect((await page.evaluate(() => caches.keys())).sort()).toEqual([
    `papershelf:/a/:${versionOf('a')}`,
    `papershelf:/b/:${versionOf('b')}`,
  ]);
  // Offline, A still opens from its copy.
  await context.setOffline(true);
  await page.goto(`${origin}a/`);
  await expect(page.locator('h1')).toHaveText('19 March 2025');
});

test('one archive’s offline page does not take the other’s copy for an earlier one of its own', async ({ page }) => {
  await readAThenSaveB(page);
  await page.goto(`${origin}a/offline/`);
  await expect(page.locator('[data-offline-status]')).toContainText('Not saved yet');
  await expect(page.getByRole('button', { name: 'Remove saved copy' })).toBeHidden();
});

test('removing one archive’s saved copy leaves the other’s', async ({ page, context }) => {
  await readAThenSaveB(page);
  await page.getByRole('button', { name: 'Remove saved copy' }).click();
  await expect(page.locator('[data-offline-progress-text]')).toHaveText('The saved copy was removed.');
  expect(await page.evaluate(() => caches.keys())).toEqual([`papershelf:/a/:${versionOf('a')}`]);
  await context.setOffline(true);
  await page.goto(`${origin}a/`);
  await expect(page.locator('h1')).toHaveText('19 March 2025');
});
