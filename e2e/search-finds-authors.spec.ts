/**
 * Search finds an author's page by name, on an archive built from the real arXiv data
 * (e2e/support/author-archive.ts), served and, built portable, from disk: the author's whole
 * name, their surname alone or their name without its accents shows them in the search page's
 * Authors group with their number of papers, and the link opens their page. Author pages are no
 * paper results: every result is a paper, and the filter counts count papers alone. What each
 * search should show is computed from the entries built.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { watchProblems } from './support/page-problems.ts';
import { nameWords, type AuthorEntry } from '../src/build/search/author-shards.ts';
import { rankAuthors } from '../src/scripts/search/rank-authors.ts';
import {
  expect,
  namesWithPages,
  PAGED_AUTHOR,
  papersBy,
  PROLIFIC_AUTHOR,
  test as authorTest,
  type ArxivEntry,
} from './support/author-archive.ts';

const ROOT = join(import.meta.dirname, '..');

/** Authors the group shows before "Show more authors". */
const FIRST_AUTHORS = 5;

/** The same archive as `authorArchive`, built portable: its root's `file:` URL, ending in `/`. */
const test = authorTest.extend<{}, { portable: string }>({
  portable: [
    async ({ authorArchive }, use) => {
      const work = mkdtempSync(join(tmpdir(), 'papershelf-authors-portable-'));
      const source = join(work, 'authors-slice.jsonl');
      writeFileSync(source, authorArchive.entries.map((entry) => `${JSON.stringify(entry)}\n`).join(''));
      execFileSync(process.execPath, [join(ROOT, 'bin', 'papershelf.js'), 'build', source, '--portable', '--out', join(work, 'site')], {
        cwd: ROOT,
        stdio: 'pipe',
      });
      try {
        await use(`${pathToFileURL(join(work, 'site')).href}/`);
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    },
    { scope: 'worker', timeout: 180_000 },
  ],
});

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** The authors a query should find, best first, as names with their numbers of papers. */
function expectedAuthors(entries: readonly ArxivEntry[], query: string): { name: string; papers: number }[] {
  const authors = [...namesWithPages(entries)].map(([name, papers]): AuthorEntry => [name, name, papers]);
  return rankAuthors(query, authors).map(({ name, papers }) => ({ name, papers }));
}

/** Types `query` into the search box, as a reader would, and waits until its results are drawn. */
async function typeQuery(page: Page, query: string): Promise<void> {
  await page.getByLabel('Search titles, authors and abstracts').fill(query);
  await expect(page.locator('[data-search-status]')).toContainText(`found for “${query}”`);
}

/** The authors the group shows: name, papers, and where the link goes. */
async function shownAuthors(page: Page): Promise<{ name: string; papers: number; href: string }[]> {
  return page.locator('[data-search-author-list] li').evaluateAll((items) =>
    items.map((item) => ({
      name: item.querySelector('a')!.textContent!,
      papers: Number.parseInt(item.querySelector('.count')!.textContent!.replace(/,/g, ''), 10),
      href: item.querySelector('a')!.getAttribute('href')!,
    })),
  );
}

test('an author’s name typed shows them among the authors with their papers, and the link opens their page', async ({
  page,
  authorArchive: { site, entries },
}) => {
  const problems = watchProblems(page);
  await page.goto(`${site}search/`);
  await typeQuery(page, PROLIFIC_AUTHOR);
  const expected = expectedAuthors(entries, PROLIFIC_AUTHOR);
  const group = page.locator('[data-search-authors]');
  await expect(group.getByRole('heading', { level: 2 })).toHaveText('Authors');
  const shown = await shownAuthors(page);
  expect(shown.map(({ name, papers }) => ({ name, papers }))).toEqual(expected.slice(0, FIRST_AUTHORS));
  expect(shown[0]).toEqual({ name: PROLIFIC_AUTHOR, papers: papersBy(entries, PROLIFIC_AUTHOR).length, href: '/authors/yang-liu/' });
  // The live status line tells the authors' count with the papers'.
  await expect(page.locator('[data-search-status]')).toContainText(`, and ${plural(expected.length, 'author', 'authors')}`);

  await group.getByRole('link', { name: PROLIFIC_AUTHOR, exact: true }).click();
  await expect(page).toHaveURL(`${site}authors/yang-liu/`);
  await expect(page.locator('h1')).toHaveText(PROLIFIC_AUTHOR);
  expect(problems).toEqual([]);
});

test('a surname alone, or a name typed without its accents, finds the author too', async ({ page, authorArchive: { site, entries } }) => {
  await page.goto(`${site}search/`);
  await typeQuery(page, 'liu');
  const liu = expectedAuthors(entries, 'liu');
  expect(liu.length).toBeGreaterThan(FIRST_AUTHORS);
  expect(liu[0]?.name).toBe(PROLIFIC_AUTHOR);
  expect((await shownAuthors(page)).map((author) => author.name)).toEqual(liu.slice(0, FIRST_AUTHORS).map((author) => author.name));
  await expect(page.locator('[data-search-status]')).toContainText(`, and ${liu.length} authors`);
  // More, on asking; the reader goes on from the first new one.
  await page.getByRole('button', { name: 'Show more authors' }).click();
  await expect(page.locator('[data-search-author-list] li')).toHaveCount(Math.min(liu.length, FIRST_AUTHORS + 20));
  await expect(page.locator('[data-search-author-list] li').nth(FIRST_AUTHORS).locator('a')).toBeFocused();

  const unaccented = 'zoe pagewalker';
  expect(nameWords(unaccented)).toEqual(nameWords(PAGED_AUTHOR));
  await typeQuery(page, unaccented);
  expect(await shownAuthors(page)).toEqual([
    { name: PAGED_AUTHOR, papers: papersBy(entries, PAGED_AUTHOR).length, href: '/authors/zoe-pagewalker/' },
  ]);
});

test('every paper result is a paper, and the filters count papers alone', async ({ page, authorArchive: { site } }) => {
  await page.goto(`${site}search/?q=liu`);
  await expect(page.locator('[data-search-status]')).toContainText('found for “liu”');
  const status = (await page.locator('[data-search-status]').textContent()) ?? '';
  const found = Number(/^(\d+) papers? found/.exec(status)?.[1]);
  expect(found).toBeGreaterThan(10);
  const more = page.getByRole('button', { name: 'Show more results' });
  while (await more.isVisible()) await more.click();
  await expect(page.locator('.result')).toHaveCount(found);
  const links = await page
    .locator('.result-title a')
    .evaluateAll((anchors) => anchors.map((anchor) => new URL((anchor as HTMLAnchorElement).href).pathname));
  expect(links.filter((path) => !/^\/papers\/[^/]+\/$/.test(path))).toEqual([]);
  // Every paper has exactly one year, so the years' counts add up to the papers found: no author among them.
  await page.getByRole('button', { name: /^Filter by/ }).click();
  const years = page.locator('fieldset.filter-group', { has: page.locator('legend', { hasText: 'Year' }) }).locator('.count');
  await expect(years.first()).toBeVisible();
  const counts = (await years.allTextContents()).map(Number);
  expect(counts.reduce((sum, count) => sum + count, 0)).toBe(found);
});

for (const theme of ['light', 'dark'] as const) {
  test(`the search page with authors found passes axe in the ${theme} theme`, async ({ page, authorArchive: { site } }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(`${site}search/?q=${encodeURIComponent('liu')}`);
    await expect(page.locator('[data-search-author-list] li').first()).toBeVisible();
    await expect(page.locator('.result').first()).toBeVisible();
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual(
      [],
    );
  });
}

test('from disk, the portable archive finds the author and opens their page', async ({ page, portable, authorArchive: { entries } }) => {
  const problems = watchProblems(page);
  await page.goto(`${portable}search/index.html`);
  await typeQuery(page, 'zoe pagewalker');
  expect(await shownAuthors(page)).toEqual([
    { name: PAGED_AUTHOR, papers: papersBy(entries, PAGED_AUTHOR).length, href: '../authors/zoe-pagewalker/index.html' },
  ]);
  await page.locator('[data-search-authors]').getByRole('link', { name: PAGED_AUTHOR, exact: true }).click();
  await expect(page).toHaveURL(`${portable}authors/zoe-pagewalker/index.html`);
  await expect(page.locator('h1')).toHaveText(PAGED_AUTHOR);
  expect(problems).toEqual([]);
});
