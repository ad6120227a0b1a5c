/**
 * The pages of a build, planned (src/build/plan/plan-pages.ts): every page once, with its
 * fingerprint; against a last build, exactly the pages whose data changed, or whose file is no
 * longer the one it wrote, are rendered again.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BuildContext, LastBuild } from '../../src/build/build-context.ts';
import { Ledger } from '../../src/build/ledger.ts';
import { planPages, type PagePlan } from '../../src/build/plan/plan-pages.ts';
import { readSettings } from '../../src/settings/settings.ts';
import { buildArchive } from '../../src/site/archive/build-archive.ts';
import type { ArchiveData } from '../../src/site/archive/read-archive.ts';
import { pageFile } from '../../src/site/pages/site-pages.ts';
import type { Paper } from '../../src/schema/paper.ts';
import { makePaper } from '../support/make-paper.ts';
import { tempDir } from '../support/temp-dir.ts';

const papers: Paper[] = [
  makePaper('alpha', '2026-01-02', { title: 'Alpha' }),
  makePaper('beta', '2026-01-02', { title: 'Beta' }),
  makePaper('gamma', '2026-01-05', { title: 'Gamma' }),
];

const context = (last?: LastBuild): BuildContext => ({
  settings: readSettings({}, {}),
  content: '',
  cache: '',
  into: '',
  last,
  codeVersion: 'code',
  ledger: new Ledger(),
});

/** Plans the archive of `list` with `notes`, against `last`. */
function plan(list: readonly Paper[], notes: Record<string, string> = {}, last?: LastBuild): Promise<PagePlan> {
  const read: ArchiveData = { papers: [...list], definitions: [], notes };
  return planPages(context(last), read, buildArchive(read.papers, read.definitions, undefined, undefined, read.notes), Promise.resolve({}));
}

/** A last build of `planned`: a file for each of its pages in a folder, and a record of them. */
function lastBuildOf(planned: PagePlan): LastBuild {
  const dir = tempDir('papershelf-plan-');
  const files: Record<string, { size: number; mtimeMs: number; hash: string }> = {};
  for (const path of planned.fingerprints.keys()) {
    const file = join(dir, pageFile(path));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, path);
    const { size, mtimeMs } = statSync(file);
    files[pageFile(path)] = { size, mtimeMs, hash: '' };
  }
  return { dir, record: { pages: Object.fromEntries(planned.fingerprints), search: {}, cards: {}, files } };
}

const paths = (pages: PagePlan['toRender']) => pages.map((page) => page.path).sort();

describe('planPages', () => {
  it('plans every page once: those Astro renders and the data files, each with a fingerprint', async () => {
    const planned = await plan(papers, { gamma: 'A note.' });
    const all = [...planned.toRender, ...planned.toWrite];
    expect(new Set(all.map((page) => page.path)).size).toBe(all.length);
    expect(planned.fingerprints.size).toBe(all.length);
    expect(paths(planned.toRender)).toEqual(expect.arrayContaining(['papers/alpha/', 'papers/gamma/', 'days/2026-01-02/']));
    expect(paths(planned.toWrite)).toEqual(
      expect.arrayContaining(['papers/alpha/cite.bib', 'days/2026-01-02/papers.bib', 'sitemap-1.xml']),
    );
    expect(planned.toRender.every((page) => planned.pageJson.get(page.path) === JSON.stringify(page))).toBe(true);
    expect([...planned.notes.keys()]).toEqual(['gamma']);
    expect(planned.reused.size).toBe(0);
  });

  it('against a last build of the same data, renders nothing again', async () => {
    const last = lastBuildOf(await plan(papers));
    const again = await plan(papers, {}, last);
    expect(again.toRender).toEqual([]);
    expect(again.toWrite).toEqual([]);
    expect(again.reused.size).toBe(again.fingerprints.size);
  });

  it('renders again exactly what a changed title, a new note or a changed file touches', async () => {
    const last = lastBuildOf(await plan(papers));
    const retitled = papers.map((paper) => (paper.slug === 'beta' ? { ...paper, title: 'Beta, revised' } : paper));
    const changed = await plan(retitled, { gamma: 'A new note.' }, last);
    const rendered = paths(changed.toRender);
    // Beta's own page, its day, and its neighbour's page, which names it; Gamma for its note.
    expect(rendered).toEqual(expect.arrayContaining(['papers/beta/', 'days/2026-01-02/', 'papers/alpha/', 'papers/gamma/']));
    expect(rendered).not.toContain('days/2026-01-05/');
    expect(paths(changed.toWrite)).toEqual(expect.arrayContaining(['papers/beta/cite.bib', 'papers/beta.md']));
    expect(paths(changed.toWrite)).not.toContain('papers/gamma/cite.bib');
    // The Markdown copy holds the notes, so a new note writes it again; a neighbour's stays.
    expect(paths(changed.toWrite)).toContain('papers/gamma.md');
    expect(paths(changed.toWrite)).not.toContain('papers/alpha.md');

    // A file of the last build that is not the one it wrote is written again, data or not.
    writeFileSync(join(last.dir, 'days', '2026-01-05', 'index.html'), 'edited by hand');
    expect(paths((await plan(papers, {}, last)).toRender)).toEqual(['days/2026-01-05/']);
  });
});
