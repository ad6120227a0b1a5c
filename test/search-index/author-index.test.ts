/**
 * The author index: its files made from the archive's authors, the rules by which the search page
 * picks the files a query needs and ranks what they hold, and the index written, kept and
 * searched as a build, a later build and the search page see it.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { searchFilesOf } from '../../src/build/offline/write-offline-files.ts';
import { devSearchIndex } from '../../src/build/search/dev-search-index.ts';
import {
  AUTHOR_INDEX,
  AUTHOR_MANIFEST,
  nameWords,
  shardAuthors,
  shardFile,
  shardsFor,
  type AuthorEntry,
  type AuthorManifest,
} from '../../src/build/search/author-shards.ts';
import { IN_SEARCH_BUNDLE } from '../../src/build/search/search-bundles.ts';
import { authorIndexFiles } from '../../src/build/search/write-author-index.ts';
import { writeSearch } from '../../src/build/search/write-search.ts';
import type { Paper } from '../../src/schema/paper.ts';
import { openAuthorIndex } from '../../src/scripts/search/author-search.ts';
import { rankAuthors } from '../../src/scripts/search/rank-authors.ts';
import { buildArchive } from '../../src/site/archive/build-archive.ts';
import { makePaper } from '../support/make-paper.ts';
import { tempDir } from '../support/temp-dir.ts';

/** Papers by `authors`, one a day from 1 March 2025, each a paper of every author on its list. */
function papersBy(lists: readonly (readonly string[])[]): Paper[] {
  return lists.map((authors, index) =>
    makePaper(`paper-${String(index).padStart(3, '0')}`, `2025-03-${String(1 + (index % 28)).padStart(2, '0')}`, {
      authors: [...authors],
    }),
  );
}

const entry = (name: string, papers = 2): AuthorEntry => [name, nameWords(name).join('-'), papers];

describe('nameWords', () => {
  it('folds accents and case and splits at anything but letters and digits, each word once', () => {
    expect(nameWords('José  García-López')).toEqual(['jose', 'garcia', 'lopez']);
    expect(nameWords('Zoe\u0308 Pagewalker')).toEqual(['zoe', 'pagewalker']);
    expect(nameWords('Liu Liu')).toEqual(['liu']);
    expect(nameWords(' — ')).toEqual([]);
  });
});

describe('shardAuthors and shardsFor', () => {
  // Many names beginning alike, so that small files are cut again, and some words shorter than a key.
  const surnames = ['Li', 'Lin', 'Liu', 'Lim', 'Lu', 'Luo', 'Wang', 'Wan', 'Wu', 'Xu', 'J', 'Ng', '王伟', 'Łukasz'];
  const given = ['Yang', 'Yan', 'Wei', 'Jun', 'José', 'Ana', 'Q'];
  const entries = surnames.flatMap((surname) => given.map((name) => entry(`${name} ${surname}`)));
  const shards = shardAuthors(entries, 5);
  const keys = [...shards.keys()];

  it('cut a file of too many authors by one more letter, keeping words no longer than its key in it', () => {
    expect(keys).toEqual([...keys].sort());
    expect(keys).toContain('li');
    expect(keys).toContain('liu');
    expect(keys).toContain('j');
    for (const authors of shards.values()) expect(new Set(authors).size).toBe(authors.length);
    // With room for everyone, one file per two first letters.
    expect([...shardAuthors(entries).keys()]).toContain('ya');
    expect([...shardAuthors(entries).keys()]).not.toContain('yan');
  });

  it('lead every beginning of every word of every name to a few files that hold its author', () => {
    for (const author of entries) {
      for (const word of nameWords(author[0])) {
        for (let length = 1; length <= [...word].length; length += 1) {
          const typed = [...word].slice(0, length).join('');
          const holding = shardsFor(typed, keys).flatMap((key) => shards.get(key) ?? []);
          // A single letter may need many files (the search page then shows no authors); longer beginnings need few.
          if (length >= 2) expect(shardsFor(typed, keys).length, typed).toBeLessThanOrEqual(8);
          expect(holding, `${author[0]} by ${typed}`).toContain(author);
        }
      }
    }
  });

  it('name files by their key, in hex when it is not plain ASCII', () => {
    expect(shardFile('li', 'abc')).toBe('li.abc.json');
    expect(shardFile('王伟', 'abc')).toBe('u-738b-4f1f.abc.json');
    expect(shardFile('łu', 'abc')).toBe('u-142-75.abc.json');
  });
});

describe('rankAuthors', () => {
  const authors = [
    entry('Liu Yang', 3),
    entry('Yang Liu', 40),
    entry('Yang Liu Wei', 90),
    entry('Liuba Petrova', 200),
    entry('Wei Liu', 12),
    entry('José García', 2),
    entry('Jose Garcia Lopez', 5),
    entry('Liu Liu', 7),
  ];
  const names = (query: string) => rankAuthors(query, authors).map((author) => author.name);

  it('puts the whole name typed first, then names with more words typed whole, then more papers', () => {
    expect(names('Yang Liu')).toEqual(['Yang Liu', 'Liu Yang', 'Yang Liu Wei']);
    expect(names('liu')).toEqual(['Yang Liu Wei', 'Yang Liu', 'Wei Liu', 'Liu Liu', 'Liu Yang', 'Liuba Petrova']);
    expect(names('li')).toEqual(['Liuba Petrova', 'Yang Liu Wei', 'Yang Liu', 'Wei Liu', 'Liu Liu', 'Liu Yang']);
    expect(names('liu liu')).toEqual(['Liu Liu', 'Yang Liu Wei', 'Yang Liu', 'Wei Liu', 'Liu Yang', 'Liuba Petrova']);
  });

  it('finds accented names typed without accents, and the other way round', () => {
    expect(names('jose garcia')).toEqual(['José García', 'Jose Garcia Lopez']);
    expect(names('García')).toEqual(['Jose Garcia Lopez', 'José García']);
  });

  it('finds no one when a word of the query begins no word of the name', () => {
    expect(names('liu attention')).toEqual([]);
    expect(names('')).toEqual([]);
  });

  it('lists an author once however many files held them, with their page and papers', () => {
    expect(rankAuthors('Wei', [...authors, ...authors])).toEqual([
      { name: 'Yang Liu Wei', slug: 'yang-liu-wei', papers: 90 },
      { name: 'Wei Liu', slug: 'wei-liu', papers: 12 },
    ]);
  });
});

describe('the author index of an archive', () => {
  const archive = buildArchive(
    papersBy([
      ['Yang Liu', 'José García'],
      ['Yang  Liu', 'Jose\u0301 García', 'Ada Lovelace'],
      ['Yang Liu', 'Ada Lovelace'],
      ['Once Only'],
    ]),
    [],
  );
  const files = authorIndexFiles(archive);
  const manifest = JSON.parse(files.get(AUTHOR_MANIFEST)!) as AuthorManifest;

  it('holds every author with a page, by the normalised name their page shows, in files the manifest names', () => {
    expect(manifest.keys).toEqual(['ad', 'ga', 'jo', 'li', 'lo', 'ya']);
    expect([...files.keys()].sort()).toEqual([AUTHOR_MANIFEST, ...manifest.keys.map((key) => shardFile(key, manifest.version))].sort());
    expect(JSON.parse(files.get(shardFile('li', manifest.version))!)).toEqual([['Yang Liu', 'yang-liu', 3]]);
    expect(JSON.parse(files.get(shardFile('ga', manifest.version))!)).toEqual([['José García', 'jose-garcia', 2]]);
    expect([...files.values()].join('')).not.toContain('Once');
  });

  it('is the same for the same authors, and another version when they change', () => {
    expect([...authorIndexFiles(buildArchive([...archive.papers], []))]).toEqual([...files]);
    const more = buildArchive([...archive.papers, ...papersBy([['Ada Lovelace']]).map((paper) => ({ ...paper, slug: 'late' }))], []);
    expect((JSON.parse(authorIndexFiles(more).get(AUTHOR_MANIFEST)!) as AuthorManifest).version).not.toBe(manifest.version);
  });

  it('lives in a folder the site serves, caches and makes portable as it does the search bundles', () => {
    expect(IN_SEARCH_BUNDLE.test(AUTHOR_INDEX)).toBe(true);
    expect(IN_SEARCH_BUNDLE.test(`${AUTHOR_INDEX}${AUTHOR_MANIFEST}`)).toBe(true);
    expect(IN_SEARCH_BUNDLE.test('search-authorsx/a.json')).toBe(false);
    const search = searchFilesOf(
      [
        { path: 'pagefind/pagefind.js', bytes: 10 },
        { path: `${AUTHOR_INDEX}${AUTHOR_MANIFEST}`, bytes: 10 },
        { path: `${AUTHOR_INDEX}li.v.json`, bytes: 10 },
      ],
      '/',
    );
    expect(search).toEqual(['/pagefind/pagefind.js', '/search-authors/authors.json', '/search-authors/li.v.json']);
    const large = searchFilesOf(
      [
        { path: `${AUTHOR_INDEX}${AUTHOR_MANIFEST}`, bytes: 10 },
        { path: `${AUTHOR_INDEX}li.v.json`, bytes: 3 * 1024 * 1024 },
      ],
      '/',
    );
    expect(large).toEqual(['/search-authors/authors.json']);
  });
});

describe('writeSearch and the search page', () => {
  const papers = papersBy([['Yang Liu', 'Zoë Pagewalker'], ['Yang Liu', 'Zoe\u0308 Pagewalker', 'Liu Yang'], ['Liu Yang'], ['Yang Liu']]);
  const archive = buildArchive(papers, []);

  afterAll(async () => {
    await pagefind.close();
  });

  it('writes the author index beside the bundles, keeps it while its authors stay, and writes it again when they change', async () => {
    const work = tempDir('papershelf-author-index-');
    const first = await writeSearch(archive, {}, { into: join(work, 'one'), bundleSize: 100, codeVersion: 'v' });
    expect(Object.keys(first.hashes)).toEqual(['pagefind/', AUTHOR_INDEX]);
    expect(first).toMatchObject({ bundles: 1, indexed: 1, kept: [] });
    const written = readdirSync(join(work, 'one', AUTHOR_INDEX)).sort();
    expect(written).toEqual([...authorIndexFiles(archive).keys()].sort());
    // Author pages are no search results: Pagefind holds the papers alone.
    const entry = JSON.parse(readFileSync(join(work, 'one', 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(entry.languages['en']?.page_count).toBe(papers.length);

    const last = { dir: join(work, 'one'), record: { pages: {}, search: first.hashes, cards: {}, files: {} } };
    const again = await writeSearch(archive, {}, { into: join(work, 'two'), bundleSize: 100, codeVersion: 'v', last });
    expect(again).toMatchObject({ indexed: 0, kept: ['pagefind/', AUTHOR_INDEX] });
    expect(existsSync(join(work, 'two', AUTHOR_INDEX))).toBe(false);

    const grown = buildArchive([...papers, makePaper('paper-late', '2025-03-20', { authors: ['Ada Lovelace', 'Liu Yang'] })], []);
    const later = await writeSearch(grown, {}, { into: join(work, 'three'), bundleSize: 100, codeVersion: 'v', last });
    expect(later.kept).toEqual([]);
    expect(later.hashes[AUTHOR_INDEX]).not.toBe(first.hashes[AUTHOR_INDEX]);
    expect(readdirSync(join(work, 'three', AUTHOR_INDEX)).sort()).toEqual([...authorIndexFiles(grown).keys()].sort());
  });

  it('are searched by the search page, fetching the manifest once and only the files a query needs', async () => {
    const work = tempDir('papershelf-author-search-');
    await writeSearch(archive, {}, { into: work, bundleSize: 100, codeVersion: 'v' });
    const asked: string[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = async (input: RequestInfo | URL) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      asked.push(url.pathname + url.search.replace(/\d+/, 'N'));
      try {
        return new Response(await readFile(join(work, decodeURIComponent(url.pathname))));
      } catch {
        return new Response(null, { status: 404 });
      }
    };
    try {
      const authors = openAuthorIndex('http://site.test/');
      expect(await authors.search('Yang Liu')).toEqual([
        { name: 'Yang Liu', slug: 'yang-liu', papers: 3 },
        { name: 'Liu Yang', slug: 'liu-yang', papers: 2 },
      ]);
      expect(await authors.search('zoe pagewalk')).toEqual([{ name: 'Zoë Pagewalker', slug: 'zoe-pagewalker', papers: 2 }]);
      expect(await authors.search('liu')).toHaveLength(2);
      expect(await authors.search('nobody')).toEqual([]);
      expect(await authors.search('  ')).toEqual([]);
      const { version } = JSON.parse(await readFile(join(work, AUTHOR_INDEX, AUTHOR_MANIFEST), 'utf8')) as AuthorManifest;
      expect(asked).toEqual([
        `/${AUTHOR_INDEX}${AUTHOR_MANIFEST}?ts=N`,
        `/${AUTHOR_INDEX}${shardFile('ya', version)}`,
        `/${AUTHOR_INDEX}${shardFile('pa', version)}`,
        `/${AUTHOR_INDEX}${shardFile('li', version)}`,
      ]);
    } finally {
      globalThis.fetch = realFetch;
    }
  });
});

it('is served by the dev server beside the bundles, from the content folder as it is', async () => {
  const root = join(import.meta.dirname, '..', '..');
  const content = tempDir('papershelf-dev-authors-');
  mkdirSync(join(content, 'papers'));
  copyFileSync(join(root, 'content', 'taxonomies.yaml'), join(content, 'taxonomies.yaml'));
  const seed = join(root, 'content', 'papers');
  for (const name of readdirSync(seed)
    .filter((file) => file.endsWith('.mdx'))
    .sort()
    .slice(0, 2)) {
    const text = readFileSync(join(seed, name), 'utf8');
    expect(text).toContain('\nauthors: []\n');
    writeFileSync(join(content, 'papers', name), text.replace('\nauthors: []\n', '\nauthors: ["Ada Lovelace"]\n'));
  }
  const index = devSearchIndex({ content, bundleSize: 20_000 });
  try {
    const manifest = JSON.parse(Buffer.from((await index.fileAt(`${AUTHOR_INDEX}${AUTHOR_MANIFEST}`))!).toString('utf8')) as AuthorManifest;
    expect(manifest.keys).toEqual(['ad', 'lo']);
    const shard = await index.fileAt(`${AUTHOR_INDEX}${shardFile('lo', manifest.version)}`);
    expect(JSON.parse(Buffer.from(shard!).toString('utf8'))).toEqual([['Ada Lovelace', 'ada-lovelace', 2]]);
    expect(await index.fileAt(`${AUTHOR_INDEX}../pagefind/pagefind.js`)).toBeNull();
  } finally {
    await index.close();
  }
});
