/**
 * A reader moves from a day to its week and its month, steps between weeks and months, and
 * sees each term's papers per week as a chart with its numbers in words. The archive is 1 in
 * 30 of the real arXiv papers of January–March 2026, with upvotes given, plus three papers of
 * 30 December 2025, so that week 1 of 2026 starts in 2025. Every expected count is worked out
 * here from the entries by plain date arithmetic, not by the site's own period code.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { serveArchive } from '../src/serve/serve-archive.ts';

const root = join(import.meta.dirname, '..');
const arxiv = join(root, '..', 'shared', 'data', 'arxiv-2026q1.jsonl');

interface Entry {
  id: string;
  title: string;
  date: string;
  categories: string[];
  upvotes: number;
}

let work: string;
let server: Server;
let site: string;
let entries: Entry[];

test.beforeAll(async () => {
  test.setTimeout(240_000);
  work = mkdtempSync(join(tmpdir(), 'papershelf-periods-'));
  const lines = readFileSync(arxiv, 'utf8')
    .trim()
    .split('\n')
    .filter((_, index) => index % 30 === 0);
  entries = lines.map((line, index) => ({ ...(JSON.parse(line) as Entry), upvotes: (index * 37) % 101 }));
  const december = [1, 2, 3].map((n) => ({
    id: `2512.9999${n}`,
    title: `A paper of the last days of 2025, number ${n}`,
    date: '2025-12-30',
    categories: ['cs.CV'],
    upvotes: 200 + n,
  }));
  entries.push(...december);
  writeFileSync(join(work, 'slice.jsonl'), entries.map((entry) => JSON.stringify(entry)).join('\n') + '\n');
  execFileSync(process.execPath, [join(root, 'bin', 'papershelf.js'), 'build', join(work, 'slice.jsonl'), '--out', join(work, 'site')], {
    cwd: root,
    stdio: 'pipe',
  });
  ({ server, url: site } = await serveArchive(join(work, 'site'), { port: 0 }));
});

test.afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  rmSync(work, { recursive: true, force: true });
});

/** The entries listed from `first` to `last`, both included. */
const between = (first: string, last: string) => entries.filter((entry) => entry.date >= first && entry.date <= last);
/** The Monday of a day's week, by plain arithmetic. */
const monday = (day: string) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
};
const papers = (count: number) => `${count} ${count === 1 ? 'paper' : 'papers'}`;
/** What a period's page says under its title. */
const lede = (list: readonly Entry[]) => {
  const days = new Set(list.map((entry) => entry.date)).size;
  return `${papers(list.length)} on ${days} ${days === 1 ? 'day' : 'days'}`;
};

/** The days a period's page lists, with their counts. */
async function listedDays(page: Page): Promise<[string, number][]> {
  return page
    .locator('section[aria-labelledby="period-days"] li')
    .evaluateAll((items) =>
      items.map(
        (item) =>
          [item.querySelector('time')?.getAttribute('datetime') ?? '', Number(item.querySelector('.count')?.textContent)] as [
            string,
            number,
          ],
      ),
    );
}

/** The days of `list` with their counts, oldest first. */
function dayCounts(list: readonly Entry[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const entry of list.toSorted((a, b) => a.date.localeCompare(b.date))) counts.set(entry.date, (counts.get(entry.date) ?? 0) + 1);
  return [...counts];
}

test('from a day to its week and its month, with the right counts and the best papers first', async ({ page }) => {
  await page.goto(`${site}days/2026-03-19/`);
  await page.getByRole('link', { name: 'Week 12, 2026' }).click();
  await expect(page).toHaveURL(/\/weeks\/2026-W12\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Week 12, 2026');
  await expect(page.locator('.period-span')).toHaveText('16–22 March 2026');

  const week = between('2026-03-16', '2026-03-22');
  await expect(page.locator('.lede')).toHaveText(lede(week));
  expect(await listedDays(page)).toEqual(dayCounts(week));
  // The most upvoted papers of the week, best first.
  const best = week.toSorted((a, b) => b.upvotes - a.upvotes).slice(0, Math.min(25, week.length));
  const shown = page.locator('section[aria-labelledby="period-top"] .paper-item');
  await expect(shown).toHaveCount(best.length);
  await expect(shown.first().locator('.upvotes')).toHaveText(`${best[0]!.upvotes} upvotes`);
  const votes = (await shown.locator('.upvotes').allTextContents()).map((text) => Number.parseInt(text, 10));
  expect(votes).toEqual(best.map((entry) => entry.upvotes));

  await page.locator('.page-header').getByRole('link', { name: 'March 2026' }).click();
  await expect(page).toHaveURL(/\/months\/2026-03\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('March 2026');
  const march = between('2026-03-01', '2026-03-31');
  await expect(page.locator('.lede')).toHaveText(lede(march));
  expect(await listedDays(page)).toEqual(dayCounts(march));
  // A month holds more than a page should list: the best 25, and each day links to all of its papers.
  await expect(page.locator('section[aria-labelledby="period-top"] .paper-item')).toHaveCount(25);
  await expect(page.locator('section[aria-labelledby="period-top"] .count-line')).toHaveText(
    `The 25 most upvoted of ${papers(march.length)}; each day's page lists all of its papers.`,
  );
  await page.getByRole('link', { name: 'Thu, 19 Mar' }).click();
  await expect(page).toHaveURL(/\/days\/2026-03-19\/$/);
  await expect(page.locator('.paper-item')).toHaveCount(between('2026-03-19', '2026-03-19').length);
});

test('weeks and months step to their neighbours, across the turn of the year', async ({ page }) => {
  await page.goto(`${site}weeks/2026-W02/`);
  const weeks = page.getByRole('navigation', { name: 'Weeks' });
  await weeks.getByRole('link', { name: /Previous/ }).click();
  await expect(page).toHaveURL(/\/weeks\/2026-W01\/$/);
  await expect(page.locator('.period-span')).toHaveText('29 December 2025 – 4 January 2026');
  const first = between('2025-12-29', '2026-01-04');
  await expect(page.locator('.lede')).toHaveText(lede(first));
  // Its days fall in two months, and it links to both.
  const header = page.locator('.page-header');
  await expect(header.getByRole('link', { name: 'December 2025' })).toBeVisible();
  await expect(header.getByRole('link', { name: 'January 2026' })).toBeVisible();
  // The first week has no previous one; its next is week 2.
  await expect(weeks.getByRole('link', { name: /Previous/ })).toHaveCount(0);
  await expect(weeks.getByRole('link', { name: /Next/ })).toHaveAttribute('href', /\/weeks\/2026-W02\/$/);

  await header.getByRole('link', { name: 'December 2025' }).click();
  const months = page.getByRole('navigation', { name: 'Months' });
  await expect(months.getByRole('link', { name: /Previous/ })).toHaveCount(0);
  await months.getByRole('link', { name: /Next/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('January 2026');
  await months.getByRole('link', { name: /Next/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('February 2026');
  await months.getByRole('link', { name: /Previous/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('January 2026');
});

test('the lists of all weeks and all months give each one with its count', async ({ page }) => {
  await page.goto(`${site}days/`);
  await page.locator('.page-header').getByRole('link', { name: 'month', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('All months');
  for (const [month, name] of [
    ['2025-12', 'December'],
    ['2026-01', 'January'],
    ['2026-02', 'February'],
    ['2026-03', 'March'],
  ] as const) {
    const item = page.locator('.day-grid li', { has: page.getByRole('link', { name, exact: true }) });
    await expect(item.locator('.count')).toHaveText(String(entries.filter((entry) => entry.date.startsWith(month)).length));
  }

  await page.getByRole('navigation', { name: 'Archive' }).getByRole('link', { name: 'All weeks' }).click();
  const mondays = new Set(entries.map((entry) => monday(entry.date)));
  await expect(page.locator('.day-grid li')).toHaveCount(mondays.size);
  const week12 = page.locator('.day-grid li', { has: page.getByRole('link', { name: 'Week 12 · 16 Mar' }) });
  await expect(week12.locator('.count')).toHaveText(String(between('2026-03-16', '2026-03-22').length));
});

test("a term's page charts its papers per week and says the numbers in words, in either colour scheme", async ({ page }) => {
  const term = entries.filter((entry) => entry.categories.includes('cs.CV'));
  const perWeek = new Map<string, number>();
  for (const entry of term) perWeek.set(monday(entry.date), (perWeek.get(monday(entry.date)) ?? 0) + 1);
  const [peakWeek, peak] = [...perWeek].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
  const day = (iso: string) =>
    new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${iso}T00:00:00Z`),
    );

  const span = `the weeks of ${day([...perWeek.keys()].sort()[0]!)} to ${day([...perWeek.keys()].sort().at(-1)!)}`;
  expect(span).toMatch(/^the weeks of 29 December 2025 to /);

  await page.goto(`${site}categories/cs.cv/`);
  const chart = page.getByRole('figure', { name: `Papers per week, ${span}:`, exact: false });
  await expect(chart).toBeVisible();
  await expect(chart).toContainText(`most in the week of ${day(peakWeek)} (${papers(peak)})`);
  // One bar per week with papers, drawn in the theme's accent colour.
  const bars = (await chart.locator('path').getAttribute('d'))!.match(/M/g)!.length;
  expect(bars).toBe(perWeek.size);
  const fill = () => chart.locator('path').evaluate((path) => getComputedStyle(path).fill);
  const light = await fill();
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await fill()).not.toBe(light);

  await page.goto(`${site}categories/`);
  const first = monday(entries.map((entry) => entry.date).sort()[0]!);
  const last = monday(
    entries
      .map((entry) => entry.date)
      .sort()
      .at(-1)!,
  );
  await expect(page.getByText(`Lines beside the terms: Papers per week, the weeks of ${day(first)} to ${day(last)}.`)).toBeVisible();
  const terms = await page.locator('.term-tree > li').count();
  await expect(page.getByRole('img', { name: /^Trend: most in the week of/ })).toHaveCount(terms);
  const cv = page.locator('.term-tree > li', { has: page.getByRole('link', { name: 'cs.CV', exact: true }) });
  await expect(cv.getByRole('img')).toHaveAccessibleName(new RegExp(`most in the week of ${day(peakWeek)} \\(${papers(peak)}\\)`));
});
