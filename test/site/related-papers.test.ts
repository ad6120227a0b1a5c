import { describe, expect, it } from 'vitest';
import { relatedPapers, type RelatedInput } from '../../src/site/related/related-papers.ts';
import { words } from '../../src/site/related/text-vectors.ts';
import { buildArchive } from '../../src/site/archive/build-archive.ts';
import { paperPages } from '../../src/site/pages/paper-pages.ts';
import type { Paper } from '../../src/schema/paper.ts';
import { NO_PUBLICATION } from '../support/make-paper.ts';

/** Topics, each a pool of words; a paper draws its abstract from one topic and a shared pool. */
const TOPICS = {
  vision: 'image segmentation pixel convolution object detection mask camera depth scene'.split(' '),
  language: 'token language translation grammar sentence parser corpus vocabulary dialogue prompt'.split(' '),
  biology: 'protein gene enzyme cell genome sequence mutation receptor folding membrane'.split(' '),
  physics: 'quantum photon lattice spin boson entanglement qubit magnetic particle field'.split(' '),
};
const SHARED = 'method result approach experiment evaluation performance benchmark analysis'.split(' ');

/** A deterministic paper about `topic`: `seed` picks its words. */
function paper(slug: string, topic: keyof typeof TOPICS, seed: number, extra: Partial<RelatedInput> = {}): RelatedInput {
  const pool = TOPICS[topic];
  const pick = (list: readonly string[], i: number) => list[(seed * 7 + i * 3) % list.length]!;
  const abstract = Array.from({ length: 30 }, (_, i) => (i % 3 === 2 ? pick(SHARED, i) : pick(pool, i + seed))).join(' ');
  return {
    slug,
    title: `${pick(pool, seed)} ${pick(pool, seed + 1)} study`,
    abstract,
    date: '2025-03-01',
    terms: { topics: [topic] },
    ...extra,
  };
}

/** Four topics, `perTopic` papers each. */
function corpus(perTopic: number): RelatedInput[] {
  return (Object.keys(TOPICS) as (keyof typeof TOPICS)[]).flatMap((topic) =>
    Array.from({ length: perTopic }, (_, i) => paper(`${topic}-${String(i).padStart(3, '0')}`, topic, i)),
  );
}

const slugs = (list: readonly { slug: string }[] | undefined) => (list ?? []).map((item) => item.slug);

describe('relatedPapers', () => {
  it('makes near-duplicate abstracts each other’s top result', () => {
    const original = paper('original', 'biology', 3, {
      title: 'Protein folding under membrane stress',
      abstract:
        'We measure how membrane stress changes protein folding rates in yeast cells, using a new fluorescence assay and a kinetic model of chaperone binding.',
    });
    const copy = {
      ...original,
      slug: 'copy',
      title: 'Protein folding under membrane stress (revised)',
      abstract: `${original.abstract} We also release the assay data.`,
    };
    const related = relatedPapers([...corpus(20), original, copy]);
    expect(related.get('original')![0]!.slug).toBe('copy');
    expect(related.get('copy')![0]!.slug).toBe('original');
    expect(related.get('original')![0]!.score).toBeGreaterThan(0.8);
  });

  it('lists papers of the same topic and never an unrelated one', () => {
    const related = relatedPapers(corpus(20));
    for (const [slug, list] of related) {
      const topic = slug.split('-')[0];
      expect(list.length, slug).toBeGreaterThan(0);
      for (const item of list) expect(item.slug.split('-')[0], `${slug} → ${item.slug}`).toBe(topic);
    }
    const loner = {
      slug: 'loner',
      title: 'Medieval tapestry restoration',
      abstract: 'Wool dyes, looms and weaving guilds of Flanders.',
      date: '2025-03-01',
      terms: {},
    };
    const withLoner = relatedPapers([...corpus(20), loner]);
    expect(withLoner.get('loner')).toEqual([]);
    for (const list of withLoner.values()) expect(slugs(list)).not.toContain('loner');
  });

  it('lists at most five papers, never the paper itself', () => {
    const related = relatedPapers(corpus(30));
    expect(related.size).toBe(120);
    for (const [slug, list] of related) {
      expect(list.length).toBeLessThanOrEqual(5);
      expect(slugs(list)).not.toContain(slug);
      expect(new Set(slugs(list)).size).toBe(list.length);
    }
    expect(relatedPapers(corpus(30), { count: 2 }).get('vision-000')).toHaveLength(2);
  });

  it('gives the same lists whatever the input order', () => {
    const papers = corpus(25);
    const shuffled = [...papers].sort((a, b) => a.abstract.length - b.abstract.length || (a.slug < b.slug ? 1 : -1));
    expect(relatedPapers(shuffled)).toEqual(relatedPapers(papers));
  });

  it('keeps the lists of old papers when an unrelated paper arrives', () => {
    const papers = corpus(25);
    const before = relatedPapers(papers);
    const newcomer = {
      slug: 'newcomer',
      title: 'Medieval tapestry restoration',
      abstract: 'Wool dyes, looms and weaving guilds of Flanders.',
      date: '2025-03-02',
      terms: {},
    };
    const after = relatedPapers([...papers, newcomer]);
    for (const item of papers) expect(slugs(after.get(item.slug)), item.slug).toEqual(slugs(before.get(item.slug)));
  });

  it('lets a later paper into an older paper’s list only when clearly closer', () => {
    const base = corpus(10);
    const old = base.find((item) => item.slug === 'physics-003')!;
    const list = relatedPapers(base).get(old.slug)!;
    // A later copy of the paper's closest neighbour, slightly closer than it: counted at 0.8, it stays out.
    const closest = base.find((item) => item.slug === list[0]!.slug)!;
    const later = { ...closest, slug: 'zz-later', date: '2025-04-01' };
    const same = { ...closest, slug: 'zz-same-day' };
    expect(slugs(relatedPapers([...base, later]).get(old.slug))).not.toEqual(slugs(relatedPapers([...base, same]).get(old.slug)));
    expect(slugs(relatedPapers([...base, same]).get(old.slug))).toContain('zz-same-day');
    expect(slugs(relatedPapers([...base, later], { laterWeight: 1 }).get(old.slug))).toContain('zz-later');
  });

  it('names the terms both papers carry, in the first paper’s order', () => {
    const a = paper('a', 'language', 1, {
      terms: { topics: ['nlp', 'parsing'], categories: ['cs.cl', 'cs.ai'] },
    });
    const b = paper('b', 'language', 1, {
      terms: { categories: ['cs.ai', 'cs.cl'], topics: ['parsing'] },
    });
    const related = relatedPapers([a, b, ...corpus(5)]);
    expect(related.get('a')![0]).toMatchObject({
      slug: 'b',
      sharedTerms: [
        { taxonomy: 'categories', id: 'cs.cl' },
        { taxonomy: 'categories', id: 'cs.ai' },
        { taxonomy: 'topics', id: 'parsing' },
      ],
    });
  });

  it('keeps hostile titles as they are: text for the page to escape', () => {
    const hostile = '<script>alert("x")</script> {props} `code` & $\\frac{1}{2}$';
    const a = paper('a', 'vision', 2, { title: hostile });
    const b = paper('b', 'vision', 2, { title: `${hostile} again` });
    const related = relatedPapers([a, b, ...corpus(5)]);
    expect(related.get('b')![0]).toMatchObject({ slug: 'a', title: hostile });
    expect(words(hostile)).toEqual(['script', 'alert', 'script', 'prop', 'code', 'frac']);
  });

  it('handles no papers and papers without words', () => {
    expect(relatedPapers([])).toEqual(new Map());
    const empty = relatedPapers([
      { slug: 'a', title: '—', abstract: '', date: '2025-03-01', terms: {} },
      { slug: 'b', title: '42', abstract: '', date: '2025-03-01', terms: {} },
    ]);
    expect(empty).toEqual(
      new Map([
        ['a', []],
        ['b', []],
      ]),
    );
  });
});

describe('words', () => {
  it('lowercases, drops stop words and numbers, folds plurals', () => {
    expect(words('The Models of 2025: studies on Attention, LLMs and glasses')).toEqual(['model', 'study', 'attention', 'llm', 'glass']);
  });
});

describe('paperPages', () => {
  const base = (slug: string, title: string, abstract: string, terms: Record<string, string[]>): Paper => ({
    id: null,
    title,
    abstract,
    authors: [],
    date: '2025-03-19',
    url: null,
    code_url: null,
    categories: (terms['categories'] ?? []).map((id) => id.replace(/\.(\w+)$/, (_, area: string) => `.${area.toUpperCase()}`)),
    tags: [],
    upvotes: null,
    published: null,
    doi: null,
    slug,
    terms,
    ...NO_PUBLICATION,
  });

  it('gives each paper page its related papers with the labels of the shared tags', () => {
    const abstract = 'Sparse attention kernels for long context language models on commodity accelerators.';
    const archive = buildArchive(
      [
        base('a', 'Sparse attention kernels', abstract, {
          topics: ['attention'],
          categories: ['cs.lg'],
        }),
        base('b', 'Sparse <attention> kernels, again', `${abstract} Revisited.`, { topics: ['attention'], categories: ['cs.lg'] }),
        base('c', 'Coral reef acoustics', 'Hydrophone recordings of coral reef fish choruses at dawn.', {}),
      ],
      [
        {
          id: 'topics',
          label: 'Topics',
          description: '',
          terms: [{ id: 'attention', label: 'Attention', description: '' }],
        },
      ],
    );
    const pages = new Map(paperPages(archive).map((page) => [page.params.slug, page.props]));
    expect(pages.get('a')!.related).toEqual([
      {
        slug: 'b',
        title: 'Sparse <attention> kernels, again',
        sharedTerms: [
          { taxonomy: 'topics', label: 'Attention' },
          { taxonomy: 'categories', label: 'cs.LG' },
        ],
      },
    ]);
    expect(pages.get('c')!.related).toEqual([]);
  });
});
