/**
 * An address the archive does not have answers 404 with a page that says so, offers search
 * filled in with the words of the address, and links to the latest day and to all days.
 */
import { expect, test } from '@playwright/test';

test('a mistyped paper link answers 404 and searches for its words', async ({ page }) => {
  const response = await page.goto('papers/attention-entropy-maximization/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  const box = page.getByRole('searchbox', { name: 'Search the archive' });
  await expect(box).toHaveValue('attention entropy maximization');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=attention\+entropy\+maximization$/);
  await expect(page.locator('[data-search-status]')).toContainText('found');
  await expect(page.locator('.result-title a').first()).toHaveText(/Attention Entropy Maximization/);
});

test('the 404 page leads to the latest day and to all days', async ({ page }) => {
  await page.goto('no/such/page/');
  await page.getByRole('navigation', { name: 'Ways into the archive' }).getByRole('link', { name: 'The latest day’s papers' }).click();
  await expect(page.locator('h1')).toHaveText('19 March 2025');
  await page.goto('no/such/page/');
  await page.getByRole('navigation', { name: 'Ways into the archive' }).getByRole('link', { name: 'All days' }).click();
  await expect(page).toHaveURL(/\/days\/$/);
});
