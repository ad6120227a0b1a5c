/** What went wrong on a page while a test used it, for the test to expect none of. */
import type { Page } from '@playwright/test';

/** Collects errors logged or thrown on `page`, and requests that failed, from now on. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
  return problems;
}
