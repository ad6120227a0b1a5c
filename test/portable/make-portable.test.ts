/** makePortable over a small hand-made build: pages, stylesheet, and stand-in Pagefind bundles. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../src/fs/list-files.ts';
import { makePortable } from '../../src/portable/make-portable.ts';

const dir = mkdtempSync(join(tmpdir(), 'papershelf-portable-'));
const write = (path: string, text: string | Uint8Array) => {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
};
const read = (path: string) => readFileSync(join(dir, path), 'utf8');
const index = new Uint8Array([0x1f, 0x8b, 0, 255, 10, 13]);

beforeAll(async () => {
  write(
    'index.html',
    '<!doctype html><html><head><link rel="stylesheet" href="/shelf/_astro/a.css"></head><body><a href="/shelf/papers/a/">a</a></body></html>',
  );
  write(
    'search/index.html',
    '<!doctype html><html><head></head><body><div data-search data-base="/shelf/"></div></body></html><script type="module" src="/shelf/_astro/s.js"></script>',
  );
  write('_astro/a.css', '@font-face{src:url(/shelf/_astro/f.woff2)}');
  write('_astro/s.js', 'import("/shelf/pagefind/pagefind.js")');
  write('pagefind/pagefind.js', 'export async function init() {}');
  write('pagefind/pagefind-worker.js', 'self.onmessage = () => {}');
  write('pagefind/pagefind-ui.css', '.x{}');
  write('pagefind/pagefind-entry.json', '{"version":"1.6.0"}');
  write('pagefind/index/en_1.pf_index', index);
  // A second bundle, merged into the first at search time: data only.
  write('pagefind-2/pagefind-entry.json', '{"version":"1.6.0"}');
  write('pagefind-2/index/en_1.pf_index', index);
  write('pagefind-2/filter/en_2.pf_filter', index);
  await makePortable(dir, '/shelf/');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('makePortable', () => {
  it('rewrites pages and stylesheets', () => {
    expect(read('index.html')).toContain('<link rel="stylesheet" href="_astro/a.css"></head><body><a href="papers/a/index.html">a</a>');
    expect(read('search/index.html')).toBe(
      '<!doctype html><html><head><script src="../_astro/portable-search.js" defer></script></head><body><div data-search data-base="../"></div></body></html>',
    );
    expect(read('_astro/a.css')).toBe('@font-face{src:url(../_astro/f.woff2)}');
  });

  it('replaces Pagefind with a classic script and data wrappers, in every bundle', async () => {
    expect((await listFiles(join(dir, 'pagefind'))).sort()).toEqual([
      'index/en_1.pf_index.js',
      'pagefind-entry.json.js',
      'pagefind.classic.js',
    ]);
    expect(await listFiles(join(dir, 'pagefind-2'))).toEqual([
      'filter/en_2.pf_filter.js',
      'index/en_1.pf_index.js',
      'pagefind-entry.json.js',
    ]);
    // Wrappers name their file from the archive root: two bundles hold files of the same name.
    expect(read('pagefind/index/en_1.pf_index.js')).toBe(
      `__pf_put("pagefind/index/en_1.pf_index","${Buffer.from(index).toString('base64')}");\n`,
    );
    expect(read('pagefind-2/index/en_1.pf_index.js')).toBe(
      `__pf_put("pagefind-2/index/en_1.pf_index","${Buffer.from(index).toString('base64')}");\n`,
    );
    expect(read('pagefind/pagefind.classic.js')).toContain('__papershelfPagefind');
  });

  it('writes the search UI as one classic script', () => {
    const bundle = read('_astro/portable-search.js');
    expect(bundle).not.toMatch(/^\s*(import|export)\b/m);
    expect(bundle).not.toContain('import(');
    expect(bundle).toContain('__pf_put');
    expect(existsSync(join(dir, '_astro', 's.js'))).toBe(true);
  });

  it('refuses a build without a search index', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'papershelf-portable-empty-'));
    await expect(makePortable(empty, '/')).rejects.toThrow(/pagefind\.js is missing/);
    rmSync(empty, { recursive: true });
  });
});
