/**
 * The orchestrator itself (src/build/build.ts), called as a function: what one build makes,
 * what a second build of the same sources does (nothing it need not), and what a step that
 * fails leaves behind (nothing). The command line's own tests run the same function through
 * `papershelf build`.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, type BuildRequest } from '../../src/build/build.ts';
import { NotesError } from '../../src/notes/note-problems.ts';
import { readSettings } from '../../src/settings/settings.ts';
import { fingerprint } from '../support/fingerprint.ts';
import { tempDir } from '../support/temp-dir.ts';

const root = join(import.meta.dirname, '..', '..');
const source = join(root, 'test', 'fixtures', 'sources', 'jsonl-slice', 'papers.jsonl');
const work = tempDir('papershelf-orchestrator-');

/** A request for `out`, with settings as an empty environment gives them but for `env`. */
function request(out: string, extra: Partial<BuildRequest> = {}, env: NodeJS.ProcessEnv = {}): BuildRequest {
  return { settings: readSettings({}, env), sources: [source], read: {}, out, ...extra };
}

describe('build', () => {
  const out = join(work, 'site');

  it('makes the whole archive of the given sources: pages, data files, search, cards, offline files and the marker', async () => {
    const outcome = await build(request(out));
    const papers = readFileSync(source, 'utf8').trim().split('\n').length;
    expect(outcome.written?.added).toBe(papers);
    expect(outcome.built).toMatchObject({ bundles: 1, bundlesIndexed: 1, cards: papers + 1, cardsDrawn: papers + 1 });
    expect(outcome.built!.rendered).toBe(outcome.built!.pages);
    const slug = readdirSync(join(out, 'papers')).find((name) => !name.endsWith('.md'))!;
    for (const file of [
      'index.html',
      `papers/${slug}/index.html`,
      `papers/${slug}/cite.bib`,
      `papers/${slug}/cite.ris`,
      `papers/${slug}.md`,
      'sitemap.xml',
      'sitemap-1.xml',
      'feed.xml',
      'pagefind/pagefind.js',
      'sw.js',
      'offline.json',
      'papershelf-archive.jsonl.gz',
      '.papershelf-archive.json',
    ]) {
      expect(existsSync(join(out, file)), file).toBe(true);
    }
    // Nothing is left beside the archive: no scratch folder, no lock.
    expect(readdirSync(dirname(out)).filter((name) => name.startsWith('.site.'))).toEqual([]);
  });

  it('built again from the same sources, renders only the pages every build renders and leaves every byte as it was', async () => {
    const before = fingerprint(out);
    const outcome = await build(request(out));
    expect(outcome.built!.rendered).toBeLessThan(10);
    expect(outcome.built).toMatchObject({ bundlesIndexed: 0, cardsDrawn: 0 });
    expect(fingerprint(out)).toBe(before);
  });

  it('gives what a build into a new folder gives', async () => {
    const fresh = join(work, 'fresh');
    await build(request(fresh));
    expect(fingerprint(fresh)).toBe(fingerprint(out));
  });

  it('builds a content folder of its own sources, and stops on a note MDX cannot read, the destination as it was', async () => {
    const content = join(work, 'content');
    mkdirSync(join(content, 'sources'), { recursive: true });
    cpSync(join(root, 'content', 'taxonomies.yaml'), join(content, 'taxonomies.yaml'));
    cpSync(source, join(content, 'sources', 'papers.jsonl'));
    const site = join(work, 'from-content');
    const first = await build(request(site, { sources: [] }, { PAPERSHELF_CONTENT_DIR: content }));
    expect(first.written?.added).toBeGreaterThan(0);
    const before = fingerprint(site);

    const paper = join(
      content,
      'papers',
      readdirSync(join(content, 'papers')).find((name) => name.endsWith('.mdx'))!,
    );
    writeFileSync(paper, `${readFileSync(paper, 'utf8')}\nA note with <Unclosed markup.\n`);
    const failed = build(request(site, { sources: [] }, { PAPERSHELF_CONTENT_DIR: content }));
    await expect(failed).rejects.toBeInstanceOf(NotesError);
    expect(fingerprint(site)).toBe(before);
    expect(readdirSync(work).filter((name) => name.includes('papershelf'))).toEqual([]);
  });

  it('removes the search bundles an earlier, bigger build made beyond the last, and equals a fresh build', async () => {
    const lines = readFileSync(source, 'utf8').trim().split('\n');
    const fewer = join(work, 'fewer.jsonl');
    writeFileSync(fewer, `${lines.slice(0, 2).join('\n')}\n`);
    const small = { PAPERSHELF_SEARCH_BUNDLE_SIZE: '2' };
    const site = join(work, 'shrinking');
    await build(request(site, {}, small));
    const bundles = () =>
      readdirSync(site)
        .filter((name) => name.startsWith('pagefind'))
        .sort();
    expect(bundles().length).toBeGreaterThan(2);
    await build(request(site, { sources: [fewer] }, small));
    expect(bundles()).toEqual(['pagefind']);
    const fresh = join(work, 'shrunk-fresh');
    await build(request(fresh, { sources: [fewer] }, small));
    expect(fingerprint(site)).toBe(fingerprint(fresh));
  });
});
