/** A page object for the archive: the few moves every spec makes, named as a reader would. */
import { expect, type Page } from '@playwright/test';

/** Opens the search page with a query (and filters) in the address, as a shared link would. */
export async function openSearch(page: Page, params: Record<string, string | string[]>): Promise<void> {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) for (const item of [value].flat()) query.append(name, item);
  await page.goto(`search/?${query}`);
  await expect(page.locator('[data-search-status]')).toContainText('found');
}

/** The titles of the search results shown, in order. */
export async function resultTitles(page: Page): Promise<string[]> {
  return page.locator('.result-title a').allTextContents();
}

/** Fails the test when the page raises an error or a dialog (an injected `alert` would). */
export function watchForScriptInjection(page: Page): { errors: string[] } {
  const seen = { errors: [] as string[] };
  page.on('pageerror', (error) => seen.errors.push(`pageerror: ${error.message}`));
  page.on('dialog', async (dialog) => {
    seen.errors.push(`dialog: ${dialog.message()}`);
    await dialog.dismiss();
  });
  return seen;
}
