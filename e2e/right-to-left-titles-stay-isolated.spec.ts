/**
 * Titles and authors in Arabic and Hebrew read right to left wherever they appear inline —
 * listings, the paper page, related papers, the pager, search results — without turning the
 * page around them. The archive is built here from e2e/fixtures/right-to-left.jsonl.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator } from '@playwright/test';
import { buildAndServe, type ServedArchive } from './support/archive.ts';

const fixture = join(import.meta.dirname, 'fixtures', 'right-to-left.jsonl');
const [arabic, hebrew, english] = readFileSync(fixture, 'utf8')
  .trim()
  .split('\n')
  .map((line) => (JSON.parse(line) as { title: string }).title) as [string, string, string];

let archive: ServedArchive;
let site: string;

test.beforeAll(async () => {
  archive = await buildAndServe('papershelf-rtl-', [fixture]);
  site = archive.site;
});

test.afterAll(() => archive.close());

/** The direction the browser resolved for an element (`dir="auto"` follows its first strong letter). */
const direction = (element: Locator) => element.evaluate((node) => (node.matches(':dir(rtl)') ? 'rtl' : 'ltr'));

test('listings, paper pages, related papers and the pager isolate each title', async ({ page }) => {
  await page.goto(`${site}days/2025-04-01/`);
  const list = page.locator('.paper-list');
  expect(await direction(list.getByRole('link', { name: arabic }))).toBe('rtl');
  expect(await direction(list.getByRole('link', { name: hebrew }))).toBe('rtl');
  expect(await direction(list.getByRole('link', { name: english }))).toBe('ltr');
  // The list around them, and the authors' names, keep their own direction.
  expect(await direction(list.locator('li').first())).toBe('ltr');
  expect(await direction(list.locator('bdi', { hasText: 'محمد علي' }).first())).toBe('rtl');

  await list.getByRole('link', { name: hebrew }).click();
  expect(await direction(page.locator('h1'))).toBe('rtl');
  expect(await direction(page.locator('.eyebrow'))).toBe('ltr');
  const related = page.getByRole('region', { name: 'Related papers' });
  expect(await direction(related.getByRole('link', { name: arabic }))).toBe('rtl');
  expect(await direction(related.getByRole('link', { name: english }))).toBe('ltr');
  const pager = page.getByRole('navigation', { name: 'Papers of this day' });
  await expect(pager.locator('.pager-label')).not.toHaveCount(0);
  for (const label of await pager.locator('.pager-label').all()) {
    expect(await direction(label)).toBe((await label.textContent()) === english ? 'ltr' : 'rtl');
  }
  expect(await direction(pager.locator('.pager-direction').first())).toBe('ltr');
});

test('search results isolate titles and excerpts', async ({ page }) => {
  await page.goto(`${site}search/?q=deep`);
  await expect(page.locator('.result')).toHaveCount(3);
  const results = page.locator('.result-list');
  expect(await direction(results.getByRole('link', { name: arabic }))).toBe('rtl');
  expect(await direction(results.getByRole('link', { name: hebrew }))).toBe('rtl');
  expect(await direction(results.getByRole('link', { name: english }))).toBe('ltr');
  expect(await direction(page.locator('.result', { hasText: arabic }).locator('.result-excerpt'))).toBe('rtl');
  expect(await direction(page.locator('.result', { hasText: english }).locator('.result-excerpt'))).toBe('ltr');
  expect(await direction(page.locator('.result-meta').first())).toBe('ltr');
});
