import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { openSearch, resultTitles, watchForScriptInjection } from './support/archive.ts';

const dist = join(import.meta.dirname, '..', 'dist');
const seed = readFileSync(join(import.meta.dirname, '..', 'content', 'sources', 'trending-page-2025-03-19.txt'), 'utf8');

test('the build has exactly one page per seed paper and indexes only those', async ({ request }) => {
  const paperPages = readdirSync(join(dist, 'papers')).filter((slug) => existsSync(join(dist, 'papers', slug, 'index.html')));
  expect(paperPages).toHaveLength(30);
  const entry = await (await request.get('pagefind/pagefind-entry.json')).json();
  expect(entry.languages.en.page_count).toBe(30);
  const codeLinks = paperPages.filter((slug) =>
    readFileSync(join(dist, 'papers', slug, 'index.html'), 'utf8').includes('class="code-link"'),
  );
  expect(codeLinks).toHaveLength(7);
});

test('a reader goes from home to a day, a paper, a tag page, and searches', async ({ page }) => {
  const injected = watchForScriptInjection(page);

  // Home: the latest day, all 30 papers.
  await page.goto('');
  await expect(page.locator('h1')).toHaveText('19 March 2025');
  await expect(page.locator('.paper-item')).toHaveCount(30);

  // The day's own page, reached from the navigation's list of all days.
  await page.locator('.site-nav').getByRole('link', { name: 'All days' }).click();
  await expect(page).toHaveURL(/\/days\/$/);
  await page.getByRole('link', { name: /19 Mar/ }).click();
  await expect(page).toHaveURL(/\/days\/2025-03-19\/$/);
  await expect(page.locator('.paper-item')).toHaveCount(30);

  // A paper page: title, abstract as written, code link, tags.
  await page.getByRole('link', { name: 'Successor Heads: Recurring, Interpretable Attention Heads In The Wild' }).click();
  await expect(page.locator('h1')).toHaveText('Successor Heads: Recurring, Interpretable Attention Heads In The Wild');
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
    'href',
    /\/papers\/successor-heads-recurring-interpretable-attention-heads-in-the-wild\/$/,
  );
  await expect(page.locator('meta[name="citation_title"]')).toHaveAttribute(
    'content',
    'Successor Heads: Recurring, Interpretable Attention Heads In The Wild',
  );
  await expect(page.locator('meta[name="citation_publication_date"]')).toHaveAttribute('content', '2025/03/19');
  const tags = page.locator('a[rel="tag"]');
  expect(await tags.count()).toBeGreaterThan(0);

  // Every tag leads to a term page that lists this paper.
  const tagName = (await tags.first().textContent())!.trim();
  await tags.first().click();
  await expect(page.locator('h1')).toHaveText(tagName);
  await expect(page.getByRole('link', { name: 'Successor Heads: Recurring, Interpretable Attention Heads In The Wild' })).toBeVisible();

  // Search from the header box.
  await page.getByRole('searchbox', { name: 'Search papers' }).fill('successor heads');
  await page.getByRole('searchbox', { name: 'Search papers' }).press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=successor\+heads/);
  await expect(page.locator('.result-title a').first()).toHaveText('Successor Heads: Recurring, Interpretable Attention Heads In The Wild');
  expect(injected.errors).toEqual([]);
});

test('a paper page lists related papers, and each link leads to its paper', async ({ page }) => {
  await page.goto('papers/successor-heads-recurring-interpretable-attention-heads-in-the-wild/');
  const links = page.getByRole('region', { name: 'Related papers' }).getByRole('link');
  await expect(links).toHaveCount(5);
  for (const index of [0, 4]) {
    const title = (await links.nth(index).textContent())!.trim();
    await links.nth(index).click();
    await expect(page.locator('h1')).toHaveText(title);
    await page.goBack();
  }
});

test('a deep link to a search lists Successor Heads first', async ({ page }) => {
  await openSearch(page, { q: 'successor heads' });
  expect((await resultTitles(page))[0]).toBe('Successor Heads: Recurring, Interpretable Attention Heads In The Wild');
  await page.locator('.result-title a').first().click();
  await expect(page).toHaveURL(/\/papers\/successor-heads-recurring-interpretable-attention-heads-in-the-wild\/$/);
});

test('a phrase from an abstract finds its paper', async ({ page }) => {
  const cases = [
    [
      'whole slide image classification',
      'AEM: Attention Entropy Maximization for Multiple Instance Learning based Whole Slide Image Classification',
    ],
    ['lightning attention', 'Various Lengths, Constant Speed: Efficient Language Modeling with Lightning Attention'],
    ['hateful memes', 'Deciphering Hate: Identifying Hateful Memes and Their Targets'],
    [
      'automated installation of python projects',
      'Beyond pip install: Evaluating LLM Agents for the Automated Installation of Python Projects',
    ],
  ];
  for (const [query, title] of cases) {
    await openSearch(page, { q: query! });
    expect(await resultTitles(page), query).toContain(title);
    expect((await resultTitles(page)).indexOf(title!), query).toBeLessThan(3);
  }
});

test('a filter narrows the results and lands in the address', async ({ page }) => {
  await openSearch(page, { q: 'attention' });
  const before = await page.locator('.result').count();
  // Filters load when asked for, so a first search does not pay for them.
  await page.getByRole('button', { name: /^Filter by topics, domains/ }).click();
  const topics = page.locator('fieldset.filter-group', { has: page.locator('legend', { hasText: 'Topics' }) });
  const options = topics.locator('.filter-option');
  // The filter data arrives after the click: wait for it rather than count what is there now.
  await expect(options.nth(1)).toBeVisible();
  const label = (await options.nth(1).locator('label').textContent())!;
  const count = Number(await options.nth(1).locator('.count').textContent());
  await topics.getByLabel(label, { exact: true }).check();
  await expect(page).toHaveURL(new RegExp(`topics=${encodeURIComponent(label).replace(/%20/g, '\\+')}`));
  await expect(page.locator('[data-search-status]')).toContainText(`${count} ${count === 1 ? 'paper' : 'papers'} found`);
  expect(count).toBeLessThan(before);
  await expect(page.locator('.result')).toHaveCount(Math.min(count, 8));
  // Every remaining result carries the chosen tag.
  for (const href of await page.locator('.result-title a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))) {
    await page.goto(href!);
    await expect(page.locator('a[rel="tag"]', { hasText: label })).toHaveCount(1);
  }
});

test('every abstract shows exactly the text the page had', async ({ page }) => {
  // The seed's blocks after its five header lines: a title, then its abstract.
  const blocks = seed.split('\n\n').slice(5);
  const papers = Array.from({ length: blocks.length / 2 }, (_, i) => ({ title: blocks[2 * i]!, abstract: blocks[2 * i + 1]! }));
  expect(papers).toHaveLength(30);
  // Odd text the seed carries, which must survive as typed: TeX quotes, a backslash, backticks, Greek.
  for (const fragment of ["``activated tokens\'\'", '1\\%', "`[CLS]\'", "`repository level\'", 'γ']) {
    expect(
      papers.some((paper) => paper.abstract.includes(fragment) || paper.title.includes(fragment)),
      fragment,
    ).toBe(true);
  }
  await page.goto('days/2025-03-19/');
  for (const paper of papers) {
    await page.locator('.paper-list').getByRole('link', { name: paper.title, exact: true }).click();
    await expect(page.locator('h1')).toHaveText(paper.title);
    // As written, but for TeX's escapes (`1\%` reads 1%): the seed has no other text-mode TeX.
    expect(await page.locator('.abstract-text').textContent()).toBe(paper.abstract.replace(/\\([%&_#$])/g, '$1'));
    await page.goBack();
  }
});

test('a first search loads no filter data and no worker, and a link with a filter shows the filters at once', async ({ page }) => {
  const filterFiles: string[] = [];
  const workerScripts: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/pagefind/filter/')) filterFiles.push(request.url());
    if (request.url().endsWith('-worker.js')) workerScripts.push(request.url());
  });
  await openSearch(page, { q: 'attention' });
  await expect(page.locator('.result-title a').first()).toBeVisible();
  expect(filterFiles).toEqual([]);
  // Searches run on the page: Pagefind's worker script is neither fetched nor shipped.
  expect(workerScripts).toEqual([]);
  expect((await page.request.get('/pagefind/pagefind-worker.js')).status()).toBe(404);
  await expect(page.locator('fieldset.filter-group')).toHaveCount(0);

  await openSearch(page, { q: 'attention', domains: 'Vision' });
  await expect(page.getByRole('checkbox', { name: 'Vision', exact: true })).toBeChecked();
  expect(filterFiles.length).toBeGreaterThan(0);
});
