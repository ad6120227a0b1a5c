/** A page object for the archive: the few moves every spec makes, named as a reader would. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { serveArchive } from '../../src/serve/serve-archive.ts';

/** The project's root folder. */
const ROOT = join(import.meta.dirname, '..', '..');

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

/** An archive built by a spec and served on a free port. */
export interface ServedArchive {
  /** Its address, ending in `/`. */
  readonly site: string;
  /** The temporary folder holding it (`site/` inside), for more builds beside it. */
  readonly work: string;
  /** Stops serving and removes the folder. */
  close(): Promise<void>;
}

/** Builds `sources` with the real command line into a new temporary folder, and serves the result. */
export async function buildAndServe(prefix: string, sources: readonly string[]): Promise<ServedArchive> {
  const work = mkdtempSync(join(tmpdir(), prefix));
  execFileSync(process.execPath, [join(ROOT, 'bin', 'papershelf.js'), 'build', ...sources, '--out', join(work, 'site')], {
    cwd: ROOT,
    stdio: 'pipe',
  });
  const { server, url } = await serveArchive(join(work, 'site'), { port: 0 });
  return {
    site: url,
    work,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      rmSync(work, { recursive: true, force: true });
    },
  };
}
