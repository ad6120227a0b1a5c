/**
 * Tags as pages, through the real enrichment and archive: distinct tags get distinct pages,
 * tags with nothing to spell get pages headed as written, and no page, file or folder of the
 * site is named after a Windows device. Every link to a term reaches that term's page.
 */
import { describe, expect, it } from 'vitest';
import { buildArchive, type Archive } from '../../src/site/archive/build-archive.ts';
import { dataPages } from '../../src/site/pages/site-pages.ts';
import { paperPages } from '../../src/site/pages/paper-pages.ts';
import { termPages } from '../../src/site/pages/term-pages.ts';
import { paperCardPath } from '../../src/site/social-card.ts';
import { enrichPapers } from '../../src/ingest/enrich/enrich-papers.ts';
import { identityKey } from '../../src/ingest/merge/identity-key.ts';
import { entrySchema, type Paper } from '../../src/schema/paper.ts';

/** Papers enriched from entries as ingest enriches them: `[title, tags, categories?]`. */
function papersOf(entries: readonly (readonly [string, readonly string[], (readonly string[])?])[]): Paper[] {
  const merged = entries.map(([title, tags, categories = []], n) => {
    const entry = entrySchema.parse({ title, tags, categories, date: `2025-03-${String(10 + (n % 9)).padStart(2, '0')}` });
    return { key: identityKey(entry), entry, origins: [{ file: 'papers.jsonl', line: n + 1 }] };
  });
  return enrichPapers(merged, { taxonomies: [] }).map(({ paper }) => paper);
}

/** The tag pages of an archive: path → heading and the titles of its papers. */
function tagPages(archive: Archive): Record<string, { label: string; papers: string[] }> {
  const pages = termPages(archive).filter((page) => page.params.taxonomy === 'tags' && page.props.archivePage === null);
  return Object.fromEntries(
    pages.map((page) => [page.path, { label: page.props.term.label, papers: page.props.papers.map((paper) => paper.title).sort() }]),
  );
}

/** Where each paper page's tag links go. */
const tagLinks = (archive: Archive) =>
  Object.fromEntries(
    paperPages(archive).map((page) => [
      page.props.paper.title,
      page.props.termGroups.filter((group) => group.taxonomy === 'tags').flatMap((group) => group.terms.map((term) => `tags/${term.id}/`)),
    ]),
  );

describe('tag pages', () => {
  it('keep C, C++ and C# apart, each headed as written', () => {
    const archive = buildArchive(
      papersOf([
        ['A C paper', ['C']],
        ['A C++ paper', ['C++']],
        ['A C# paper', ['C#']],
      ]),
      [],
    );
    expect(tagPages(archive)).toEqual({
      'tags/c/': { label: 'C', papers: ['A C paper'] },
      'tags/c-plus-plus/': { label: 'C++', papers: ['A C++ paper'] },
      'tags/c-sharp/': { label: 'C#', papers: ['A C# paper'] },
    });
  });

  it('give `???` and `数学` pages of their own, headed as written', () => {
    const archive = buildArchive(
      papersOf([
        ['Punctuation', ['???']],
        ['Mathematics', ['数学']],
        ['Both', ['???', '数学']],
      ]),
      [],
    );
    const pages = tagPages(archive);
    expect(Object.values(pages).sort((a, b) => a.label.localeCompare(b.label))).toEqual([
      { label: '???', papers: ['Both', 'Punctuation'] },
      { label: '数学', papers: ['Both', 'Mathematics'] },
    ]);
    for (const path of Object.keys(pages)) expect(path).toMatch(/^tags\/tag-[0-9a-f]{8}\/$/);
    expect(tagLinks(archive)['Both']!.toSorted()).toEqual(Object.keys(pages).toSorted());
  });

  it('keep apart tags another paper would give the same slug, whichever paper came first', () => {
    const entries = [
      ['Spelled as a slug', ['machine-learning']],
      ['Spelled as words', ['Machine Learning']],
    ] as const;
    for (const order of [entries, [...entries].reverse()]) {
      const archive = buildArchive(papersOf(order), []);
      expect(tagPages(archive)).toEqual({
        'tags/machine-learning/': { label: 'machine-learning', papers: ['Spelled as a slug'] },
        'tags/machine-learning-dcaa/': { label: 'Machine Learning', papers: ['Spelled as words'] },
      });
      expect(tagLinks(archive)).toEqual({
        'Spelled as a slug': ['tags/machine-learning/'],
        'Spelled as words': ['tags/machine-learning-dcaa/'],
      });
    }
  });

  it('merge tags that differ in case or accents only, headed by the spelling most papers use, whichever paper came first', () => {
    const entries = [
      ['One', ['Bert', 'café']],
      ['Two', ['BERT', 'cafe']],
      ['Three', ['BERT', 'cafe']],
    ] as const;
    for (const order of [entries, [...entries].reverse()]) {
      expect(tagPages(buildArchive(papersOf(order), []))).toEqual({
        'tags/bert/': { label: 'BERT', papers: ['One', 'Three', 'Two'] },
        'tags/cafe/': { label: 'cafe', papers: ['One', 'Three', 'Two'] },
      });
    }
  });

  it('name no page, file or folder after a Windows device (`con`, `nul`, `aux`, …)', () => {
    const archive = buildArchive(
      papersOf([
        ['CON', ['con', 'Con.txt'], ['con']],
        ['nul', ['NUL'], ['nul.TXT']],
        ['Aux', ['aux'], ['aux']],
        ['COM0', ['com1', 'LPT9', 'prn'], ['cs.CL']],
      ]),
      [],
    );
    const paths = [
      ...dataPages(archive).flatMap((page) => [page.path, ...((page.props as { paths?: string[] }).paths ?? [])]),
      ...archive.days.flatMap((day) => day.papers.map((paper) => paperCardPath(paper.slug))),
    ];
    expect(paths).toContain('categories/cs.cl/');
    const devices = paths.filter((path) => path.split('/').some((segment) => /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(segment)));
    expect(devices).toEqual([]);
  });

  it('link every tag of a paper page, term list, feed and sitemap to a term page that exists', () => {
    const archive = buildArchive(
      papersOf([
        ['a', ['C', 'C++', 'BERT']],
        ['b', ['Bert', 'c#', '???']],
        ['c', ['machine-learning', 'Machine Learning', 'con']],
      ]),
      [],
    );
    const pages = dataPages(archive);
    const termPaths = new Set(pages.filter((page) => page.kind === 'term').map((page) => page.path));
    const linked = [
      ...Object.values(tagLinks(archive)).flat(),
      ...pages
        .filter((page) => page.kind === 'taxonomy' && page.params.taxonomy === 'tags')
        .flatMap((page) => (page.props as { terms: { id: string }[] }).terms.map((term) => `tags/${term.id}/`)),
      ...pages.filter((page) => page.kind === 'term-feed-atom').map((page) => page.path.replace(/feed\.xml$/, '')),
      ...pages
        .filter((page) => page.kind === 'sitemap')
        .flatMap((page) => (page.props as { paths: string[] }).paths.filter((path) => /^tags\/.+\/$/.test(path))),
    ];
    expect(new Set(linked)).toEqual(new Set([...termPaths].filter((path) => path.startsWith('tags/'))));
    expect(termPaths.size).toBe(8);
  });
});
