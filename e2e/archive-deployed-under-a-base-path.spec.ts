/**
 * An archive built for GitHub Pages (`--base /papershelf/ --site https://example.org`) and
 * served under its base, as GitHub Pages serves a project site: a reader goes home → day →
 * paper → term → search and back, and every request the browser makes stays under the base
 * and finds its file.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { serveArchive } from '../src/serve/serve-archive.ts';
import { watchForScriptInjection } from './support/archive.ts';

const root = join(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'papershelf-base-'));
const base = '/papershelf/';
const paper = 'Successor Heads: Recurring, Interpretable Attention Heads In The Wild';
let server: Server;
let home: string;

test.beforeAll(async () => {
  const out = join(work, 'site');
  const source = join(root, 'content', 'sources', 'trending-page-2025-03-19.txt');
  execFileSync(
    process.execPath,
    [join(root, 'bin', 'papershelf.js'), 'build', source, '--out', out, '--base', base, '--site', 'https://example.org'],
    {
      cwd: root,
      stdio: 'pipe',
      env: { ...process.env, PAPERSHELF_SITE: '', PAPERSHELF_BASE: '' },
    },
  );
  const served = await serveArchive(out, { port: 0, base });
  server = served.server;
  home = served.url;
});

test.afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(work, { recursive: true, force: true });
});

test('a reader browses and searches an archive served under /papershelf/, and every request stays under it', async ({ page }) => {
  expect(home).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/papershelf\/$/);
  const origin = new URL(home).origin;
  const local: string[] = [];
  const failed: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(origin)) local.push(request.url());
  });
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => failed.push(`failed ${request.url()}: ${request.failure()?.errorText}`));
  const injected = watchForScriptInjection(page);

  // Home: the latest day, its stylesheet loaded from under the base.
  await page.goto(home);
  await expect(page.locator('h1')).toHaveText('19 March 2025');
  await expect(page.locator('.site-header')).toHaveCSS('display', /flex|grid|block/);

  // The day's own page, from the navigation's list of days.
  await page.locator('.site-nav').getByRole('link', { name: 'All days' }).click();
  await expect(page).toHaveURL(`${home}days/`);
  await page.getByRole('link', { name: /19 Mar/ }).click();
  await expect(page).toHaveURL(`${home}days/2025-03-19/`);

  // A paper, and one of its terms.
  await page.getByRole('link', { name: paper }).click();
  await expect(page).toHaveURL(`${home}papers/successor-heads-recurring-interpretable-attention-heads-in-the-wild/`);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
    'href',
    'https://example.org/papershelf/papers/successor-heads-recurring-interpretable-attention-heads-in-the-wild/',
  );
  const tag = page.locator('a[rel="tag"]').first();
  const term = (await tag.textContent())!.trim();
  await tag.click();
  await expect(page).toHaveURL(new RegExp(`^${home}[a-z-]+/[a-z0-9.-]+/$`));
  await expect(page.locator('h1')).toHaveText(term);

  // Search from the header box: the index and its fragments come from under the base too.
  await page.getByRole('searchbox', { name: 'Search papers' }).fill('successor heads');
  await page.getByRole('searchbox', { name: 'Search papers' }).press('Enter');
  await expect(page).toHaveURL(`${home}search/?q=successor+heads`);
  const result = page.locator('.result-title a').first();
  await expect(result).toHaveText(paper);
  await expect(result).toHaveAttribute('href', /^\/papershelf\/papers\//);
  await result.click();
  await expect(page.locator('h1')).toHaveText(paper);

  // And back, through the browser's history, to the search and to the term.
  await page.goBack();
  await expect(page).toHaveURL(`${home}search/?q=successor+heads`);
  await expect(page.locator('.result-title a').first()).toHaveText(paper);
  await page.goBack();
  await expect(page.locator('h1')).toHaveText(term);
  await page.locator('.brand').click();
  await expect(page).toHaveURL(home);

  expect(failed).toEqual([]);
  expect(local.length).toBeGreaterThan(10);
  expect(local.filter((url) => !url.startsWith(`${origin}${base}`))).toEqual([]);
  expect(injected.errors).toEqual([]);
});
