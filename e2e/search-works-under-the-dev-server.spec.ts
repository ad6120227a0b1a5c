/**
 * `papershelf dev` on a small content folder, in Chromium: a query typed on /search/ finds a
 * paper through the index the dev server made, as it would in a build, and the filters show
 * the archive's years and terms.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..');
const seed = join(root, 'content', 'papers');

let work: string;
let child: ChildProcess;
let url: string;
/** The paper searched for: its slug and title. */
let paper: { slug: string; title: string };

test.beforeAll(async () => {
  test.setTimeout(120_000);
  work = mkdtempSync(join(tmpdir(), 'papershelf-dev-e2e-'));
  const content = join(work, 'content');
  mkdirSync(join(content, 'papers'), { recursive: true });
  copyFileSync(join(root, 'content', 'taxonomies.yaml'), join(content, 'taxonomies.yaml'));
  const names = readdirSync(seed)
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .slice(0, 3);
  for (const name of names) copyFileSync(join(seed, name), join(content, 'papers', name));
  const frontMatter = parse(
    readFileSync(join(seed, names[0]!), 'utf8')
      .split('\n---\n')[0]!
      .replace(/^---\n/, ''),
  ) as { title: string };
  paper = { slug: names[0]!.slice(0, -'.mdx'.length), title: frontMatter.title };

  // Port 0: the dev server takes a free one and says which.
  child = spawn(process.execPath, [join(root, 'bin', 'papershelf.js'), 'dev', '--port', '0'], {
    cwd: work,
    env: { ...process.env, PAPERSHELF_CONTENT_DIR: content },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  url = await new Promise<string>((started, failed) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/Papershelf dev server at (\S+)/);
      if (match) started(match[1]!);
    });
    child.once('exit', (code) => failed(new Error(`papershelf dev ended (${code}):\n${output}`)));
  });
});

test.afterAll(async () => {
  const exited = new Promise((ended) => child.once('exit', ended));
  child.kill('SIGINT');
  await exited;
  rmSync(work, { recursive: true, force: true });
});

test('a query typed on the search page finds a paper under the dev server', async ({ page }) => {
  await page.goto(`${url}search/`);
  // Under dev, the page's script arrives as modules after the page shows: typed before it
  // listens, a query would go unheard. It says so when it has started.
  await expect(page.locator('[data-search-status]')).toContainText('Type to search titles', { timeout: 30_000 });
  await page.locator('[data-search-input]').fill(paper.title);
  await expect(page.locator('[data-search-status]')).toContainText('found', { timeout: 30_000 });
  const first = page.locator('.result-title a').first();
  await expect(first).toHaveText(paper.title);
  await expect(first).toHaveAttribute('href', `/papers/${paper.slug}/`);

  await page.locator('[data-search-show-filters]').click();
  await expect(page.locator('[data-search-filters] legend')).toContainText(['Year']);
});
