import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';

// Feeds, sitemaps and structured data link to the public origin (PAPERSHELF_SITE), not to the
// test server, so links are followed by their path.
const pathOf = (url: string) => new URL(url).pathname;
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  isArray: (name) => ['entry', 'url', 'sitemap'].includes(name),
});

/** The feeds a page advertises, fetched and parsed. */
async function advertisedFeeds(page: Page, request: APIRequestContext) {
  const atomHref = await page.locator('link[rel="alternate"][type="application/atom+xml"]').getAttribute('href');
  const jsonHref = await page.locator('link[rel="alternate"][type="application/feed+json"]').getAttribute('href');
  const atomResponse = await request.get(atomHref!);
  const jsonResponse = await request.get(jsonHref!);
  expect(atomResponse.status()).toBe(200);
  expect(jsonResponse.status()).toBe(200);
  const atom = xml.parse(await atomResponse.text()).feed as { title: string; entry: { id: string; title: string; updated: string }[] };
  const json = (await jsonResponse.json()) as { version: string; title: string; items: { id: string; url: string; title: string }[] };
  return { atom, json };
}

/** The paper pages a listing links to, in order, by path. */
async function listedPapers(page: Page): Promise<string[]> {
  return (await page.locator('.paper-item-title a').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname))).map(
    String,
  );
}

test('the home page advertises both feeds, and they load and list the latest papers', async ({ page, request }) => {
  await page.goto('');
  const { atom, json } = await advertisedFeeds(page, request);
  expect(atom.title).toBe('Papershelf');
  expect(json.version).toBe('https://jsonfeed.org/version/1.1');
  expect(json.title).toBe('Papershelf');
  // The seed has one day of 30 papers: both feeds list them all, in the home page's order.
  const listed = await listedPapers(page);
  expect(listed).toHaveLength(30);
  expect(atom.entry.map((entry) => pathOf(entry.id))).toEqual(listed);
  expect(json.items.map((item) => pathOf(item.url))).toEqual(listed);
  expect(atom.entry.every((entry) => entry.updated === '2025-03-19T00:00:00Z')).toBe(true);
});

test('a term page advertises a feed that lists exactly that term’s papers', async ({ page, request }) => {
  await page.goto('papers/successor-heads-recurring-interpretable-attention-heads-in-the-wild/');
  await page.locator('a[rel="tag"]').first().click();
  const termName = (await page.locator('h1').textContent())!.trim();
  const { atom, json } = await advertisedFeeds(page, request);
  expect(json.title).toContain(termName);
  const listed = await listedPapers(page);
  expect(listed.length).toBeGreaterThan(0);
  expect(json.items.map((item) => pathOf(item.url))).toEqual(listed);
  expect(atom.entry.map((entry) => pathOf(entry.id))).toEqual(listed);
});

test('robots.txt leads to the sitemap, and the sitemap to every page, all of which exist', async ({ request }) => {
  const robots = await (await request.get('robots.txt')).text();
  const sitemapIndex = /^Sitemap: (\S+)$/m.exec(robots)?.[1];
  expect(sitemapIndex).toMatch(/^https?:\/\/.+\/sitemap\.xml$/);
  const index = xml.parse(await (await request.get(pathOf(sitemapIndex!))).text()).sitemapindex as { sitemap: { loc: string }[] };
  expect(index.sitemap).toHaveLength(1);
  const sitemap = xml.parse(await (await request.get(pathOf(index.sitemap[0]!.loc))).text()).urlset as { url: { loc: string }[] };
  const paths = sitemap.url.map((url) => pathOf(url.loc));
  expect(paths.filter((path) => path.startsWith('/papers/'))).toHaveLength(30);
  expect(paths).toContain('/papers/successor-heads-recurring-interpretable-attention-heads-in-the-wild/');
  for (const path of paths) expect((await request.get(path)).status(), path).toBe(200);
});

test('a paper page describes itself as a ScholarlyArticle that names its title', async ({ page }) => {
  await page.goto('papers/successor-heads-recurring-interpretable-attention-heads-in-the-wild/');
  const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!) as Record<string, unknown>;
  expect(data['@type']).toBe('ScholarlyArticle');
  expect(data['headline']).toBe('Successor Heads: Recurring, Interpretable Attention Heads In The Wild');
  expect(data['headline']).toBe((await page.locator('h1').textContent())!.trim());
  expect(pathOf(String(data['url']))).toBe('/papers/successor-heads-recurring-interpretable-attention-heads-in-the-wild/');
  expect(data['datePublished']).toMatch(/^\d{4}/);
});
