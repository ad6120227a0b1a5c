/**
 * A reference library exported from Zotero (BibTeX with years, one month, venues and citation
 * keys, and no days) builds without `--date`: a reader finds its papers on their year's page,
 * the dated one on its month's page too, and through the search's Year filter, and no day page
 * lists any of them, since none was invented.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { serveArchive } from '../src/serve/serve-archive.ts';

const root = join(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'papershelf-zotero-'));
const out = join(work, 'site');
const early = 'Early Results on Sequence Memory';
const conference = 'A Conference Paper on Recurrent Attention';
const survey = 'A Survey of Memory Networks';
let server: Server;
let home: string;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  execFileSync(
    process.execPath,
    [join(root, 'bin', 'papershelf.js'), 'build', join(root, 'e2e', 'fixtures', 'zotero-library.bib'), '--out', out],
    {
      cwd: root,
      stdio: 'pipe',
      env: { ...process.env, PAPERSHELF_SITE: '', PAPERSHELF_BASE: '' },
    },
  );
  const served = await serveArchive(out, { port: 0 });
  server = served.server;
  home = served.url;
});

test.afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(work, { recursive: true, force: true });
});

test('a Zotero library is found by year, by month and by the search’s Year filter, and on no day', async ({ page }) => {
  // No day was invented: the archive has no day pages at all, and the list of days is empty.
  expect(readdirSync(join(out, 'days'))).toEqual(['index.html']);
  expect(existsSync(join(out, 'years', '1960', 'index.html'))).toBe(true);

  // The navigation leads to the years, and each year to its papers.
  await page.goto(home);
  await page.locator('.site-nav').getByRole('link', { name: 'All years' }).click();
  await expect(page).toHaveURL(`${home}years/`);
  await expect(page.locator('.day-grid a')).toHaveText(['2019', '1960']);
  await page.getByRole('link', { name: '1960' }).click();
  await expect(page).toHaveURL(`${home}years/1960/`);
  await expect(page.locator('.paper-item-title')).toHaveText([early]);
  await expect(page.locator('.paper-item .published')).toHaveText('Published 1960');

  await page.goto(`${home}years/2019/`);
  await expect(page.locator('.paper-item-title')).toHaveText([conference, survey]);

  // The month is known for one paper: its month's page lists it, with no day.
  await page.getByRole('link', { name: 'March' }).click();
  await expect(page).toHaveURL(`${home}months/2019-03/`);
  await expect(page.locator('.paper-item-title')).toHaveText([conference]);
  await expect(page.locator('.paper-item .published')).toHaveText('Published March 2019');

  // The paper's page says when it was published and links to no day.
  await page.getByRole('link', { name: conference }).click();
  await expect(page.locator('h1')).toHaveText(conference);
  await expect(page.locator('.page-header .published')).toHaveText('Published March 2019');
  await expect(page.locator('.page-header a[href*="/days/"]')).toHaveCount(0);
  // Its venue and its citation key, as the library gives them.
  await expect(page.locator('.page-header .publication')).toContainText('Proceedings of the Workshop on Recurrent Models');
  await expect(page.locator('#cite-bibtex')).toContainText('@inproceedings{doe_conference_2019,');

  // The search's Year filter goes by the publication year.
  await page.goto(`${home}search/?q=memory&year=1960`);
  await expect(page.locator('.result-title')).toHaveText([early]);
  await page.goto(`${home}search/?q=memory&year=2019`);
  await expect(page.locator('.result-title')).toHaveText([survey]);
});
