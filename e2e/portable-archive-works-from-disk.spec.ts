/**
 * A portable archive (`papershelf build … --portable`) opened straight from disk, with no
 * server: the reader browses home → paper → tag page and searches, in real Chromium, with no
 * console error and no failed request; on 1,000 real papers search gives the hosted build's
 * results. The archives are built here with the real command line.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { watchProblems } from './support/page-problems.ts';
import { unzipSync } from 'fflate';
import { listFiles } from '../src/fs/list-files.ts';
import { serveArchive } from '../src/serve/serve-archive.ts';

const root = join(import.meta.dirname, '..');
const seedSource = join(root, 'content', 'sources', 'trending-page-2025-03-19.txt');
const arxiv = join(root, '..', 'shared', 'data', 'arxiv-2026q1.jsonl');
const SUCCESSOR = 'Successor Heads: Recurring, Interpretable Attention Heads In The Wild';

let work: string;
let server: Server;
let hosted: string;
/** The portable archives' root URLs, ending in `/`. */
let seed: string;
let slice: string;
let sliceTitles: string[];

const build = (...args: string[]) =>
  execFileSync(process.execPath, [join(root, 'bin', 'papershelf.js'), 'build', ...args], { cwd: root, stdio: 'pipe' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  work = mkdtempSync(join(tmpdir(), 'papershelf-portable-'));
  build(seedSource, '--portable', '--out', join(work, 'seed'), '--zip', join(work, 'seed.zip'));
  const lines = readFileSync(arxiv, 'utf8').split('\n').slice(0, 1000);
  sliceTitles = lines.map((line) => (JSON.parse(line) as { title: string }).title);
  writeFileSync(join(work, 'slice.jsonl'), `${lines.join('\n')}\n`);
  build(join(work, 'slice.jsonl'), '--out', join(work, 'hosted-1k'));
  build(join(work, 'slice.jsonl'), '--portable', '--out', join(work, 'portable-1k'));
  ({ server, url: hosted } = await serveArchive(join(work, 'hosted-1k'), { port: 0 }));
  seed = pathToFileURL(join(work, 'seed')).href + '/';
  slice = pathToFileURL(join(work, 'portable-1k')).href + '/';
});

test.afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  rmSync(work, { recursive: true, force: true });
});

/** Collects everything that went wrong on the page: errors logged or thrown, requests that failed or left the disk. */
function watch(page: Page): string[] {
  const problems = watchProblems(page);
  page.on('request', (request) => {
    if (!request.url().startsWith('file:') && !request.url().startsWith(hosted)) problems.push(`left the disk: ${request.url()}`);
  });
  return problems;
}

/** Waits until the results the status line announces are drawn (the status is written first, the list a moment later). */
async function settled(page: Page): Promise<void> {
  await expect(page.locator('[data-search-status]')).toContainText('found');
  const found = Number(/(\d+) papers? found/.exec((await page.locator('[data-search-status]').textContent()) ?? '')?.[1] ?? 0);
  await expect(page.locator('.result')).toHaveCount(Math.min(found, 8));
}

/** Opens a search address and waits for its results. */
async function search(page: Page, address: string): Promise<void> {
  await page.goto(address);
  await settled(page);
}

/** The result links shown, as paths from the archive root, so hosted and portable results compare. */
async function resultPaths(page: Page, archive: string): Promise<string[]> {
  const links = await page.locator('.result-title a').evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
  return links.map((link) => link.replace(archive, '/').replace(/index\.html$/, ''));
}

test('the seed archive works from disk: home, paper, tag page, and search', async ({ page }) => {
  const problems = watch(page);
  await page.goto(`${seed}index.html`);
  await expect(page.locator('h1')).toHaveText('19 March 2025');
  await expect(page.locator('.paper-item')).toHaveCount(30);
  // Every internal link is relative and names a file (a page, the day's BibTeX or RIS, the
  // archive's download); no page keeps a module script.
  const hrefs = await page.locator('a[href]').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''));
  expect(
    hrefs.filter((href) => !/^(https?:|#)/.test(href) && (href.startsWith('/') || !/\.(?:html|bib|ris|jsonl\.gz)(?:[?#]|$)/.test(href))),
  ).toEqual([]);
  const download = page.getByRole('link', { name: 'Download the archive' }).first();
  expect(existsSync(fileURLToPath(await download.evaluate((element) => (element as HTMLAnchorElement).href)))).toBe(true);
  for (const anchor of await page.locator('.listing-bibtex a').all()) {
    const file = await anchor.evaluate((element) => (element as HTMLAnchorElement).href);
    expect(existsSync(fileURLToPath(file)), file).toBe(true);
  }
  expect(await page.locator('script[type="module"]').count()).toBe(0);

  await page.getByRole('link', { name: SUCCESSOR }).first().click();
  await expect(page).toHaveURL(/\/papers\/successor-heads-recurring-interpretable-attention-heads-in-the-wild\/index\.html$/);
  await expect(page.locator('h1')).toHaveText(SUCCESSOR);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /^http:\/\/localhost:4321\/papers\/successor-heads/);
  // The inline reader script runs from disk too: the theme choice survives a reload, `?` lists the keys.
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard keys' })).toBeVisible();
  await page.keyboard.press('Escape');

  const tag = page.locator('a[rel="tag"]').first();
  const tagName = (await tag.textContent())!.trim();
  await tag.click();
  await expect(page).toHaveURL(/\/index\.html$/);
  await expect(page.locator('h1')).toHaveText(tagName);
  await expect(page.getByRole('link', { name: SUCCESSOR })).toBeVisible();

  // The header's search box: a GET form to ../search/index.html.
  await page.getByRole('searchbox', { name: 'Search papers' }).fill('successor heads');
  await page.getByRole('searchbox', { name: 'Search papers' }).press('Enter');
  await expect(page).toHaveURL(/\/search\/index\.html\?q=successor\+heads$/);
  await expect(page.locator('.result-title a').first()).toHaveText(SUCCESSOR);

  // A shared search address, and its first result.
  await search(page, `${seed}search/index.html?q=successor%20heads`);
  await expect(page.locator('.result-title a').first()).toHaveText(SUCCESSOR);
  // The search runs from classic scripts alone.
  expect(await page.locator('script[type="module"]').count()).toBe(0);
  await page.locator('.result-title a').first().click();
  await expect(page).toHaveURL(/\/papers\/successor-heads-recurring-interpretable-attention-heads-in-the-wild\/index\.html$/);
  await expect(page.locator('h1')).toHaveText(SUCCESSOR);
  expect(problems).toEqual([]);
});

test('--zip writes the portable folder as a zip, file for file', async () => {
  const entries = unzipSync(readFileSync(join(work, 'seed.zip')));
  const files = await listFiles(join(work, 'seed'));
  expect(Object.keys(entries).sort()).toEqual(files.map((file) => `seed/${file}`));
  for (const file of files) expect(Buffer.from(entries[`seed/${file}`]!), file).toEqual(readFileSync(join(work, 'seed', file)));
});

test('on 1,000 papers a title finds its paper first, from disk', async ({ page }) => {
  const problems = watch(page);
  for (const index of [0, 137, 500, 999]) {
    const title = sliceTitles[index]!;
    const words = title
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean)
      .slice(0, 8)
      .join(' ');
    await search(page, `${slice}search/index.html?q=${encodeURIComponent(words)}`);
    await expect(page.locator('.result-title a').first(), words).toHaveText(title.replace(/\s+/g, ' ').trim());
  }
  // The first result leads to its page.
  await page.locator('.result-title a').first().click();
  await expect(page).toHaveURL(/\/papers\/[^/]+\/index\.html$/);
  await expect(page.locator('h1')).toHaveText(sliceTitles[999]!.replace(/\s+/g, ' ').trim());
  expect(problems).toEqual([]);
});

test('on 1,000 papers the portable archive gives the hosted results, filters included', async ({ page }) => {
  const problems = watch(page);
  const queries = ['language models', 'diffusion', 'reinforcement learning', 'graph neural network', 'benchmark'];
  for (const query of queries) {
    const params = `?q=${encodeURIComponent(query)}`;
    await search(page, `${hosted}search/${params}`);
    const hostedStatus = await page.locator('[data-search-status]').textContent();
    const hostedTop = await resultPaths(page, hosted);
    await search(page, `${slice}search/index.html${params}`);
    await expect(page.locator('[data-search-status]')).toHaveText(hostedStatus!);
    expect(await resultPaths(page, slice), query).toEqual(hostedTop);
    expect(hostedTop.length, query).toBeGreaterThan(0);
  }

  // A filter narrows the results from disk as it does on the server, and lands in the address.
  await search(page, `${slice}search/index.html?q=${encodeURIComponent('language models')}`);
  const before = await page.locator('[data-search-status]').textContent();
  await page.getByRole('button', { name: /^Filter by topics/ }).click();
  const topics = page.locator('fieldset.filter-group', { has: page.locator('legend', { hasText: 'Topics' }) });
  const option = topics.locator('.filter-option').nth(1);
  const value = (await option.locator('label').textContent())!;
  await option.locator('input').check();
  await expect(page).toHaveURL(new RegExp(`[?&]topics=${encodeURIComponent(value).replace(/%20/g, '\\+')}`));
  await expect(page.locator('[data-search-status]')).not.toHaveText(before!);
  await settled(page);
  const filteredStatus = await page.locator('[data-search-status]').textContent();
  const filteredTop = await resultPaths(page, slice);
  const address = new URL(page.url());
  await search(page, `${hosted}search/${address.search}`);
  await expect(page.locator('[data-search-status]')).toHaveText(filteredStatus!);
  expect(await resultPaths(page, hosted)).toEqual(filteredTop);
  expect(problems).toEqual([]);
});
