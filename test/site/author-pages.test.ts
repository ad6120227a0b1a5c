import { describe, expect, it } from 'vitest';
import { indexAuthors, normalizeAuthorName, authorLetter } from '../../src/site/archive/authors.ts';
import { buildArchive } from '../../src/site/archive/build-archive.ts';
import {
  authorFeedPages,
  authorLetterPages,
  authorPages,
  authorPagesOf,
  authorsIndex,
  SHOWN_COAUTHORS,
} from '../../src/site/pages/author-pages.ts';
import { dayPages } from '../../src/site/pages/day-pages.ts';
import { paperPages } from '../../src/site/pages/paper-pages.ts';
import type { Paper } from '../../src/schema/paper.ts';
import { makePaper } from '../support/make-paper.ts';

const topics = [{ id: 'topics', label: 'Topics', description: '', terms: [{ id: 'x', label: 'X', description: '' }] }];

/** A paper by `authors` listed on day `day` of March 2025. */
const by = (slug: string, day: number, authors: string[], extra: Partial<Paper> = {}) =>
  makePaper(slug, `2025-03-${String(day).padStart(2, '0')}`, { authors, ...extra });

describe('author names', () => {
  it('are matched after NFC and white space normalisation, and otherwise exactly', () => {
    expect(normalizeAuthorName('Jose\u0301  Garci\u0301a')).toBe('José García');
    expect(normalizeAuthorName('\tAda\u00a0\u2003Lovelace \n')).toBe('Ada Lovelace');
    const { authors } = indexAuthors([
      by('a', 1, ['Jacob Devlin']),
      by('b', 2, ['J. Devlin']),
      by('c', 3, ['Jacob  Devlin']),
      by('d', 4, ['JACOB DEVLIN']),
    ]);
    // Only the two spellings that normalise alike are one author; initials and case are not guessed at.
    expect(authors.map((author) => [author.name, author.papers.map((paper) => paper.slug)])).toEqual([['Jacob Devlin', ['a', 'c']]]);
  });

  it('count a paper once however often it names the author', () => {
    expect(indexAuthors([by('a', 1, ['Ada', 'Ada '])]).authors).toEqual([]);
  });

  it('without a letter are no author', () => {
    expect(indexAuthors([by('a', 1, [':', '1']), by('b', 2, [':', '1'])]).authors).toEqual([]);
  });

  it('are listed under their first letter, accents folded', () => {
    expect(['Émile Borel', 'ada', '李伟', '3M Team'].map(authorLetter)).toEqual(['e', 'a', 'other', 'other']);
  });
});

describe('author slugs', () => {
  it('are the readable name, or a hash for a name that folds to nothing', () => {
    const { authors } = indexAuthors([by('a', 1, ['Émile Borel', '李伟']), by('b', 2, ['Émile Borel', '李伟'])]);
    expect(authors.map((author) => author.slug)).toEqual(['emile-borel', expect.stringMatching(/^author-[0-9a-f]{8}$/)]);
  });

  it('never take the index’s address or a Windows device name', () => {
    const { authors } = indexAuthors([by('a', 1, ['Letters', 'Con']), by('b', 2, ['Letters', 'Con'])]);
    for (const author of authors) expect(author.slug).toMatch(/^(letters|con)-[0-9a-f]{6}$/);
  });

  it('of colliding names leave the plain slug to the name seen first, for good', () => {
    const early = [by('a', 1, ['Jose Garcia']), by('b', 2, ['Jose Garcia'])];
    const before = indexAuthors(early);
    expect(before.slugOfName.get('Jose Garcia')).toBe('jose-garcia');
    // A later spelling that slugs alike gets its own address; the first keeps its own.
    const after = indexAuthors([by('c', 5, ['José García']), by('d', 4, ['José García']), ...early].toReversed());
    expect(after.slugOfName.get('Jose Garcia')).toBe('jose-garcia');
    expect(after.slugOfName.get('José García')).toMatch(/^jose-garcia-[0-9a-f]{6}$/);
  });
});

describe('author pages', () => {
  /** 130 papers by Ada over 13 days, each with one of three co-authors; Bob also writes two papers alone. */
  function archive(extra: Paper[] = []) {
    const papers = Array.from({ length: 130 }, (_, n) =>
      by(`p${String(n).padStart(3, '0')}`, 1 + Math.floor(n / 10), ['Ada Lovelace', ['Bob', 'Cy', 'Di'][n % 3]!], {
        terms: { topics: n % 2 === 0 ? ['x'] : [] },
      }),
    );
    return buildArchive([...papers, by('solo1', 20, ['Bob']), by('solo2', 21, ['Bob']), by('once', 21, ['Eve']), ...extra], topics);
  }

  it('list every paper once, newest first, 50 to an archive page counted from the oldest', () => {
    const ada = archive().author('ada-lovelace')!;
    const pages = authorPagesOf(archive(), ada);
    expect(pages.map((page) => page.path)).toEqual(['authors/ada-lovelace/', 'authors/ada-lovelace/1/']);
    const [own, first] = pages;
    expect(own!.props.total).toBe(130);
    expect(own!.props.papers).toHaveLength(80);
    expect(first!.props.papers).toHaveLength(50);
    const listed = pages.flatMap((page) => page.props.papers.map((paper) => paper.slug));
    expect(new Set(listed).size).toBe(130);
    const dates = listed.map((slug) => archive().paper(slug)!.date!);
    expect(dates).toEqual(dates.toSorted().toReversed());
    expect(own!.props.older).toEqual({ archivePage: 1 });
    expect(first!.props.newer).toEqual({ archivePage: null });
  });

  it('name frequent co-authors with counts and links, and the terms published under', () => {
    const own = authorPagesOf(archive(), archive().author('ada-lovelace')!)[0]!.props;
    expect(own.coauthors).toEqual([
      { name: 'Bob', slug: 'bob', count: 44 },
      { name: 'Cy', slug: 'cy', count: 43 },
      { name: 'Di', slug: 'di', count: 43 },
    ]);
    expect(own.terms).toEqual([{ taxonomy: 'topics', label: 'Topics', terms: [{ id: 'x', label: 'X', count: 65 }] }]);
  });

  it('name at most a screenful of co-authors', () => {
    const crowd = Array.from({ length: 30 }, (_, n) => `Co ${n}`);
    const papers = [by('a', 1, ['Ada', ...crowd]), by('b', 2, ['Ada', ...crowd])];
    const own = authorPagesOf(buildArchive(papers, topics), buildArchive(papers, topics).author('ada')!)[0]!.props;
    expect(own.coauthors).toHaveLength(SHOWN_COAUTHORS);
  });

  it('exist only for names on two papers or more, and listings link exactly those', () => {
    const built = archive();
    expect(built.authors.map((author) => author.name)).toEqual(['Ada Lovelace', 'Bob', 'Cy', 'Di']);
    const latest = dayPages(built).find((page) => page.path === 'days/2025-03-21/')!;
    const authors = latest.props.papers.flatMap((paper) => paper.authors);
    expect(authors).toContainEqual({ name: 'Bob', slug: 'bob' });
    expect(authors).toContainEqual({ name: 'Eve', slug: null });
    const paper = paperPages(built).find((page) => page.path === 'papers/p000/')!;
    expect(paper.props.authors).toEqual([
      { name: 'Ada Lovelace', slug: 'ada-lovelace' },
      { name: 'Bob', slug: 'bob' },
    ]);
  });

  it('change with a new day only for the authors on it', () => {
    const propsOf = (built: ReturnType<typeof archive>) =>
      new Map(authorPages(built).map((page) => [page.path, JSON.stringify(page.props)]));
    const before = propsOf(archive());
    const after = propsOf(archive([by('new', 22, ['Cy', 'Zed']), by('new2', 22, ['Zed'])]));
    const changed = [...after].filter(([path, props]) => before.get(path) !== props).map(([path]) => path);
    expect(changed.toSorted()).toEqual(['authors/cy/', 'authors/zed/']);
  });

  it('have feeds of their listed papers and an index by letter', () => {
    const built = archive();
    const feed = authorFeedPages(built, 'atom').find((page) => page.path === 'authors/bob/feed.xml')!;
    expect(feed.props.items[0]!.slug).toBe('solo2');
    expect(feed.props.items.length).toBe(46);
    expect(authorLetterPages(built).map((page) => [page.path, page.props.authors.map((author) => author.name)])).toEqual([
      ['authors/letters/a/', ['Ada Lovelace']],
      ['authors/letters/b/', ['Bob']],
      ['authors/letters/c/', ['Cy']],
      ['authors/letters/d/', ['Di']],
    ]);
    expect(authorsIndex(built).prolific.map((author) => [author.name, author.count])).toEqual([
      ['Ada Lovelace', 130],
      ['Bob', 46],
      ['Cy', 43],
      ['Di', 43],
    ]);
  });
});
