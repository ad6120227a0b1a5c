/**
 * Entries made of markup, MDX, YAML and Markdown syntax (sections A–C of the bad-input
 * catalogue) are built into an archive with the real command line and read in Chromium:
 * every title and abstract must show exactly as written, and nothing may run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { parseBibtex } from '../src/ingest/parse/parse-bibtex.ts';
import { READER_SCRIPT } from '../src/scripts/reader/reader-script.ts';
import { buildAndServe, watchForScriptInjection, type ServedArchive } from './support/archive.ts';

const fixture = join(import.meta.dirname, 'fixtures', 'hostile.jsonl');
const entries = readFileSync(fixture, 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as { title: string; abstract: string; authors: string[]; tags: string[]; date: string });

let archive: ServedArchive;
let site: string;

test.beforeAll(async () => {
  archive = await buildAndServe('papershelf-hostile-', [fixture]);
  site = archive.site;
});

test.afterAll(() => archive.close());

/** An element's text without its rendered formulas (KaTeX's `.katex`): the entry's text as written, TeX included. */
const textAsWritten = (page: Page, selector: string) =>
  page.locator(selector).evaluate((element) => {
    const copy = element.cloneNode(true) as Element;
    for (const rendered of copy.querySelectorAll('.katex')) rendered.remove();
    return copy.textContent;
  });

test('every hostile title and abstract shows as literal text and runs nothing', async ({ page }) => {
  const injected = watchForScriptInjection(page);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  for (const entry of entries) {
    const title = entry.title.replace(/\s+/g, ' ').trim();
    await page.goto(`${site}days/${entry.date}/`);
    // B8 holds TeX, which is rendered (and its MathML names the link): found by the text around it.
    const withTex = title.includes('$');
    await (
      withTex
        ? page.locator('.paper-list a', { hasText: title.split('$')[0]! })
        : page.locator('.paper-list').getByRole('link', { name: title, exact: true })
    ).click();
    if (withTex) await expect(page.locator('h1 .katex')).toHaveCount(2);
    expect((await textAsWritten(page, 'h1'))?.replace(/\s+/g, ' ').trim()).toBe(title);
    expect(await textAsWritten(page, '.abstract-text'), title).toBe(entry.abstract);
    expect(await page.title()).toBe(`${title} · Papershelf`);
    await expect(page.locator('.byline bdi').first()).toHaveText(entry.authors[0]!);
    // Nothing from the entry became an element, an event handler or a script link.
    // Formulas are KaTeX's markup inside `.math` (checked by the build's markup guard); nothing else.
    expect(
      await page.locator('main script, main iframe, main img, main svg:not(.math svg), main math:not(.math math), main style').count(),
    ).toBe(0);
    expect(await page.locator('[onerror], [onload], [onclick]').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:" i], a[href^="data:" i]').count()).toBe(0);
    expect(await page.locator('meta[name="citation_title"]').getAttribute('content')).toBe(title);
  }
  expect(injected.errors).toEqual([]);
  expect(requests.filter((url) => !url.startsWith(site))).toEqual([]);
});

test('hostile titles are found by search and shown as text in the results', async ({ page }) => {
  const injected = watchForScriptInjection(page);
  const queries = { A5: 'abstract', A14: 'textarea', B17: 'dashes', C1: 'subtitle' };
  for (const [code, query] of Object.entries(queries)) {
    const entry = entries.find((item) => item.title.startsWith(`${code}:`))!;
    await page.goto(`${site}search/?q=${query}`);
    await expect(page.locator('.result-title a', { hasText: entry.title })).toHaveCount(1);
  }
  expect(await page.locator('.result script, .result img').count()).toBe(0);
  // K4: escaped entities in an abstract stay escaped in the excerpt, exactly one level.
  await page.goto(`${site}search/?q=${encodeURIComponent('entities stay')}`);
  await expect(page.locator('.result-excerpt').first()).toContainText('&lt;b&gt;bold&lt;/b&gt; &amp;amp;');
  expect(injected.errors).toEqual([]);
});

test('a hostile venue and publisher show as text on the page and in the citation tags', async ({ page }) => {
  const injected = watchForScriptInjection(page);
  const entry = entries.find((item) => item.title.startsWith('D1:'))! as (typeof entries)[number] & { venue: string; publisher: string };
  await page.goto(`${site}days/${entry.date}/`);
  await page.locator('.paper-list').getByRole('link', { name: entry.title, exact: true }).click();
  await expect(page.locator('.publication')).toHaveText(`${entry.venue}, vol. <i>1</i>, no. 2, pp. 1–9, ${entry.publisher}`);
  expect(await page.locator('meta[name="citation_conference_title"]').getAttribute('content')).toBe(entry.venue);
  expect(await page.locator('meta[name="citation_publisher"]').getAttribute('content')).toBe(entry.publisher);
  await expect(page.getByRole('link', { name: 'Project page' })).toHaveAttribute('href', 'https://example.org/project?a=1&b=2');
  await expect(page.getByRole('link', { name: 'Hugging Face' })).toHaveAttribute('href', 'https://huggingface.co/papers/2501.00663');
  await expect(page.locator('.upvotes')).toHaveText('3 upvotes');
  await expect(page.locator('.cite-bibtex')).toContainText('@inproceedings{d1:hostile,');
  expect(await page.locator('main script, main img, main i, [onerror]').count()).toBe(0);
  expect(injected.errors).toEqual([]);
});

test('the paper pages carry no script but the reader script and their JSON-LD data', async ({ page }) => {
  await page.goto(site);
  await page.locator('.paper-list a').first().click();
  const scripts = page.locator('script:not([type="application/ld+json"])');
  expect(await scripts.count()).toBe(1);
  expect(await scripts.evaluate((script) => [script.attributes.length, script.textContent])).toEqual([0, READER_SCRIPT]);
  const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!) as { headline: string };
  expect(data.headline).toBe((await page.locator('h1').textContent())!.trim());
});

test('hostile papers are cited as written: each day’s BibTeX reads back as its titles and authors', async ({ page, request }) => {
  for (const date of [...new Set(entries.map((entry) => entry.date))].sort()) {
    await page.goto(`${site}days/${date}/`);
    const href = await page.locator('.listing-bibtex a[href$="papers.bib"]').getAttribute('href');
    const bibtex = await (await request.get(new URL(href!, page.url()).href)).text();
    const { entries: read, problems } = parseBibtex(bibtex, `${date}.bib`, { date });
    expect(problems).toEqual([]);
    // The titles as written: a rendered formula counts as its TeX source.
    const titles = await page.locator('.paper-item-title a').evaluateAll((links) =>
      links.map((link) => {
        const copy = link.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.math').forEach((math) => math.replaceWith(math.querySelector('.math-tex')?.textContent ?? ''));
        return (copy.textContent ?? '').trim();
      }),
    );
    expect(read.map((entry) => entry.fields['title'])).toEqual(titles);
    for (const entry of read) {
      const source = entries.find((item) => item.title.replace(/\s+/g, ' ').trim() === entry.fields['title'])!;
      expect(entry.fields['authors']).toEqual(source.authors);
    }
  }
});
