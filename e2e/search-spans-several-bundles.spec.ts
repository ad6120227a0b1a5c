/**
 * An archive whose search index comes in several bundles (1,000 real papers, 300 a bundle:
 * `PAPERSHELF_SEARCH_BUNDLE_SIZE=300`), built with the real command line and searched in
 * Chromium, served and from disk: papers of every bundle are found, filter counts add up over
 * the bundles, and "Newest first" runs across them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { serveArchive } from '../src/serve/serve-archive.ts';

const root = join(import.meta.dirname, '..');
const arxiv = join(root, '..', 'shared', 'data', 'arxiv-2026q1.jsonl');
const BUNDLES = ['pagefind/', 'pagefind-2/', 'pagefind-3/', 'pagefind-4/'];

interface Entry {
  id: string;
  title: string;
  abstract: string;
  date: string;
}

let work: string;
let server: Server;
let hosted: string;
let portable: string;
/** The slice's papers in the order the index is cut: by day, then id (the slug). */
let chronological: Entry[];

test.beforeAll(async () => {
  test.setTimeout(240_000);
  work = mkdtempSync(join(tmpdir(), 'papershelf-bundles-'));
  const lines = readFileSync(arxiv, 'utf8').split('\n').slice(0, 1000);
  chronological = lines.map((line) => JSON.parse(line) as Entry).sort((a, b) => a.date.localeCompare(b.date) || (a.id < b.id ? -1 : 1));
  writeFileSync(join(work, 'slice.jsonl'), `${lines.join('\n')}\n`);
  const build = (...args: string[]) =>
    execFileSync(process.execPath, [join(root, 'bin', 'papershelf.js'), 'build', join(work, 'slice.jsonl'), ...args], {
      cwd: root,
      stdio: 'pipe',
      env: { ...process.env, PAPERSHELF_SEARCH_BUNDLE_SIZE: '300' },
    });
  build('--out', join(work, 'hosted'));
  build('--portable', '--out', join(work, 'portable'));
  ({ server, url: hosted } = await serveArchive(join(work, 'hosted'), { port: 0 }));
  portable = pathToFileURL(join(work, 'portable')).href + '/';
});

test.afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  rmSync(work, { recursive: true, force: true });
});

/** Opens a search address and waits until the results the status line announces are drawn. */
async function search(page: Page, address: string): Promise<number> {
  await page.goto(address);
  await expect(page.locator('[data-search-status]')).toContainText('found');
  const found = Number(
    /([\d,]+) papers? found/.exec((await page.locator('[data-search-status]').textContent()) ?? '')?.[1]?.replace(/,/g, '') ?? 0,
  );
  await expect(page.locator('.result')).toHaveCount(Math.min(found, 8));
  return found;
}

/** Words of a title a reader would type: its first eight. */
const typed = (title: string) =>
  title
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8)
    .join(' ');

/** The counts shown in one filter group. */
async function groupCounts(page: Page, legend: string): Promise<Map<string, number>> {
  const group = page.locator('fieldset.filter-group', { has: page.locator('legend', { hasText: legend }) });
  await expect(group).toBeVisible();
  const rows = await group
    .locator('.filter-option')
    .evaluateAll((options) =>
      options.map(
        (option) => [option.querySelector('label')?.textContent ?? '', Number(option.querySelector('.count')?.textContent ?? 0)] as const,
      ),
    );
  return new Map(rows);
}

test('the index is written as four bundles, the engine in the first only', async ({ page }) => {
  for (const bundle of BUNDLES) expect(existsSync(join(work, 'hosted', bundle, 'pagefind-entry.json')), bundle).toBe(true);
  expect(existsSync(join(work, 'hosted', 'pagefind-5'))).toBe(false);
  expect(existsSync(join(work, 'hosted', 'pagefind-2', 'pagefind.js'))).toBe(false);
  const counts = BUNDLES.map(
    (bundle) =>
      (
        JSON.parse(readFileSync(join(work, 'hosted', bundle, 'pagefind-entry.json'), 'utf8')) as {
          languages: { en: { page_count: number } };
        }
      ).languages.en.page_count,
  );
  expect(counts).toEqual([300, 300, 300, 100]);
  await page.goto(`${hosted}search/`);
  const bundles = JSON.parse((await page.locator('[data-search]').getAttribute('data-bundles'))!) as { folder: string }[];
  expect(bundles.map((bundle) => bundle.folder)).toEqual(BUNDLES);
});

for (const where of ['served', 'from disk'] as const) {
  test(`papers of every bundle are found by their titles, ${where}`, async ({ page }) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    const searchPage = where === 'served' ? `${hosted}search/` : `${portable}search/index.html`;
    // The first and last paper of each bundle.
    for (const index of [0, 299, 300, 599, 600, 899, 900, 999]) {
      const entry = chronological[index]!;
      await search(page, `${searchPage}?q=${encodeURIComponent(typed(entry.title))}`);
      await expect(page.locator('.result-title a').first(), `paper ${index}`).toHaveText(entry.title.replace(/\s+/g, ' ').trim());
    }
    expect(errors).toEqual([]);
  });
}

test('filter counts add up over the bundles, and each count is what the filter finds', async ({ page }) => {
  const found = await search(page, `${hosted}search/?q=${encodeURIComponent('language models')}`);
  expect(found).toBeGreaterThan(10);
  await page.getByRole('button', { name: /^Filter by/ }).click();
  // Every paper has exactly one year, so the year counts add up to the papers found.
  const years = await groupCounts(page, 'Year');
  expect([...years.values()].reduce((sum, count) => sum + count, 0)).toBe(found);
  const categories = await groupCounts(page, 'arXiv categories');
  const [category, count] = [...categories.entries()].find(([, value]) => value > 0 && value < found)!;
  await page
    .locator('.filter-option', { has: page.locator('label', { hasText: new RegExp(`^${category.replace(/\./g, '\\.')}$`) }) })
    .locator('input')
    .check();
  await expect(page.locator('[data-search-status]')).toHaveText(`${count} ${count === 1 ? 'paper' : 'papers'} found for “language models”`);
  // The filter alone, without words, finds the papers of every bundle that carry it.
  const alone = await search(page, `${hosted}search/?categories=${encodeURIComponent(category)}`);
  expect(alone).toBeGreaterThanOrEqual(count);
});

test('newest first and oldest first run across the bundles', async ({ page }) => {
  const query = 'language models';
  const matching = chronological.filter(
    (entry) => /languag/i.test(`${entry.title} ${entry.abstract}`) && /model/i.test(`${entry.title} ${entry.abstract}`),
  );
  const dates = async () =>
    page.locator('.result-meta time').evaluateAll((times) => times.map((time) => time.getAttribute('datetime') ?? ''));
  await search(page, `${hosted}search/?q=${encodeURIComponent(query)}&sort=date%3Adesc`);
  const newest = await dates();
  expect(newest[0]).toBe(matching.at(-1)!.date);
  expect(newest).toEqual(newest.toSorted().toReversed());
  await search(page, `${hosted}search/?q=${encodeURIComponent(query)}&sort=date%3Aasc`);
  const oldest = await dates();
  expect(oldest[0]).toBe(matching[0]!.date);
  expect(oldest).toEqual(oldest.toSorted());
});
