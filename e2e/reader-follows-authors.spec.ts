/**
 * A reader follows authors through an archive built from the real arXiv data
 * (e2e/support/author-archive.ts): from a paper to its author, on to a co-author and back; through
 * every page of a prolific author's papers; through the index of authors by letter; and out to
 * an author's feeds and BibTeX. What each page should show is computed from the entries built.
 */
import { parse } from '@retorquere/bibtex-parser';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import {
  expect,
  namesWithPages,
  normalizeName,
  normalizeTitle,
  PAGED_AUTHOR,
  papersBy,
  PROLIFIC_AUTHOR,
  test,
} from './support/author-archive.ts';

/** Names a paper's own page shows before "and N more". */
const SHOWN_ON_PAPER = 30;
/** Papers on an author's archive page, and the most the feeds list. */
const PAGE_SIZE = 50;

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
const number = new Intl.NumberFormat('en-GB');

/** Opens the author's page from the index's list of the most prolific, as a reader would find them. */
async function openAuthor(page: Page, site: string, name: string): Promise<void> {
  await page.goto(`${site}authors/`);
  await page.getByRole('region', { name: 'Most papers' }).getByRole('link', { name, exact: true }).click();
  await expect(page.locator('h1')).toHaveText(name);
}

/** A listing's papers, in order: title, paper page path, the day shown. */
async function listedPapers(page: Page): Promise<{ title: string; path: string; date: string }[]> {
  return page.locator('.paper-item').evaluateAll((items) =>
    items.map((item) => {
      const link = item.querySelector<HTMLAnchorElement>('.paper-item-title a')!;
      return {
        title: link.textContent!,
        path: link.pathname,
        date: item.querySelector('.paper-item-meta time')?.getAttribute('datetime') ?? '',
      };
    }),
  );
}

/** The names and counts of a list of authors (`li`s holding a name, maybe linked, and a count). */
async function listedAuthors(items: Locator): Promise<{ name: string; linked: boolean; count: number }[]> {
  return items.evaluateAll((nodes) =>
    nodes.map((node) => ({
      name: node.querySelector('bdi')!.textContent!,
      linked: node.querySelector('a') !== null,
      count: Number.parseInt(node.querySelector('.count')!.textContent!.replace(/,/g, ''), 10),
    })),
  );
}

/** Follows the pager's link to older or newer papers, and says whether there was one. */
async function follow(page: Page, direction: 'Older papers' | 'Newer papers'): Promise<boolean> {
  const link = page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: new RegExp(direction) });
  if ((await link.count()) === 0) return false;
  const href = await link.getAttribute('href');
  await link.click();
  await expect(page).toHaveURL(new URL(href!, page.url()).href);
  return true;
}

/** The file a link or `<link>` points to, resolved against the page, checked to be there. */
async function fetchLinked(page: Page, request: APIRequestContext, selector: string): Promise<string> {
  const href = await page.locator(selector).getAttribute('href');
  expect(href).toBeTruthy();
  const response = await request.get(new URL(href!, page.url()).href);
  expect(response.status(), href!).toBe(200);
  return response.text();
}

/** The papers a `.bib` file cites, by id: an arXiv paper's key is `arXiv:<id>`. */
function citedIds(bibtex: string): string[] {
  const parsed = parse(bibtex);
  expect(parsed.errors).toEqual([]);
  return parsed.entries.map((entry) => entry.key.replace(/^arXiv:/, ''));
}

const idOfPath = (path: string) => /\/papers\/([^/]+)\/$/.exec(path)?.[1] ?? path;

test('a reader goes from a paper to its author, on to a co-author, and back again', async ({ page, authorArchive }) => {
  const { site, entries } = authorArchive;
  const withPages = namesWithPages(entries);
  // A paper whose page shows the prolific author's name, and names someone else with a page of their own.
  const paper = papersBy(entries, PROLIFIC_AUTHOR).find((entry) => {
    const shown = entry.authors.slice(0, SHOWN_ON_PAPER).map(normalizeName);
    return shown.includes(PROLIFIC_AUTHOR) && shown.some((name) => name !== PROLIFIC_AUTHOR && withPages.has(name));
  });
  expect(paper, `a paper of ${PROLIFIC_AUTHOR} with a co-author who has a page`).toBeDefined();
  await page.goto(`${site}papers/${paper!.id}/`);
  await expect(page.locator('h1')).toHaveText(normalizeTitle(paper!.title));

  // Exactly the names with pages are links.
  const byline = page.locator('.byline');
  const shown = paper!.authors.slice(0, SHOWN_ON_PAPER).map(normalizeName);
  await expect(byline.getByRole('link')).toHaveText(shown.filter((name) => withPages.has(name)));
  await byline.getByRole('link', { name: PROLIFIC_AUTHOR, exact: true }).click();
  await expect(page).toHaveURL(/\/authors\/[^/]+\/$/);
  await expect(page.locator('h1')).toHaveText(PROLIFIC_AUTHOR);
  const authorUrl = page.url();

  // The co-authors are the names on most of the author's papers, each with the number of papers together.
  const together = new Map<string, number>();
  for (const entry of papersBy(entries, PROLIFIC_AUTHOR)) {
    for (const name of new Set(entry.authors.map(normalizeName)))
      if (name !== PROLIFIC_AUTHOR) together.set(name, (together.get(name) ?? 0) + 1);
  }
  const coauthors = page.getByRole('region', { name: 'Frequent co-authors' });
  const listed = await listedAuthors(coauthors.getByRole('listitem'));
  expect(listed.length).toBeGreaterThan(0);
  expect(listed.map((coauthor) => coauthor.count)).toEqual([...together.values()].sort((a, b) => b - a).slice(0, listed.length));
  for (const coauthor of listed) {
    expect(together.get(coauthor.name), coauthor.name).toBe(coauthor.count);
    expect(coauthor.linked, coauthor.name).toBe(withPages.has(coauthor.name));
  }

  // On to the most frequent co-author with a page, then back through the history.
  const next = listed.find((coauthor) => coauthor.linked)!;
  await coauthors.getByRole('link', { name: next.name, exact: true }).click();
  await expect(page.locator('h1')).toHaveText(next.name);
  await expect(page.locator('.count-line')).toHaveText(`${plural(withPages.get(next.name)!, 'paper', 'papers')} in this archive`);
  await page.goBack();
  await expect(page).toHaveURL(authorUrl);
  await expect(page.locator('h1')).toHaveText(PROLIFIC_AUTHOR);
  await page.goBack();
  await expect(page).toHaveURL(`${site}papers/${paper!.id}/`);
  await expect(page.locator('h1')).toHaveText(normalizeTitle(paper!.title));
});

for (const author of [PROLIFIC_AUTHOR, PAGED_AUTHOR]) {
  test(`every paper of ${author} is listed once across their pages, newest first`, async ({ page, authorArchive }) => {
    const { site, entries } = authorArchive;
    const expected = papersBy(entries, author);
    // Dozens of papers, whatever the data: a handful would prove little.
    expect(expected.length).toBeGreaterThanOrEqual(24);
    await openAuthor(page, site, author);
    const ownUrl = page.url();
    await expect(page.locator('.count-line')).toHaveText(`${expected.length} papers in this archive`);

    // The own page shows at most two archive pages' worth; each archive page exactly one.
    const own = await listedPapers(page);
    expect(own.length).toBeGreaterThanOrEqual(Math.min(expected.length, PAGE_SIZE));
    expect(own.length).toBeLessThanOrEqual(2 * PAGE_SIZE);
    const listed = [...own];
    let archivePages = 0;
    while (await follow(page, 'Older papers')) {
      archivePages += 1;
      await expect(page.locator('h1')).toHaveText(author);
      const papers = await listedPapers(page);
      expect(papers).toHaveLength(PAGE_SIZE);
      listed.push(...papers);
    }
    expect(archivePages > 0, 'has archive pages').toBe(expected.length > 2 * PAGE_SIZE);

    expect(listed.map((paper) => normalizeTitle(paper.title)).sort()).toEqual(expected.map((entry) => normalizeTitle(entry.title)).sort());
    expect(new Set(listed.map((paper) => idOfPath(paper.path)))).toEqual(new Set(expected.map((entry) => entry.id)));
    const dates = listed.map((paper) => paper.date);
    expect(dates).toEqual(expected.map((entry) => entry.date).sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));

    // "Newer papers" leads back, page by page, to the author's own page.
    for (let back = archivePages; back > 0; back -= 1) expect(await follow(page, 'Newer papers')).toBe(true);
    expect(page.url()).toBe(ownUrl);
    expect(await follow(page, 'Newer papers')).toBe(false);
  });
}

test('the authors index lists the letters, and each letter page its authors with their numbers of papers', async ({
  page,
  authorArchive,
}) => {
  const { site, entries } = authorArchive;
  const withPages = namesWithPages(entries);
  await page.goto(`${site}authors/`);
  await expect(page.locator('.lede')).toContainText(`${number.format(withPages.size)} authors have two papers or more`);

  // The most prolific, most papers first, each with their number.
  const prolific = await listedAuthors(page.getByRole('region', { name: 'Most papers' }).getByRole('listitem'));
  expect(prolific.map((author) => author.count)).toEqual([...withPages.values()].sort((a, b) => b - a).slice(0, 50));
  for (const author of prolific) expect(withPages.get(author.name), author.name).toBe(author.count);

  // The letters, in order; every author is under one of them, with their number of papers.
  const letterNav = page.getByRole('navigation', { name: 'Authors by first letter' });
  const letters = letterNav.getByRole('link');
  const labels = await letters.allTextContents();
  const order = (label: string) => (label === 'Other' ? '[' : label);
  expect(
    labels.every((label) => /^([A-Z]|Other)$/.test(label)),
    labels.join(' '),
  ).toBe(true);
  expect(labels).toEqual([...labels].sort((a, b) => (order(a) < order(b) ? -1 : 1)));
  const pages = await letters.evaluateAll((links) =>
    links.map((link) => ({ href: (link as HTMLAnchorElement).href, title: (link as HTMLAnchorElement).title })),
  );
  const seen: string[] = [];
  for (const [index, { href, title }] of pages.entries()) {
    await page.goto(href);
    const authors = await listedAuthors(page.locator('.author-index li'));
    expect(title).toBe(plural(authors.length, 'author', 'authors'));
    await expect(page.locator('.lede')).toHaveText(`${plural(authors.length, 'author', 'authors')} with two papers or more`);
    await expect(page.locator('.author-letters [aria-current="page"]')).toHaveText(labels[index]!);
    for (const author of authors) {
      expect(withPages.get(author.name), author.name).toBe(author.count);
      // A name starting with a plain or accented Latin letter is under that letter.
      const first = author.name.normalize('NFD').charAt(0).toUpperCase();
      if (/^[A-Z]$/.test(first)) expect(labels[index], author.name).toBe(first);
    }
    seen.push(...authors.map((author) => author.name));
  }
  expect(seen.toSorted()).toEqual([...withPages.keys()].sort());

  // The prolific author's letter page names them with their count, and leads to their page.
  await page.goto(`${site}authors/`);
  await letterNav.getByRole('link', { name: PROLIFIC_AUTHOR.charAt(0), exact: true }).click();
  const entry = page.locator('.author-index li', { has: page.getByRole('link', { name: PROLIFIC_AUTHOR, exact: true }) });
  await expect(entry.locator('.count')).toHaveText(String(papersBy(entries, PROLIFIC_AUTHOR).length));
  await entry.getByRole('link').click();
  await expect(page.locator('h1')).toHaveText(PROLIFIC_AUTHOR);
});

const xml = new XMLParser({ isArray: (name) => name === 'entry' });

/** Checks the feeds a page advertises list the papers it lists first, in its order. */
async function checkFeeds(page: Page, request: APIRequestContext, name: string): Promise<void> {
  const listed = (await listedPapers(page)).map((paper) => paper.path).slice(0, PAGE_SIZE);
  const atom = xml.parse(await fetchLinked(page, request, 'link[rel="alternate"][type="application/atom+xml"]')).feed as {
    title: string;
    entry: { id: string }[];
  };
  const json = JSON.parse(await fetchLinked(page, request, 'link[rel="alternate"][type="application/feed+json"]')) as {
    title: string;
    items: { url: string }[];
  };
  expect(atom.title).toContain(name);
  expect(json.title).toContain(name);
  // Feeds name the public origin, not the test server: compare paths.
  expect(atom.entry.map((entry) => new URL(entry.id).pathname)).toEqual(listed);
  expect(json.items.map((item) => new URL(item.url).pathname)).toEqual(listed);
}

test('an author’s feeds and BibTeX hold the papers their pages list', async ({ page, request, authorArchive }) => {
  const { site, entries } = authorArchive;
  for (const author of [PROLIFIC_AUTHOR, PAGED_AUTHOR]) {
    const total = papersBy(entries, author).length;
    await openAuthor(page, site, author);
    await checkFeeds(page, request, author);
    // The own page's BibTeX cites what the page lists: every paper, when they fit on it.
    const listed = (await listedPapers(page)).map((paper) => idOfPath(paper.path));
    if (total <= 2 * PAGE_SIZE) expect(listed).toHaveLength(total);
    await expect(page.locator('.listing-bibtex a[href$="papers.bib"]')).toHaveText(`BibTeX of the ${listed.length} papers listed here`);
    expect(citedIds(await fetchLinked(page, request, '.listing-bibtex a[href$="papers.bib"]'))).toEqual(listed);
    // An archive page's BibTeX cites its own papers.
    if (total > 2 * PAGE_SIZE) {
      expect(await follow(page, 'Older papers')).toBe(true);
      const archived = (await listedPapers(page)).map((paper) => idOfPath(paper.path));
      expect(archived).toHaveLength(PAGE_SIZE);
      expect(citedIds(await fetchLinked(page, request, '.listing-bibtex a[href$="papers.bib"]'))).toEqual(archived);
    }
  }
});
