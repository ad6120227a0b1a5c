/**
 * Papers with TeX in their title and abstract (e2e/fixtures/math.jsonl) are built into an
 * archive with the real command line and read in Chromium: formulas show as KaTeX, with its
 * fonts, from the archive itself; copying a passage gives its TeX; the TeX source is one click
 * away; search finds the paper and its excerpt reads as text; money and refused commands stay
 * as written; and a paper without math loads no KaTeX at all.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { buildAndServe, watchForScriptInjection, type ServedArchive } from './support/archive.ts';

const root = join(import.meta.dirname, '..');
const fixture = join(import.meta.dirname, 'fixtures', 'math.jsonl');
const [withMath, refused, plain] = readFileSync(fixture, 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as { id: string; title: string; abstract: string; date: string });

let archive: ServedArchive;
let site: string;

test.beforeAll(async () => {
  archive = await buildAndServe('papershelf-math-', [fixture]);
  site = archive.site;
});

test.afterAll(() => archive.close());

/** Console errors and failed requests while `page` is used. */
function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
  return problems;
}

/** What remains of an element's text when its rendered formulas are taken out: the text as written, the TeX included. */
const textWithoutRendering = (page: Page, selector: string) =>
  page.locator(selector).evaluate((element) => {
    const copy = element.cloneNode(true) as Element;
    for (const rendered of copy.querySelectorAll('.katex')) rendered.remove();
    return copy.textContent;
  });

test('a paper with math in its title and abstract shows KaTeX, from the archive, with no console error', async ({ page }) => {
  const problems = watchConsole(page);
  const injected = watchForScriptInjection(page);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(`${site}papers/${withMath!.id}/`);
  await expect(page.locator('h1 .katex')).toHaveCount(2);
  await expect(page.locator('.abstract-text .katex')).toHaveCount(6);
  await expect(page.locator('.abstract-text .katex-display')).toHaveCount(1);
  // KaTeX's own fonts were loaded, from the archive: the rendering is not a fallback.
  expect(
    await page.evaluate(
      async () => (await document.fonts.ready, [...document.fonts].filter((font) => font.status === 'loaded').map((font) => font.family)),
    ),
  ).toContain('KaTeX_Main');
  expect(requests.filter((url) => !url.startsWith(site))).toEqual([]);
  // Screen readers get MathML, with the TeX in its annotation.
  await expect(page.locator('h1 math annotation').first()).toHaveText(String.raw`\mathcal{C}_n`);
  // Nothing was lost: without the renderings, the text is the entry's, TeX and money as written
  // (an escaped `\$5` outside formulas reads $5, as TeX prints it).
  expect(await textWithoutRendering(page, 'h1')).toBe(withMath!.title);
  expect(await textWithoutRendering(page, '.abstract-text')).toBe(withMath!.abstract.replace(String.raw`\$5`, '$5'));
  // <title>, meta tags and JSON-LD keep the title as written.
  expect(await page.title()).toBe(`${withMath!.title} · Papershelf`);
  expect(await page.locator('meta[name="citation_title"]').getAttribute('content')).toBe(withMath!.title);
  expect(problems).toEqual([]);
  expect(injected.errors).toEqual([]);
});

test('copying a passage with formulas gives its TeX, and the whole source is under "TeX source"', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`${site}papers/${withMath!.id}/`);
  // Select the title with the mouse, as a reader would, and copy it.
  const box = (await page.locator('h1').boundingBox())!;
  await page.mouse.move(box.x + 1, box.y + 8);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width - 1, box.y + box.height - 4, { steps: 10 });
  await page.mouse.up();
  await page.keyboard.press('ControlOrMeta+C');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.replace(/\s+/g, ' ').trim()).toBe(withMath!.title);

  const source = page.locator('details.tex-source');
  await expect(source.locator('pre').first()).toBeHidden();
  await source.locator('summary').click();
  await expect(source.locator('pre').nth(0)).toHaveText(withMath!.title);
  await expect(source.locator('pre').nth(1)).toHaveText(withMath!.abstract);
});

test('day listings render math in titles; a refused command and the pager read as text', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(`${site}days/${withMath!.date}/`);
  await expect(page.locator('.paper-list .katex')).toHaveCount(2);
  await page.locator('.paper-list a', { hasText: 'Girth of quasi-cyclic codes' }).click();
  // `\href` is refused (trust: false): the formula shows as written, and is no link.
  expect(await textWithoutRendering(page, '.abstract-text')).toBe(refused!.abstract);
  await expect(page.locator('.abstract-text')).toContainText(String.raw`$\href{https://evil.example/}{here}$`);
  await expect(page.locator('.abstract-text a, main a[href*="evil.example"]')).toHaveCount(0);
  await expect(page.locator('.abstract-text .katex')).toHaveCount(2);
  // Its neighbour in the pager is named in readable text, not TeX.
  await expect(page.locator('.pager')).toContainText('On the Euclidean dual of the cyclic code C_n over F_q');
  expect(problems).toEqual([]);
});

test('a paper without math loads no KaTeX', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(`${site}papers/${plain!.id}/`);
  await expect(page.locator('h1')).toHaveText(plain!.title);
  expect(requests.filter((url) => url.includes('katex'))).toEqual([]);
  await expect(page.locator('link[href*="katex"], .math, details.tex-source')).toHaveCount(0);
});

test('search finds a paper by a word of its abstract and shows a readable excerpt, without TeX markup', async ({ page }) => {
  await page.goto(`${site}search/?q=${encodeURIComponent('co-prime')}`);
  const result = page.locator('.result', { hasText: 'cyclic code' });
  await expect(result).toHaveCount(1);
  await expect(result.locator('.result-title')).toHaveText('On the Euclidean dual of the cyclic code C_n over F_q');
  const excerpt = (await result.locator('.result-excerpt').textContent())!;
  expect(excerpt).toContain('2^ω(n)');
  // Money keeps its dollar sign; formulas lose theirs, their commands and any markup.
  expect(excerpt).toContain('costs $15');
  expect(excerpt).not.toMatch(/[\\<{}]|\$\d+\$|katex/);
});

test('a portable build shows math with its fonts when opened from disk', async ({ page }) => {
  const problems = watchConsole(page);
  const portable = join(archive.work, 'portable');
  execFileSync(process.execPath, [join(root, 'bin', 'papershelf.js'), 'build', fixture, '--portable', '--out', portable], {
    cwd: root,
    stdio: 'pipe',
  });
  await page.goto(pathToFileURL(join(portable, 'papers', withMath!.id, 'index.html')).href);
  await expect(page.locator('h1 .katex')).toHaveCount(2);
  expect(
    await page.evaluate(
      async () => (await document.fonts.ready, [...document.fonts].filter((font) => font.status === 'loaded').map((font) => font.family)),
    ),
  ).toContain('KaTeX_Main');
  expect(problems).toEqual([]);
});
