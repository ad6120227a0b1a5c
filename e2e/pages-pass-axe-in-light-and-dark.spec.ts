/**
 * Every kind of page passes axe's WCAG 2.2 A and AA rules, in the light and in the dark
 * theme. A new kind of page needs one line in PAGES.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

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

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

for (const theme of ['light', 'dark'] as const) {
  for (const { name, path, ready } of PAGES) {
    test(`${name} passes axe in the ${theme} theme`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(path);
      await ready?.(page);
      const { violations } = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
      // One line per failing element, so a failure says what to fix and where.
      const problems = violations.flatMap((violation) =>
        violation.nodes.map(
          (node) => `${violation.id}: ${node.target.join(' ')} — ${node.failureSummary?.split('\n')[1]?.trim() ?? violation.help}`,
        ),
      );
      expect(problems).toEqual([]);
    });
  }
}
