/** The citation files as pages: one BibTeX, CSL-JSON and RIS per paper, one `.bib` and one `.ris` per listing page with exactly its papers. */
import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../src/site/archive/build-archive.ts';
import {
  listingBibtexName,
  listingBibtexPages,
  listingRisName,
  listingRisPages,
  paperCitationPages,
} from '../../src/site/pages/citation-pages.ts';
import { dataPages, pageFile } from '../../src/site/pages/site-pages.ts';
import { dayPages } from '../../src/site/pages/day-pages.ts';
import { sitemapPages } from '../../src/site/pages/sitemap-pages.ts';
import { termPages } from '../../src/site/pages/term-pages.ts';
import { makePaper } from '../support/make-paper.ts';

const topics = [{ id: 'topics', label: 'Topics', description: '', terms: [{ id: 'x', label: 'X', description: '' }] }];

/** Four days of 40 papers, all in topic `x`, so that it has archive pages. */
const archive = buildArchive(
  Array.from({ length: 160 }, (_, n) =>
    makePaper(`p${String(n).padStart(3, '0')}`, `2025-03-0${1 + Math.floor(n / 40)}`, { terms: { topics: ['x'] }, upvotes: n }),
  ),
  topics,
);

describe('citation pages', () => {
  it('gives every paper a BibTeX, a CSL-JSON and a RIS file beside its page', () => {
    const names = { bibtex: 'cite.bib', csl: 'cite.json', ris: 'cite.ris' } as const;
    for (const format of ['bibtex', 'csl', 'ris'] as const) {
      const pages = paperCitationPages(archive, format);
      expect(pages).toHaveLength(160);
      expect(pages[0]).toMatchObject({ path: `papers/${pages[0]!.params['slug']}/${names[format]}` });
      expect(pages.every((page) => page.props.paper.slug === page.params['slug'])).toBe(true);
    }
  });

  it('gives every day and term page a .bib with exactly its papers, in its order', () => {
    for (const listings of [dayPages(archive), termPages(archive)]) {
      const files = listingBibtexPages(archive, listings);
      expect(files).toHaveLength(listings.length);
      listings.forEach((listing, index) => {
        const file = files[index]!;
        expect(file.path).toBe(`${listing.path}papers.bib`);
        expect(file.params).toEqual(listing.params);
        expect(file.props.papers.map((paper) => paper.slug)).toEqual(listing.props.papers.map((paper) => paper.slug));
      });
    }
    const termFiles = listingBibtexPages(archive, termPages(archive)).map((file) => file.path);
    expect(termFiles).toEqual(['topics/x/papers.bib', 'topics/x/1/papers.bib', 'topics/x/2/papers.bib']);
  });

  it('gives every listing a .ris beside its .bib, with the same papers', () => {
    for (const listings of [dayPages(archive), termPages(archive)]) {
      const bib = listingBibtexPages(archive, listings);
      const ris = listingRisPages(archive, listings);
      expect(ris.map((file) => file.path)).toEqual(bib.map((file) => file.path.replace(/papers\.bib$/, 'papers.ris')));
      expect(ris.map((file) => file.props)).toEqual(bib.map((file) => file.props));
    }
  });

  it('are data pages with files of their own, and not in the sitemaps', () => {
    const paths = dataPages(archive).map((page) => page.path);
    expect(new Set(paths.map(pageFile)).size).toBe(paths.length);
    expect(paths).toEqual(
      expect.arrayContaining([
        'papers/p000/cite.bib',
        'papers/p000/cite.json',
        'papers/p000/cite.ris',
        'days/2025-03-01/papers.bib',
        'days/2025-03-01/papers.ris',
        'topics/x/1/papers.bib',
        'topics/x/1/papers.ris',
      ]),
    );
    const mapped = sitemapPages(archive).flatMap((page) => page.props.paths);
    expect(mapped.filter((path) => /\.(bib|json|ris|md)$/.test(path))).toEqual([]);
  });

  it('names a listing download after its page', () => {
    expect(listingBibtexName('days/2025-03-19/')).toBe('papershelf-days-2025-03-19.bib');
    expect(listingBibtexName('topics/attention/2/')).toBe('papershelf-topics-attention-2.bib');
    expect(listingRisName('days/2025-03-19/')).toBe('papershelf-days-2025-03-19.ris');
  });
});
