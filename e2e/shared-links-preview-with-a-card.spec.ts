import { expect, test, type Page } from '@playwright/test';

// Meta tags name the public origin (PAPERSHELF_SITE), not the test server: images are loaded by their path.
const pathOf = (url: string) => new URL(url).pathname;

/** The content of every Open Graph / Twitter meta tag of the page, by property or name. */
async function shareMeta(page: Page): Promise<Record<string, string>> {
  return page
    .locator('meta[property^="og:"], meta[name^="twitter:"]')
    .evaluateAll((tags) =>
      Object.fromEntries(tags.map((tag) => [tag.getAttribute('property') ?? tag.getAttribute('name'), tag.getAttribute('content') ?? ''])),
    );
}

/** Loads `path` as an image in the page, as a preview would: its type and the size Chromium decodes. */
async function loadImage(page: Page, path: string) {
  const response = await page.request.get(path);
  expect(response.status(), path).toBe(200);
  const size = await page.evaluate(async (src) => {
    const image = new Image();
    image.src = src;
    await image.decode();
    return { width: image.naturalWidth, height: image.naturalHeight };
  }, path);
  return { type: response.headers()['content-type'], bytes: (await response.body()).length, ...size };
}

test('a paper page names its own card, a PNG of the size it declares, with Open Graph and Twitter meta', async ({ page }) => {
  await page.goto('papers/successor-heads-recurring-interpretable-attention-heads-in-the-wild/');
  const meta = await shareMeta(page);
  const title = (await page.locator('h1').textContent())!.trim();
  expect(meta['og:type']).toBe('article');
  expect(meta['og:site_name']).toBe('Papershelf');
  expect(meta['og:title']).toBe(title);
  expect(pathOf(meta['og:url']!)).toBe('/papers/successor-heads-recurring-interpretable-attention-heads-in-the-wild/');
  expect(meta['og:url']).toBe(await page.locator('link[rel="canonical"]').getAttribute('href'));
  expect(meta['og:description']!.length).toBeGreaterThan(50);
  expect(meta['og:description']!.length).toBeLessThanOrEqual(200);
  expect(meta['og:image']).toMatch(
    /^https?:\/\/[^/]+\/cards\/papers\/successor-heads-recurring-interpretable-attention-heads-in-the-wild\.png$/,
  );
  expect(meta['og:image:alt']).toBe(title);

  expect(meta['twitter:card']).toBe('summary_large_image');
  expect(meta['twitter:title']).toBe(title);
  expect(meta['twitter:description']).toBe(meta['og:description']);
  expect(meta['twitter:image']).toBe(meta['og:image']);

  const image = await loadImage(page, pathOf(meta['og:image']!));
  expect(image.type).toBe('image/png');
  expect([image.width, image.height]).toEqual([Number(meta['og:image:width']), Number(meta['og:image:height'])]);
  // Large-image previews need at least 300 × 157 at about 1.91:1 to 2:1.
  expect(image.width).toBeGreaterThanOrEqual(600);
  expect(image.width / image.height).toBeGreaterThan(1.85);
  expect(image.width / image.height).toBeLessThanOrEqual(2);
});

test('two papers have different cards', async ({ page }) => {
  await page.goto('');
  const links = await page
    .locator('.paper-item-title a')
    .evaluateAll((anchors) => anchors.slice(0, 2).map((anchor) => (anchor as HTMLAnchorElement).pathname));
  const images: string[] = [];
  for (const link of links) {
    await page.goto(link);
    images.push((await shareMeta(page))['og:image']!);
  }
  expect(new Set(images).size).toBe(2);
  const bodies = await Promise.all(images.map(async (url) => (await page.request.get(pathOf(url))).body()));
  expect(bodies[0]!.equals(bodies[1]!)).toBe(false);
});

test('the home page and other pages share the site’s card', async ({ page }) => {
  await page.goto('');
  const home = await shareMeta(page);
  expect(home['og:type']).toBe('website');
  expect(home['twitter:card']).toBe('summary_large_image');
  expect(home['og:title']).toBe((await page.title()).replace(/ · Papershelf$/, ''));
  expect(pathOf(home['og:image']!)).toBe('/cards/site.png');
  const image = await loadImage(page, pathOf(home['og:image']!));
  expect(image.type).toBe('image/png');
  expect([image.width, image.height]).toEqual([Number(home['og:image:width']), Number(home['og:image:height'])]);

  await page.goto('search/');
  expect((await shareMeta(page))['og:image']).toBe(home['og:image']);
});

test('the cards are not among the files saved for reading offline', async ({ request }) => {
  const summary = (await (await request.get('offline.json')).json()) as { lists: string[] };
  const saved = (
    await Promise.all(summary.lists.map(async (list) => (await (await request.get(list)).json()) as [string, number][]))
  ).flat();
  expect(saved.length).toBeGreaterThan(30);
  expect(saved.filter(([url]) => url.includes('/cards/'))).toEqual([]);
});
