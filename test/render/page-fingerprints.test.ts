/** Page fingerprints: equal props give equal fingerprints, and any change to a shared paper changes every page that holds it. */
import { describe, expect, it } from 'vitest';
import { buildArchive, type Archive } from '../../src/site/archive/build-archive.ts';
import { citedPaper } from '../../src/site/formats/cited-paper.ts';
import { dataPages, navigation } from '../../src/site/pages/site-pages.ts';
import { pageFingerprints, sharedObjects } from '../../src/build/render/page-fingerprints.ts';
import { planText } from '../../src/build/render/render-shards.ts';
import { isFileKind } from '../../src/site/pages/page-files.ts';
import type { Paper } from '../../src/schema/paper.ts';
import { makePaper } from '../support/make-paper.ts';

const topics = [{ id: 'topics', label: 'Topics', description: '', terms: [{ id: 'x', label: 'X', description: '' }] }];

const papersOf = (abstractOf: (n: number) => string): Paper[] =>
  Array.from({ length: 120 }, (_, n) =>
    makePaper(`p${String(n).padStart(3, '0')}`, `2025-03-0${1 + Math.floor(n / 40)}`, {
      terms: { topics: ['x'] },
      upvotes: n,
      abstract: abstractOf(n),
    }),
  );

async function fingerprintsOf(papers: Paper[], withShared: boolean): Promise<{ archive: Archive; fingerprints: Map<string, string> }> {
  const archive = buildArchive(papers, topics);
  const shared = withShared ? sharedObjects(new Set<object>(papers.flatMap((paper) => [paper, citedPaper(paper)]))) : undefined;
  return { archive, fingerprints: await pageFingerprints(dataPages(archive), navigation(archive), {}, 'salt', shared) };
}

describe('pageFingerprints', () => {
  it('gives equal pages equal fingerprints, shared objects or not, and tells papers apart', async () => {
    for (const withShared of [false, true]) {
      const one = (
        await fingerprintsOf(
          papersOf((n) => `Abstract ${n}.`),
          withShared,
        )
      ).fingerprints;
      const two = (
        await fingerprintsOf(
          papersOf((n) => `Abstract ${n}.`),
          withShared,
        )
      ).fingerprints;
      expect(two).toEqual(one);
      const paperPages = [...one].filter(([path]) => /^papers\/[^/]+\/$/.test(path));
      expect(paperPages).toHaveLength(120);
      expect(new Set(paperPages.map(([, value]) => value)).size).toBe(120);
    }
  });

  it('changes exactly the pages that show a changed abstract, when papers are hashed once', async () => {
    const before = (
      await fingerprintsOf(
        papersOf((n) => `Abstract ${n}.`),
        true,
      )
    ).fingerprints;
    const after = (
      await fingerprintsOf(
        papersOf((n) => (n === 7 ? 'A new abstract.' : `Abstract ${n}.`)),
        true,
      )
    ).fingerprints;
    const changed = [...before.keys()].filter((path) => before.get(path) !== after.get(path)).sort();
    // The paper's page, its Markdown copy, its citation files, and the .bib and .ris of its day and of the term page that lists it.
    expect(changed).toEqual([
      'days/2025-03-01/papers.bib',
      'days/2025-03-01/papers.ris',
      'papers/p007.md',
      'papers/p007/',
      'papers/p007/cite.bib',
      'papers/p007/cite.json',
      'papers/p007/cite.ris',
      expect.stringMatching(/^topics\/x\/(\d+\/)?papers\.bib$/),
      expect.stringMatching(/^topics\/x\/(\d+\/)?papers\.ris$/),
    ]);
  });

  it('changes a paper’s page and Markdown copy, and nothing else, when only its notes change', async () => {
    const papers = papersOf((n) => `Abstract ${n}.`);
    const printsWith = (notes: Record<string, string>) => {
      const archive = buildArchive(papers, topics, undefined, undefined, notes);
      return pageFingerprints(dataPages(archive), navigation(archive), notes, 'salt');
    };
    const before = await printsWith({ p007: 'Old notes.' });
    const after = await printsWith({ p007: 'New notes.' });
    expect([...before.keys()].filter((path) => before.get(path) !== after.get(path)).sort()).toEqual(['papers/p007.md', 'papers/p007/']);
  });

  it('gives the same fingerprints whether a paper object is shared or a copy of it', async () => {
    const papers = papersOf((n) => `Abstract ${n}.`);
    const archive = buildArchive(papers, topics);
    const pages = dataPages(archive);
    const shared = sharedObjects(new Set<object>(papers.flatMap((paper) => [paper, citedPaper(paper)])));
    const once = await pageFingerprints(pages, navigation(archive), {}, 'salt', shared);
    // The same props rebuilt from copies: equal values, other objects; a later build sees those.
    const copies = papers.map((paper) => structuredClone(paper));
    const again = buildArchive(copies, topics);
    const sharedAgain = sharedObjects(new Set<object>(copies.flatMap((paper) => [paper, citedPaper(paper)])));
    expect(await pageFingerprints(dataPages(again), navigation(again), {}, 'salt', sharedAgain)).toEqual(once);
  });

  it('keeps the JSON of pages Astro renders, up to its limit, for a render plan equal to serializing it whole', async () => {
    const papers = papersOf((n) => `Abstract ${n} — with “quotes” and </script>.`);
    const archive = buildArchive(papers, topics);
    const pages = dataPages(archive);
    const rendered = pages.filter((page) => !isFileKind(page.kind));
    const kept = { json: new Map<string, string>(), limit: 50 };
    const fingerprints = await pageFingerprints(pages, navigation(archive), {}, 'salt', undefined, kept);
    expect(kept.json.size).toBe(50);
    expect([...kept.json.keys()].every((path) => rendered.some((page) => page.path === path))).toBe(true);
    // Keeping changes no fingerprint.
    expect(await pageFingerprints(pages, navigation(archive), {}, 'salt')).toEqual(fingerprints);
    const plan = { site: { navigation: navigation(archive) } as never, pages: rendered };
    expect(planText(plan, kept.json)).toBe(JSON.stringify(plan));
    expect(planText(plan)).toBe(JSON.stringify(plan));
  });
});
