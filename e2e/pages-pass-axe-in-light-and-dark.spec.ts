/**
 * Every kind of page passes axe's WCAG 2.2 A and AA rules, in the light and in the dark
 * theme. A new kind of page needs one line in PAGES, or in AUTHOR_PAGES when the seed archive
 * has none (it names no author twice).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/author-archive.ts';

/** A page to check: its address under the archive, and what to wait for before checking. */
interface PageToCheck {
  readonly name: string;
  readonly path: string;
  readonly ready?: (page: Page) => Promise<void>;
}

const PAGES: readonly PageToCheck[] = [
  { name: 'the home page', path: '' },
  { name: 'a day', path: 'days/2025-03-19/' },
  { name: 'the list of days', path: 'days/' },
  { name: 'a week', path: 'weeks/2025-W12/' },
  { name: 'the list of weeks', path: 'weeks/' },
  { name: 'a month', path: 'months/2025-03/' },
  { name: 'the list of months', path: 'months/' },
  { name: 'a paper', path: 'papers/successor-heads-recurring-interpretable-attention-heads-in-the-wild/' },
  { name: 'a taxonomy', path: 'topics/' },
  { name: 'a term', path: 'topics/attention/' },
  {
    name: 'search with results',
    path: 'search/?q=attention',
    ready: async (page) => {
      await expect(page.locator('[data-search-status]')).toContainText('found');
      await expect(page.locator('.result').first()).toBeVisible();
    },
  },
  { name: 'a page not found', path: 'papers/no-such-paper/' },
  { name: 'reading offline', path: 'offline/' },
];

/** Pages of authors, on the archive of real papers in e2e/support/author-archive.ts. */
const AUTHOR_PAGES: readonly PageToCheck[] = [
  { name: 'the authors index', path: 'authors/' },
  { name: 'the authors under a letter', path: 'authors/letters/y/' },
  { name: 'an author', path: 'authors/yang-liu/' },
  { name: 'an author’s archive page', path: 'authors/zoe-pagewalker/1/' },
];

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Opens `url` in `theme`, waits for it, and expects axe to find nothing; returns the page's HTTP status. */
async function expectNoViolations(
  page: Page,
  theme: 'light' | 'dark',
  url: string,
  ready?: (page: Page) => Promise<void>,
): Promise<number | undefined> {
  await page.emulateMedia({ colorScheme: theme });
  const response = await page.goto(url);
  await ready?.(page);
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  // One line per failing element, so a failure says what to fix and where.
  const problems = violations.flatMap((violation) =>
    violation.nodes.map(
      (node) => `${violation.id}: ${node.target.join(' ')} — ${node.failureSummary?.split('\n')[1]?.trim() ?? violation.help}`,
    ),
  );
  expect(problems).toEqual([]);
  return response?.status();
}

for (const theme of ['light', 'dark'] as const) {
  for (const { name, path, ready } of PAGES) {
    test(`${name} passes axe in the ${theme} theme`, async ({ page }) => {
      await expectNoViolations(page, theme, path, ready);
    });
  }
  for (const { name, path, ready } of AUTHOR_PAGES) {
    test(`${name} passes axe in the ${theme} theme`, async ({ page, authorArchive }) => {
      // A missing page would pass as the page not found: these must exist.
      expect(await expectNoViolations(page, theme, `${authorArchive.site}${path}`, ready)).toBe(200);
    });
  }
}
