/**
 * `papershelf dev`, the real command in a process of its own, started from a folder that is not
 * the project, on a small content folder and under a base: the search bundles are served with
 * the search page's own loading (Pagefind's browser script, run in Node over HTTP), a paper
 * added to the content folder becomes findable once indexed again and gets its page, and
 * Ctrl-C stops the server and removes its index.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openBundles, type PagefindModule } from '../../src/scripts/search/open-bundles.ts';
import type { PagefindApi } from '../../src/scripts/search/pagefind-client.ts';
import { tempDir } from '../support/temp-dir.ts';

const root = join(import.meta.dirname, '..', '..');
const BASE = '/shelf/';
/** A word no seed paper has, put into the title of the paper added while the server runs. */
const NEW_WORD = 'Quokkaformer';

/** A port nothing listens on now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const address = server.address();
  await new Promise((closed) => server.close(closed));
  return typeof address === 'object' && address ? address.port : 0;
}

/** `env` without the variables Vitest sets for its own workers. */
function withoutVitest(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('VITEST')));
}

/** Resolves with the first match of `pattern` in the output of `child`; rejects if it ends first. */
function waitForOutput(child: ChildProcess, pattern: RegExp, output: { text: string }): Promise<RegExpMatchArray> {
  return new Promise((found, failed) => {
    const look = () => {
      const match = output.text.match(pattern);
      if (match) found(match);
    };
    child.stdout!.on('data', look);
    child.once('exit', (code) => failed(new Error(`papershelf dev ended (${code}) before ${pattern}:\n${output.text}`)));
    look();
  });
}

/** Pagefind's browser script of the server's current index, opened as the search page opens it. */
let opened = 0;
async function openSearch(url: string, papers: number, scratch: string): Promise<PagefindApi> {
  const script = await fetch(`${url}pagefind/pagefind.js`);
  expect(script.status).toBe(200);
  // A module of its own for every index: Pagefind keeps what it loaded.
  const file = join(scratch, `pagefind-${(opened += 1)}.js`);
  writeFileSync(file, await script.text());
  const module = (await import(pathToFileURL(file).href)) as PagefindModule;
  return openBundles(module, [{ path: `${url}pagefind/`, papers }], { beforeInit: { basePath: `${url}pagefind/`, baseUrl: BASE } });
}

/** The URLs a search finds. */
async function found(pagefind: PagefindApi, query: string, options = {}): Promise<string[]> {
  const response = await pagefind.search(query, options);
  return Promise.all((response?.results ?? []).map(async (hit) => (await hit.data()).url));
}

/** The page count of the index the server serves now. */
async function indexedPapers(url: string): Promise<number> {
  const entry = (await (await fetch(`${url}pagefind/pagefind-entry.json`)).json()) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('papershelf dev', () => {
  it('serves search from the content folder, indexes a new paper, and stops cleanly on Ctrl-C', async () => {
    const work = tempDir('papershelf-dev-');
    const content = join(work, 'content');
    mkdirSync(join(content, 'papers'), { recursive: true });
    copyFileSync(join(root, 'content', 'taxonomies.yaml'), join(content, 'taxonomies.yaml'));
    const seed = readdirSync(join(root, 'content', 'papers'))
      .filter((name) => name.endsWith('.mdx'))
      .sort();
    for (const name of seed.slice(0, 2)) copyFileSync(join(root, 'content', 'papers', name), join(content, 'papers', name));

    const port = await freePort();
    const child = spawn(process.execPath, [join(root, 'bin', 'papershelf.js'), 'dev', '--port', String(port), '--base', BASE], {
      cwd: work,
      // Astro's dev server leaves its pages to Vitest when it finds `VITEST` set: this one is not Vitest's.
      env: { ...withoutVitest(process.env), CI: '1', PAPERSHELF_CONTENT_DIR: content },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    const output = { text: '' };
    child.stdout!.on('data', (chunk: Buffer) => (output.text += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output.text += chunk.toString()));
    const [, url] = await waitForOutput(child, /Papershelf dev server at (\S+)/, output);
    expect(url).toBe(`http://localhost:${port}${BASE}`);

    // What the search page loads first: the entry, after the first index.
    const entry = await fetch(`${url}pagefind/pagefind-entry.json`);
    expect(entry.status, output.text).toBe(200);
    expect(entry.headers.get('content-type')).toBe('application/json');
    expect(await indexedPapers(url!)).toBe(2);
    expect((await fetch(`http://localhost:${port}/pagefind/pagefind-entry.json`)).status).toBe(404);

    const before = await openSearch(url!, 2, work);
    const filters = await before.filters();
    expect(Object.values(filters['year'] ?? {}).reduce((sum, count) => sum + count, 0)).toBe(2);
    expect(Object.keys(filters)).toContain('topics');
    expect(await found(before, NEW_WORD.toLowerCase())).toEqual([]);

    const home = await fetch(url!);
    expect(home.status, output.text).toBe(200);
    expect(await home.text()).not.toContain(NEW_WORD);

    // A paper added to the content folder: findable once the watcher's rebuild is done.
    const added = seed[2]!;
    const text = readFileSync(join(root, 'content', 'papers', added), 'utf8').replace(
      /^title: .*$/m,
      `title: ${NEW_WORD} reads the archive`,
    );
    writeFileSync(join(content, 'papers', added), text);
    const deadline = Date.now() + 30_000;
    while ((await indexedPapers(url!)) < 3 && Date.now() < deadline) await new Promise((wait) => setTimeout(wait, 200));
    expect(await indexedPapers(url!), output.text).toBe(3);
    const after = await openSearch(url!, 3, work);
    const slug = added.slice(0, -'.mdx'.length);
    expect(await found(after, NEW_WORD.toLowerCase())).toEqual([`${BASE}papers/${slug}/`]);
    const year = text.match(/^date: "?(\d{4})/m)![1]!;
    expect(await found(after, NEW_WORD.toLowerCase(), { filters: { year: { any: [year] } } })).toEqual([`${BASE}papers/${slug}/`]);

    // The pages follow: the new paper is listed and has its page, which the result links to.
    const listed = Date.now() + 60_000;
    while (!(await (await fetch(url!)).text()).includes(`${BASE}papers/${slug}/`) && Date.now() < listed)
      await new Promise((wait) => setTimeout(wait, 200));
    expect(await (await fetch(url!)).text(), output.text).toContain(`${BASE}papers/${slug}/`);
    expect((await fetch(`${url}papers/${slug}/`)).status).toBe(200);

    // Ctrl-C: the server stops, exits 0, and its index is gone.
    const index = join(root, 'node_modules', '.cache', 'papershelf', 'dev-search', String(child.pid));
    expect(existsSync(index)).toBe(true);
    const exited = new Promise<number | null>((ended) => child.once('exit', ended));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output.text).toMatch(/Stopped \(SIGINT\)/);
    expect(existsSync(index)).toBe(false);
  });
});
