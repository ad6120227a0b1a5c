/**
 * Links never break: a scraped page is built, then the same papers arrive with their arXiv ids
 * (and one paper leaves), built again into the same folder. Every paper address of the first
 * build still leads to its paper — through a redirect to the page at its id — or to a page
 * saying the paper left; the notes followed their paper, the links check, and no sitemap lists
 * an old address. Then the paper that left comes back, and its address is its page again.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeHTML } from 'entities';
import { beforeAll, describe, expect, it } from 'vitest';
import { guardHtml } from '../../src/build/guard/guard-html.ts';
import { listFiles } from '../../src/fs/list-files.ts';
import { fingerprint } from '../support/fingerprint.ts';
import { runCli } from './run-cli.ts';
import { tempDir } from '../support/temp-dir.ts';

const root = join(import.meta.dirname, '..', '..');
const work = tempDir('papershelf-addresses-');
const content = join(work, 'content');
const out = join(work, 'site');
const env = { PAPERSHELF_CONTENT_DIR: content };
const scraped = join(content, 'sources', 'trending-page-2025-03-19.txt');
const withIds = join(content, 'sources', 'papers.jsonl');

/** The first four papers of the project's scraped trending page: titles and abstracts, no ids, no authors. */
const page = readFileSync(join(root, 'content', 'sources', 'trending-page-2025-03-19.txt'), 'utf8')
  .split('\n')
  .slice(0, 26)
  .join('\n');
const titles = page
  .split('\n')
  .slice(10)
  .filter((_line, n) => n % 4 === 0);

/** A native source with the same papers: the first three with arXiv ids, in `order`, plus `extra` entries. */
function jsonl(entries: readonly { title: string; id?: string }[]): string {
  return entries.map((entry) => `${JSON.stringify({ ...entry, abstract: 'An abstract.', date: '2025-03-19' })}\n`).join('');
}

const build = () => {
  const run = runCli(['build', '--out', out], root, env);
  expect(run.status, run.stderr).toBe(0);
  return run;
};
const read = (path: string) => readFileSync(join(out, path), 'utf8');
/** The title a paper page cites. */
const titleOf = (html: string) => decodeHTML(/<meta name="citation_title" content="([^"]*)"/.exec(html)?.[1] ?? '');
/** Where a refresh sends the reader, below the site's root (`papers/x/`). */
const refreshOf = (html: string) => /<meta http-equiv="refresh" content="0; url=\/([^"]*)">/.exec(html)?.[1] ?? null;
const paperPages = async () => (await listFiles(out)).filter((path) => /^papers\/[^/]+\/index\.html$/.test(path)).sort();

/** Every paper page of the first build, with the title it showed. */
let first: { path: string; title: string }[] = [];

beforeAll(async () => {
  mkdirSync(join(content, 'sources'), { recursive: true });
  cpSync(join(root, 'content', 'taxonomies.yaml'), join(content, 'taxonomies.yaml'));
  writeFileSync(scraped, `${page}\n`);
  build();
  first = (await paperPages()).map((path) => ({ path, title: titleOf(read(path)) }));
  // Notes written by hand below the first paper's front matter.
  const file = join(content, 'papers', `${first[0]!.path.split('/')[1]}.mdx`);
  writeFileSync(file, `${readFileSync(file, 'utf8')}\nA note that must follow its paper.\n`);

  // The same papers, now with their arXiv ids; the fourth leaves the archive.
  rmSync(scraped);
  writeFileSync(withIds, jsonl(titles.slice(0, 3).map((title, n) => ({ title, id: `2503.1000${n + 1}` }))));
  build();
}, 240_000);

describe('an archive whose papers gain their arXiv ids', () => {
  it('built four papers at readable addresses first', () => {
    expect(first.map((entry) => entry.title).sort()).toEqual([...titles].sort());
    expect(first.every((entry) => !/\d{4}\.\d{5}/.test(entry.path))).toBe(true);
  });

  it('leads every address of the first build to its paper, or to a page saying it left', () => {
    const outcomes = first.map(({ path, title }) => {
      const html = read(path);
      const target = refreshOf(html);
      if (target !== null) {
        expect(target).toMatch(/^papers\/2503\.1000\d\/$/);
        expect(titleOf(read(`${target}index.html`))).toBe(title);
        expect(html).toContain(`<link rel="canonical" href="http://localhost:4321/${target}">`);
        expect(html).toContain('<meta name="robots" content="noindex">');
        return 'moved';
      }
      expect(html).toMatch(/This paper was removed from the archive on \d{1,2} \w+ \d{4}\./);
      expect(html).toContain('<meta name="robots" content="noindex">');
      expect(decodeHTML(html)).toContain(`<h1>${title}</h1>`);
      expect(title).toBe(titles[3]);
      return 'removed';
    });
    expect(outcomes.sort()).toEqual(['moved', 'moved', 'moved', 'removed']);
  });

  it('keeps only the page at an old address: its citation files are gone', () => {
    for (const { path } of first) expect(existsSync(join(out, path.replace('index.html', 'cite.bib')))).toBe(false);
    expect(existsSync(join(out, 'papers', '2503.10001', 'cite.bib'))).toBe(true);
  });

  it('moved the notes with their paper', () => {
    const moved = refreshOf(read(first[0]!.path))!;
    expect(readFileSync(join(content, 'papers', `${moved.split('/')[1]}.mdx`), 'utf8')).toContain('A note that must follow its paper.');
    expect(existsSync(join(content, 'orphaned-notes'))).toBe(false);
  });

  it('records the history in content/addresses.yaml, sorted, one address a line', () => {
    const lines = readFileSync(join(content, 'addresses.yaml'), 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'));
    expect(lines).toHaveLength(4);
    expect([...lines].sort()).toEqual(lines);
    expect(lines.filter((line) => / "2503\.1000\d"$/.test(line))).toHaveLength(3);
    expect(lines.filter((line) => /: \{ removed: \d{4}-\d{2}-\d{2}, title: /.test(line))).toHaveLength(1);
  });

  it('lists no old address in a sitemap', async () => {
    const sitemaps = (await listFiles(out)).filter((path) => /^sitemap-\d+\.xml$/.test(path));
    const listed = sitemaps.map(read).join('\n');
    expect(listed).toContain('/papers/2503.10001/');
    for (const { path } of first) expect(listed).not.toContain(`/${path.replace('index.html', '')}<`);
  });

  it('passes the markup guard and the link check', async () => {
    await expect(guardHtml(out, '/', { threads: 0 })).resolves.toBeTruthy();
    const check = runCli(['check-links', out], root, env);
    expect(check.status, check.stderr).toBe(0);
  });

  it('builds the same archive from a copy of content/, as a fresh clone would, and nothing again', () => {
    const clone = join(work, 'clone');
    cpSync(content, join(clone, 'content'), { recursive: true, filter: (path) => !/[\\/]\.papers-/.test(path) });
    const fresh = runCli(['build', '--out', join(clone, 'site')], root, { PAPERSHELF_CONTENT_DIR: join(clone, 'content') });
    expect(fresh.status, fresh.stderr).toBe(0);
    expect(fingerprint(join(clone, 'site'))).toBe(fingerprint(out));
    expect(build().stdout).toMatch(/\(0 rendered, \d+ unchanged\)/);
  }, 120_000);

  it('gives the address back to a paper that returns', async () => {
    const returning = first.find((entry) => entry.title === titles[3])!;
    writeFileSync(withIds, `${readFileSync(withIds, 'utf8')}${jsonl([{ title: titles[3]! }])}`);
    build();
    expect(titleOf(read(returning.path))).toBe(titles[3]);
    expect(existsSync(join(out, returning.path.replace('index.html', 'cite.bib')))).toBe(true);
    expect(readFileSync(join(content, 'addresses.yaml'), 'utf8')).not.toContain('removed:');
    expect(await paperPages()).toEqual(
      first
        .map((entry) => entry.path)
        .concat(['papers/2503.10001/index.html', 'papers/2503.10002/index.html', 'papers/2503.10003/index.html'])
        .sort(),
    );
  }, 120_000);
});
