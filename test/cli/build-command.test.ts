/**
 * The `build` command's contract: a complete archive of exactly the given sources, the
 * project's content untouched, `file:line: field: reason` for every invalid entry, and an
 * output folder that a failed build leaves exactly as it was.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../src/fs/list-files.ts';
import { scanHtml } from '../../src/html/scan-html.ts';
import { scanStrictHtml } from '../../src/html/scan-strict-html.ts';
import { writeOfflineFiles } from '../../src/build/offline/write-offline-files.ts';
import { fingerprint } from '../support/fingerprint.ts';
import { tokensBy } from '../support/html-tokens.ts';
import { runCli } from './run-cli.ts';
import { tempDir } from '../support/temp-dir.ts';

const root = join(import.meta.dirname, '..', '..');
const work = tempDir('papershelf-cli-');

const good = join(work, 'good.jsonl');
const bad = join(work, 'bad.jsonl');
const lines = readFileSync(join(root, 'test', 'fixtures', 'sources', 'jsonl-slice', 'papers.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .slice(0, 5);

beforeAll(() => {
  writeFileSync(good, `${lines.join('\n')}\n`);
  writeFileSync(
    bad,
    `${lines.slice(0, 3).join('\n')}\n{"id": "2601.99999", "date": "2026-01-02"}\n{"title": "Evil", "date": "2026-01-02", "url": "javascript:alert(1)"}\n`,
  );
});

describe('papershelf build', () => {
  it('builds exactly the given sources and leaves the project content alone', () => {
    const contentBefore = fingerprint(join(root, 'content'));
    const out = join(work, 'site');
    const run = runCli(['build', good, '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // A first build into a folder renders every page; the summary line comes last.
    expect(run.stdout).toMatch(/^Built \S*site: (\d+) pages \(\1 rendered, 0 unchanged\); search: 1 bundle \(1 indexed\)\n/);
    expect(run.stdout.trim().split('\n').at(-1)).toBe('5 entries read, 5 added, 0 updated, 0 unchanged, 0 duplicates merged, 0 invalid');
    // Each paper's folder, and its Markdown copy beside it.
    const ids = lines.map((line) => JSON.parse(line).id as string);
    expect(readdirSync(join(out, 'papers')).sort()).toEqual(ids.flatMap((id) => [id, `${id}.md`]).sort());
    expect(existsSync(join(out, 'pagefind', 'pagefind.js'))).toBe(true);
    // Readable by a web server's user once copied to it, like every folder inside.
    expect(statSync(out).mode & 0o777).toBe(0o755);
    expect(fingerprint(join(root, 'content'))).toBe(contentBefore);
  });

  it('refuses invalid entries, names each, and leaves --out exactly as it was', () => {
    // An archive an earlier build made: the failed build must leave it exactly as it was.
    const out = join(work, 'kept');
    expect(runCli(['build', good, '--out', out]).status).toBe(0);
    const before = fingerprint(out);
    const run = runCli(['build', bad, '--out', out]);
    expect(run.status).toBe(1);
    const file = relative(root, bad).startsWith('..') ? bad : relative(root, bad);
    expect(run.stderr).toContain(`${file}:4: title: missing\n`);
    expect(run.stderr).toContain(`${file}:5: url: \`javascript:alert(1)\` is not allowed`);
    expect(fingerprint(out)).toBe(before);
    expect(readdirSync(work).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('with --skip-invalid builds the valid entries and still reports the rest', () => {
    const out = join(work, 'skipped');
    const run = runCli(['build', bad, '--out', out, '--skip-invalid']);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(':4: title: missing');
    expect(run.stdout).toContain('3 added');
    expect(run.stdout).toContain('2 invalid');
    expect(readdirSync(join(out, 'papers')).filter((name) => !name.endsWith('.md'))).toHaveLength(3);
  });

  it('gives byte-identical archives for the same sources', () => {
    const seed = join(root, 'content', 'sources', 'trending-page-2025-03-19.txt');
    expect(runCli(['build', seed, '--out', join(work, 'one')]).status).toBe(0);
    expect(runCli(['build', seed, '--out', join(work, 'two')]).status).toBe(0);
    expect(fingerprint(join(work, 'one'))).toBe(fingerprint(join(work, 'two')));
  });

  it("writes pages the markup guard's fast tokenizer reads whole, token for token as parse5", async () => {
    // Else every page would be read twice, the second time by parse5; with math, charts and every kind of page.
    const out = join(work, 'tokens');
    const sources = [
      join(root, 'content', 'sources', 'trending-page-2025-03-19.txt'),
      join(root, 'test', 'fixtures', 'sources', 'jsonl-slice', 'papers.jsonl'),
    ];
    expect(runCli(['build', ...sources, '--out', out]).status).toBe(0);
    const pages = (await listFiles(out)).filter((path) => path.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(100);
    expect(pages.some((path) => readFileSync(join(out, path), 'utf8').includes('class="math'))).toBe(true);
    for (const path of pages) {
      const html = readFileSync(join(out, path), 'utf8');
      const strict = tokensBy(scanStrictHtml, html);
      expect(strict.read, path).toBe(true);
      expect(strict.tokens, path).toEqual(tokensBy(scanHtml, html).tokens);
    }
  });

  it('versions the offline files as reading every file of the archive again does', async () => {
    // The build takes the digests of the files it made as it made them; read afresh, they must agree.
    const seed = join(root, 'content', 'sources', 'trending-page-2025-03-19.txt');
    const built = join(work, 'versioned');
    expect(runCli(['build', seed, '--out', built]).status).toBe(0);
    const copy = join(work, 'versioned-copy');
    cpSync(built, copy, { recursive: true });
    await writeOfflineFiles(copy, '/');
    expect(fingerprint(copy)).toBe(fingerprint(built));
  });

  it("renders a paper's hand-written notes as MDX on its page, and again when they change", () => {
    const content = join(work, 'noted-content');
    mkdirSync(join(content, 'sources'), { recursive: true });
    cpSync(join(root, 'content', 'taxonomies.yaml'), join(content, 'taxonomies.yaml'));
    writeFileSync(join(content, 'sources', 'papers.jsonl'), `${lines.slice(0, 2).join('\n')}\n`);
    const env = { PAPERSHELF_CONTENT_DIR: content };
    expect(runCli(['ingest'], root, env).status).toBe(0);
    const [noted, plain] = lines.slice(0, 2).map((line) => JSON.parse(line).id as string);
    const file = join(content, 'papers', `${noted}.mdx`);
    const paperFile = readFileSync(file, 'utf8');
    const page = (out: string, id: string) => readFileSync(join(out, 'papers', id!, 'index.html'), 'utf8');

    writeFileSync(file, `${paperFile}\n## Reading group\n\nWe *liked* the ablations.\n`);
    const out = join(work, 'noted');
    const first = runCli(['build', '--out', out], root, env);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(page(out, noted!)).toMatch(
      /<section class="notes"[^>]*>.*<h2 id="notes-heading">Notes<\/h2>.*<h2[^>]*>Reading group<\/h2>.*<p>We <em>liked<\/em> the ablations\.<\/p>/s,
    );
    expect(page(out, plain!)).not.toContain('class="notes"');
    // The paper's Markdown copy carries its notes as written.
    const markdown = (id: string) => readFileSync(join(out, 'papers', `${id}.md`), 'utf8');
    expect(markdown(noted!)).toMatch(/\n## Notes\n\n## Reading group\n\nWe \*liked\* the ablations\.\n$/);
    expect(markdown(plain!)).not.toContain('## Notes');

    // Built again into the same folder: only what changed is rendered, the new notes included.
    writeFileSync(file, `${paperFile}\nWe now **doubt** the ablations.\n`);
    const second = runCli(['build', '--out', out], root, env);
    expect(second.status).toBe(0);
    expect(second.stdout).not.toMatch(/\(\d+ rendered, 0 unchanged\)/);
    expect(page(out, noted!)).toContain('<p>We now <strong>doubt</strong> the ablations.</p>');
    expect(page(out, noted!)).not.toContain('liked');
    expect(markdown(noted!)).toContain('We now **doubt** the ablations.');
  });

  it('rejects a mistaken command with exit code 2', () => {
    expect(runCli(['build', good]).status).toBe(2);
    expect(runCli(['frobnicate']).status).toBe(2);
    expect(runCli(['build', good, '--out', join(work, 'x'), '--date', '2025-02-30']).status).toBe(2);
  });
});
