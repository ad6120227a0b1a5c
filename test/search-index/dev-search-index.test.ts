/**
 * The dev server's search index, in this process: it answers only files of its bundles (never a
 * path that climbs out), keeps the last index when a paper cannot be read, saying why, indexes
 * again after a change, and removes its folder when closed.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { devSearchIndex } from '../../src/build/search/dev-search-index.ts';
import { tempDir } from '../support/temp-dir.ts';

const root = join(import.meta.dirname, '..', '..');
const seed = join(root, 'content', 'papers');

/** The page count in an index's entry file. */
const pageCount = (bytes: Uint8Array | null): number =>
  Object.values(
    (JSON.parse(Buffer.from(bytes!).toString('utf8')) as { languages: Record<string, { page_count: number }> }).languages,
  ).reduce((sum, language) => sum + language.page_count, 0);

it('serves its bundles only, keeps the last index through a bad paper, and cleans up', async () => {
  const content = tempDir('papershelf-dev-index-');
  mkdirSync(join(content, 'papers'));
  copyFileSync(join(root, 'content', 'taxonomies.yaml'), join(content, 'taxonomies.yaml'));
  const [first, second] = readdirSync(seed)
    .filter((name) => name.endsWith('.mdx'))
    .sort();
  copyFileSync(join(seed, first!), join(content, 'papers', first!));
  const errors: unknown[] = [];
  const index = devSearchIndex({ content, bundleSize: 20_000, onError: (error) => errors.push(error) });
  try {
    // Asked before the first index is ready: waits for it.
    expect(pageCount(await index.fileAt('pagefind/pagefind-entry.json'))).toBe(1);
    expect(await index.fileAt('pagefind/pagefind.js')).not.toBeNull();
    for (const path of [
      'pagefind/../../../package.json',
      'pagefind/./pagefind.js',
      'papers/x/index.html',
      'pagefind-2/pagefind-entry.json',
    ])
      expect(await index.fileAt(path), path).toBeNull();

    writeFileSync(join(content, 'papers', 'broken.mdx'), '---\ntitle: [unclosed\n---\n');
    index.changed();
    await index.settled();
    expect(errors).toHaveLength(1);
    expect(pageCount(await index.fileAt('pagefind/pagefind-entry.json'))).toBe(1);

    // Fixed, and a paper more: indexed again.
    rmSync(join(content, 'papers', 'broken.mdx'));
    copyFileSync(join(seed, second!), join(content, 'papers', second!));
    index.changed();
    await index.settled();
    expect(errors).toHaveLength(1);
    expect(pageCount(await index.fileAt('pagefind/pagefind-entry.json'))).toBe(2);
  } finally {
    await index.close();
  }
  expect(existsSync(join(root, 'node_modules', '.cache', 'papershelf', 'dev-search', String(process.pid)))).toBe(false);
});
