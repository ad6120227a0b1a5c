/** The search record of a paper, and how an archive is cut into search bundles. */
import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../src/site/archive/build-archive.ts';
import { chronologicalPapers, planSearchBundles } from '../../src/build/search/plan-search-bundles.ts';
import { searchBundles } from '../../src/build/search/search-bundles.ts';
import { recordText, searchRecord } from '../../src/build/search/search-record.ts';
import type { Paper } from '../../src/schema/paper.ts';
import { makePaper } from '../support/make-paper.ts';

const paper = (slug: string, date: string, extra: Partial<Paper> = {}): Paper =>
  makePaper(slug, date, { title: `Paper ${slug}`, ...extra });

const topics = [
  {
    id: 'topics',
    label: 'Topics',
    description: 'What papers are about.',
    terms: [
      { id: 'attention', label: 'Attention', description: 'Attention.' },
      { id: 'state-space-models', label: 'State-space models', description: 'SSMs.' },
    ],
  },
  { id: 'domains', label: 'Domains', description: 'Fields.', terms: [{ id: 'language', label: 'Language', description: 'Text.' }] },
];

/** What Pagefind makes of record text: its marker words read and dropped, zero-width spaces removed, white space collapsed. */
const indexedText = (content: string) =>
  content
    .split(/\s+/)
    .filter((word) => word !== '' && !/^___(?:END_)?PAGEFIND_/.test(word))
    .map((word) => word.replaceAll('\u200b', ''))
    .join(' ');

describe('searchRecord', () => {
  const titans = paper('2501.00663', '2025-03-19', {
    id: '2501.00663',
    title: 'Titans: Learning to Memorize at Test Time',
    abstract: 'Over more than a decade there has been an extensive research effort.',
    authors: ['Ali Behrouz', 'Peilin Zhong', 'Vahab Mirrokni'],
    categories: ['cs.LG'],
    tags: ['Reading group'],
    terms: { topics: ['attention', 'state-space-models'], domains: ['language'], categories: ['cs.lg'], tags: ['reading-group'] },
  });
  const archive = buildArchive([titans], topics);

  it('holds what the paper page indexed: id, title, authors and abstract as sentences, with labels as filters and tags', () => {
    const record = searchRecord(titans, archive);
    expect(record.url).toBe('/papers/2501.00663/');
    expect(record.language).toBe('en');
    expect(indexedText(record.content)).toBe(
      'arXiv:2501.00663. Titans: Learning to Memorize at Test Time. Ali Behrouz, Peilin Zhong, Vahab Mirrokni. Over more than a decade there has been an extensive research effort.',
    );
    expect(record.meta).toEqual({
      title: 'Titans: Learning to Memorize at Test Time',
      date: '2025-03-19',
      tags: 'Attention · State-space models · Language · cs.LG · Reading group',
    });
    expect(record.filters).toEqual({
      topics: ['Attention', 'State-space models'],
      domains: ['Language'],
      categories: ['cs.LG'],
      tags: ['Reading group'],
      year: ['2025'],
    });
    expect(record.sort).toEqual({ date: '2025-03-19' });
  });

  it('weighs the title as the page weighed its <h1>', () => {
    expect(searchRecord(titans, archive).content).toContain(
      '___PAGEFIND_WEIGHT___7 Titans: Learning to Memorize at Test Time. ___END_PAGEFIND_WEIGHT___',
    );
  });

  it('leaves out what a paper does not have, and keeps notes searchable', () => {
    const bare = paper('bare', '2024-01-02', { title: 'Bare?' });
    const record = searchRecord(bare, buildArchive([bare], topics), 'Read with **care**.');
    expect(indexedText(record.content)).toBe('Bare? Read with **care**.');
    expect(record.meta).toEqual({ title: 'Bare?', date: '2024-01-02' });
    expect(record.filters).toEqual({ year: ['2024'] });
  });

  it('indexes formulas as readable text, in the content and the title shown in results', () => {
    // 2601.03165 in the 2026 Q1 arXiv listings.
    const math = paper('2601.03165', '2026-01-07', {
      title: String.raw`On the dual of the cyclic code $\mathcal{C}_n$`,
      abstract: String.raw`We study $\mathcal{C}_n$ over $\mathbb{F}_q$ for $\alpha \leq \frac{1}{2}$, at \$5 a copy.`,
    });
    const record = searchRecord(math, buildArchive([math], topics));
    expect(indexedText(record.content)).toBe('On the dual of the cyclic code C_n. We study C_n over F_q for α ≤ 1/2, at $5 a copy.');
    expect(record.meta['title']).toBe('On the dual of the cyclic code C_n');
  });

  it('indexes the authors the page shows, no more', () => {
    const many = paper('many', '2024-01-02', { authors: Array.from({ length: 40 }, (_, index) => `Author ${index + 1}`) });
    const content = indexedText(searchRecord(many, buildArchive([many], topics)).content);
    expect(content).toContain('Author 30.');
    expect(content).not.toContain('Author 31');
  });

  it('keeps hostile text as text: markup, entities and Pagefind marker words stay what they are', () => {
    const title = '___PAGEFIND_WEIGHT___9 <script>alert(1)</script> &lt;b&gt; ___END_PAGEFIND_WEIGHT___';
    const abstract = 'x\n___PAGEFIND_ANCHOR___h1:0:top <img src=x onerror=alert(1)> &amp;amp;\u00a0___PAGEFIND_AUTO_WEIGHT___10 y';
    const hostile = paper('hostile', '2024-01-02', {
      title,
      abstract,
      authors: ['___END_PAGEFIND_WEIGHT___'],
      tags: ['___PAGEFIND_x tag'],
      terms: { tags: ['pagefind-x-tag'] },
    });
    const record = searchRecord(hostile, buildArchive([hostile], topics));
    // No entry word starts with `_` any more: Pagefind reads none of them as an instruction…
    const words = record.content.split(/[\s\u0085]+/).filter((word) => /^_/.test(word));
    expect(words).toEqual(['___PAGEFIND_WEIGHT___7', '___END_PAGEFIND_WEIGHT___']);
    // …and once Pagefind drops the zero-width spaces, the text is the entry's, character for character.
    expect(indexedText(record.content)).toBe(`${title}. ___END_PAGEFIND_WEIGHT___. ${abstract.replace(/\s+/g, ' ')}.`);
    // Meta and filter values lose nothing to Pagefind's clean-up of its own markers.
    expect(record.meta['title']!.replaceAll('\u200b', '')).toBe(title);
    expect(record.meta['title']).not.toMatch(/___PAGEFIND_/);
    expect(record.filters['tags']).toEqual(['___\u200bPAGEFIND_x tag']);
  });

  it('recordText changes nothing but word-initial underscores', () => {
    expect(recordText('a_b __init__ x')).toBe('a_b \u200b__init__ x');
  });
});

describe('planSearchBundles', () => {
  const day = (date: string, count: number) =>
    Array.from({ length: count }, (_, index) => paper(`${date}-${String(index).padStart(2, '0')}`, date, { upvotes: index }));
  const papers = [...day('2025-03-17', 4), ...day('2025-03-18', 3), ...day('2025-03-19', 5)];
  const archive = buildArchive(papers, topics);
  const urls = (shards: ReturnType<typeof planSearchBundles>) =>
    shards.map((shard) => ({ bundle: shard.bundle, urls: shard.records.map((record) => record.url) }));

  it('takes papers oldest first, by day then slug, whatever their listing order', () => {
    expect(chronologicalPapers(archive).map((item) => item.slug)).toEqual(papers.map((item) => item.slug));
  });

  it('cuts them into consecutive bundles of shardSize, the last holding the rest', () => {
    const shards = planSearchBundles(archive, 5);
    expect(shards.map((shard) => shard.bundle)).toEqual(['pagefind/', 'pagefind-2/', 'pagefind-3/']);
    expect(shards.map((shard) => shard.records.length)).toEqual([5, 5, 2]);
    expect(shards.flatMap((shard) => shard.records.map((record) => record.url))).toEqual(papers.map((item) => `/papers/${item.slug}/`));
    expect(planSearchBundles(archive, 100).map((shard) => shard.bundle)).toEqual(['pagefind/']);
  });

  it('a new latest day changes only the last bundle (or adds one)', () => {
    const before = planSearchBundles(archive, 5);
    const after = planSearchBundles(buildArchive([...papers, ...day('2025-03-20', 4)], topics), 5);
    expect(after.slice(0, 2)).toEqual(before.slice(0, 2));
    expect(urls(after).slice(2)).toEqual([
      {
        bundle: 'pagefind-3/',
        urls: [
          ...before[2]!.records.map((record) => record.url),
          '/papers/2025-03-20-00/',
          '/papers/2025-03-20-01/',
          '/papers/2025-03-20-02/',
        ],
      },
      { bundle: 'pagefind-4/', urls: ['/papers/2025-03-20-03/'] },
    ]);
  });

  it('gives an empty archive one empty bundle', () => {
    expect(planSearchBundles(buildArchive([], topics), 5)).toEqual([{ bundle: 'pagefind/', records: [] }]);
  });

  it('passes each paper its notes', () => {
    const shards = planSearchBundles(archive, 100, new Map([['2025-03-18-01', 'A note on hyena.']]));
    const noted = shards[0]!.records.find((record) => record.url === '/papers/2025-03-18-01/')!;
    expect(noted.content).toContain('A note on hyena.');
  });
});

describe('searchBundles', () => {
  it('names the bundles and their sizes from the number of papers alone', () => {
    const folders = (count: number, size: number) => searchBundles(count, size).map((bundle) => bundle.folder);
    expect(searchBundles(0, 20_000)).toEqual([{ folder: 'pagefind/', papers: 0 }]);
    expect(folders(20_000, 20_000)).toEqual(['pagefind/']);
    expect(searchBundles(20_001, 20_000)).toEqual([
      { folder: 'pagefind/', papers: 20_000 },
      { folder: 'pagefind-2/', papers: 1 },
    ]);
    expect(folders(1_000, 300)).toEqual(['pagefind/', 'pagefind-2/', 'pagefind-3/', 'pagefind-4/']);
  });
});
