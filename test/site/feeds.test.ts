import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it, vi } from 'vitest';
import { atomFeed } from '../../src/site/formats/atom-feed.ts';
import { buildArchive } from '../../src/site/archive/build-archive.ts';
import { archiveFeed, FEED_SIZE, termFeedPages, type FeedProps } from '../../src/site/pages/feed-pages.ts';
import { jsonFeed } from '../../src/site/formats/json-feed.ts';
import type { Paper } from '../../src/schema/paper.ts';
import { makePaper } from '../support/make-paper.ts';

const SITE = 'https://shelf.example';
const HOSTILE = '</script><script>alert(1)</script> ]]> <b>x</b> & &amp; "q" \'s';

const paper = (slug: string, date: string, extra: Partial<Paper> = {}): Paper =>
  makePaper(slug, date, { title: `Title ${slug}`, abstract: `Abstract of ${slug}.`, authors: ['Ada Lovelace'], ...extra });

const topics = [
  {
    id: 'topics',
    label: 'Topics',
    description: 'What papers are about.',
    terms: [{ id: 'attention', label: 'Attention', description: '' }],
  },
];

// 3 days of 25 papers: day 3 is the newest. Every third paper is about attention.
const papers = [1, 2, 3].flatMap((day) =>
  Array.from({ length: 25 }, (_, n) =>
    paper(`p${day}-${String(n).padStart(2, '0')}`, `2025-03-1${day}`, {
      upvotes: 100 - n,
      terms: n % 3 === 0 ? { topics: ['attention'] } : {},
    }),
  ),
);
const hostile = paper('hostile', '2025-03-13', {
  id: '2501.00663',
  title: HOSTILE,
  abstract: `${HOSTILE}\nsecond line`,
  authors: ['<Eve & "Mallory">', 'Bob'],
  tags: ['<tag> & ]]>'],
  terms: { topics: ['attention'], tags: ['tag-and'] },
  upvotes: 1000,
});
const archive = buildArchive([...papers, hostile], topics);

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => ['entry', 'author', 'link', 'category'].includes(name),
});

interface AtomEntry {
  id: string;
  title: string;
  updated: string;
  summary?: string;
  link: { '@_rel': string; '@_href': string }[];
  author?: { name: string }[];
  category?: { '@_term': string; '@_scheme': string }[];
}

function parseAtom(text: string) {
  expect(XMLValidator.validate(text)).toBe(true);
  return xml.parse(text).feed as {
    id: string;
    title: string;
    updated: string;
    link: { '@_rel': string; '@_href': string }[];
    author?: unknown[];
    entry?: AtomEntry[];
  };
}

describe('feed data', () => {
  it('the archive feed lists its newest papers, newest day first, in listing order', () => {
    const feed = archiveFeed(archive);
    expect(feed.items).toHaveLength(FEED_SIZE);
    const expected = archive.days.flatMap((day) => day.papers).slice(0, FEED_SIZE);
    expect(feed.items.map((item) => item.slug)).toEqual(expected.map((p) => p.slug));
    expect(feed.items[0]!.slug).toBe('hostile');
    expect(feed.items.at(-1)!.date).toBe('2025-03-12');
  });

  it('a term feed lists exactly its newest papers, and its path sits beside the term page', () => {
    const pages = termFeedPages(archive, 'atom');
    const attention = pages.find((page) => page.path === 'topics/attention/feed.xml')!;
    expect(attention.params).toEqual({ taxonomy: 'topics', term: 'attention' });
    expect(attention.props.page).toBe('topics/attention/');
    expect(attention.props.items.map((item) => item.slug)).toEqual(archive.term('topics', 'attention')!.papers.map((p) => p.slug));
    expect(termFeedPages(archive, 'json').map((page) => page.path)).toContain('tags/tag-and/feed.json');
  });

  it('entries carry authors, the abstract, the arXiv page and the labels of their terms', () => {
    const item = archiveFeed(archive).items[0]!;
    expect(item).toMatchObject({
      title: HOSTILE,
      authors: ['<Eve & "Mallory">', 'Bob'],
      abstract: `${HOSTILE}\nsecond line`,
      external: 'https://arxiv.org/abs/2501.00663',
      categories: [
        { taxonomy: 'topics', label: 'Attention' },
        { taxonomy: 'tags', label: '<tag> & ]]>' },
      ],
    });
  });
});

describe('atomFeed', () => {
  const feed = parseAtom(atomFeed(archiveFeed(archive), SITE));

  it('has the elements Atom requires, with absolute links', () => {
    expect(feed.id).toBe(`${SITE}/feed.xml`);
    expect(feed.title).toBe('Papershelf');
    expect(feed.updated).toBe('2025-03-13T00:00:00Z');
    expect(feed.link).toContainEqual(expect.objectContaining({ '@_rel': 'self', '@_href': `${SITE}/feed.xml` }));
    expect(feed.link).toContainEqual(expect.objectContaining({ '@_rel': 'alternate', '@_href': `${SITE}/` }));
    // Every entry has authors, so the archive does not stand in for them.
    expect(feed.author).toBeUndefined();
    for (const entry of feed.entry!) {
      expect(entry.id).toMatch(/^https:\/\/shelf\.example\/papers\/[\w-]+\/$/);
      expect(entry.title).not.toBe('');
      expect(entry.updated).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
      expect(entry.link).toContainEqual(expect.objectContaining({ '@_rel': 'alternate', '@_href': entry.id }));
    }
  });

  it('lists the papers newest first', () => {
    expect(feed.entry!.map((entry) => entry.id)).toEqual(archiveFeed(archive).items.map((item) => `${SITE}/papers/${item.slug}/`));
  });

  it('keeps hostile text as text', () => {
    const entry = feed.entry![0]!;
    expect(entry.title).toBe(HOSTILE);
    expect(entry.summary).toBe(`${HOSTILE}\nsecond line`);
    expect(entry.author!.map((author) => author.name)).toEqual(['<Eve & "Mallory">', 'Bob']);
    expect(entry.category).toContainEqual({ '@_term': '<tag> & ]]>', '@_scheme': `${SITE}/tags/` });
    expect(entry.link).toContainEqual(expect.objectContaining({ '@_rel': 'related', '@_href': 'https://arxiv.org/abs/2501.00663' }));
  });

  it('names the archive as author when an entry has none', () => {
    const anonymous = buildArchive([paper('a', '2025-03-11', { authors: [], abstract: '' })], []);
    const parsed = parseAtom(atomFeed(archiveFeed(anonymous), SITE));
    expect(parsed.author).toEqual([{ name: 'Papershelf' }]);
    expect(parsed.entry![0]!.summary).toBeUndefined();
  });

  it('writes a valid feed for an empty archive', () => {
    const parsed = parseAtom(atomFeed(archiveFeed(buildArchive([], [])), SITE));
    expect(parsed.entry).toBeUndefined();
    expect(parsed.updated).toBe('1970-01-01T00:00:00Z');
  });
});

describe('jsonFeed', () => {
  const term = termFeedPages(archive, 'json').find((page) => page.path === 'topics/attention/feed.json')!.props;
  const feed = JSON.parse(jsonFeed(term, SITE)) as {
    version: string;
    title: string;
    home_page_url: string;
    feed_url: string;
    items: {
      id: string;
      url: string;
      title: string;
      content_text: string;
      summary?: string;
      date_published: string;
      authors?: { name: string }[];
      tags?: string[];
    }[];
  };

  it('is JSON Feed 1.1 with the term page and the feed itself as its links', () => {
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.title).toBe('Attention · Topics · Papershelf');
    expect(feed.home_page_url).toBe(`${SITE}/topics/attention/`);
    expect(feed.feed_url).toBe(`${SITE}/topics/attention/feed.json`);
  });

  it('lists exactly the term papers, newest first, each with id, url, title, content and date', () => {
    expect(feed.items.map((item) => item.url)).toEqual(archive.term('topics', 'attention')!.papers.map((p) => `${SITE}/papers/${p.slug}/`));
    for (const item of feed.items) {
      expect(item.id).toBe(item.url);
      expect(typeof item.title).toBe('string');
      expect(typeof item.content_text).toBe('string');
      expect(item.date_published).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
    }
  });

  it('keeps hostile text as text', () => {
    const item = feed.items[0]!;
    expect(item.title).toBe(HOSTILE);
    expect(item.summary).toBe(`${HOSTILE}\nsecond line`);
    expect(item.authors).toEqual([{ name: '<Eve & "Mallory">' }, { name: 'Bob' }]);
    expect(item.tags).toEqual(['Attention', '<tag> & ]]>']);
  });

  it('a feed with no papers is still a valid document', () => {
    const empty: FeedProps = { title: 'T', description: 'D', page: '', items: [] };
    expect(JSON.parse(jsonFeed(empty, SITE))).toMatchObject({ version: 'https://jsonfeed.org/version/1.1', items: [] });
  });
});

describe('under a base path', () => {
  it('every link carries the site and the base', async () => {
    vi.stubEnv('BASE_URL', '/shelf/');
    vi.resetModules();
    try {
      const atom = parseAtom((await import('../../src/site/formats/atom-feed.ts')).atomFeed(archiveFeed(archive), SITE));
      expect(atom.id).toBe(`${SITE}/shelf/feed.xml`);
      expect(atom.entry![0]!.id).toBe(`${SITE}/shelf/papers/hostile/`);
      const json = JSON.parse((await import('../../src/site/formats/json-feed.ts')).jsonFeed(archiveFeed(archive), SITE)) as {
        home_page_url: string;
        items: { url: string }[];
      };
      expect(json.home_page_url).toBe(`${SITE}/shelf/`);
      expect(json.items[0]!.url).toBe(`${SITE}/shelf/papers/hostile/`);
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });
});
