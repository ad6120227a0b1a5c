import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { archiveToHugo } from '../../bench/hugo/archive-to-hugo.ts';
import { hugoVersion } from '../../bench/hugo/find-hugo.ts';
import { paperToHugo } from '../../bench/hugo/paper-to-hugo.ts';
import { writeHugoSite } from '../../bench/hugo/write-hugo-site.ts';
import { buildArchive } from '../../src/site/archive/build-archive.ts';
import { paperToMdx } from '../../src/ingest/emit/paper-to-mdx.ts';
import type { Paper } from '../../src/schema/paper.ts';
import { makePaper } from '../support/make-paper.ts';

const base: Paper = makePaper('2501.00663', '2025-01-02', {
  id: '2501.00663',
  title: 'Titans: Learning to Memorize at Test Time',
  abstract: 'An abstract.',
  authors: ['Ali Behrouz'],
  url: 'https://arxiv.org/abs/2501.00663v2',
  code_url: 'https://github.com/example/titans',
  categories: ['cs.LG'],
  terms: { topics: ['attention'], categories: ['cs.lg'] },
});

const HOSTILE_TITLE = '</title><script>alert(1)</script> {{ .Site.Title }} ---: no';

/** The front matter of a Hugo content file, read as Hugo's YAML 1.1 parser reads it; the body must be empty. */
function frontMatterOf(text: string): Record<string, unknown> {
  expect(text.startsWith('---\n') && text.endsWith('\n---\n')).toBe(true);
  return parse(text.slice(4, -4), { version: '1.1' }) as Record<string, unknown>;
}

describe('paperToHugo', () => {
  it('writes the fields our paper page shows, its terms as taxonomies and its day', () => {
    expect(frontMatterOf(paperToHugo(base, 7))).toEqual({
      title: base.title,
      date: '2025-01-02',
      weight: 7,
      url: '/papers/2501.00663/',
      day: '2025-01-02',
      abstract: 'An abstract.',
      authors: ['Ali Behrouz'],
      arxiv_id: '2501.00663',
      doi: null,
      published_label: null,
      // The url is the arXiv page the first link already shows, so there is no "Paper page".
      links: [
        { label: 'arXiv abstract', href: 'https://arxiv.org/abs/2501.00663' },
        { label: 'PDF', href: 'https://arxiv.org/pdf/2501.00663' },
        { label: 'Code', href: 'https://github.com/example/titans' },
      ],
      code_url: 'https://github.com/example/titans',
      upvotes: null,
      topics: ['attention'],
      domains: [],
      categories: ['cs.lg'],
      tags: [],
      days: ['2025-01-02'],
    });
  });

  it('keeps any title and abstract as the same string, never as markup or a YAML value', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom(HOSTILE_TITLE, 'no', 'yes', '2024-01-02', '1e3', '---', '{{ x }}', '<b>'),
    );
    fc.assert(
      fc.property(text, text, (title, abstract) => {
        const frontMatter = frontMatterOf(paperToHugo({ ...base, title, abstract, authors: [title] }, 1));
        expect(frontMatter['title']).toBe(title);
        expect(frontMatter['abstract']).toBe(abstract);
        expect(frontMatter['authors']).toEqual([title]);
      }),
    );
  });
});

describe('archiveToHugo', () => {
  const topics = {
    id: 'topics',
    label: 'Topics',
    description: 'What papers are about.',
    terms: [
      { id: 'sequence-modeling', label: 'Sequence modeling', description: 'Sequences.' },
      { id: 'attention', label: 'Attention', description: 'Attention.', parent: 'sequence-modeling' },
      { id: 'memory', label: 'Memory', description: 'Memory.', parent: 'unused' },
      { id: 'unused', label: 'Unused', description: 'No paper has it.' },
    ],
  };
  const papers: Paper[] = [
    { ...base, slug: 'older', date: '2025-01-01', terms: { topics: ['attention', 'memory', 'sequence-modeling'] } },
    { ...base, slug: 'newer', terms: { topics: ['memory'] } },
  ];
  const files = new Map(archiveToHugo(buildArchive(papers, [topics])).map((file) => [file.path, frontMatterOf(file.text)]));

  it('weights papers in our listing order, newest day first', () => {
    expect(files.get('papers/newer.md')?.['weight']).toBe(1);
    expect(files.get('papers/older.md')?.['weight']).toBe(2);
  });

  it('gives Hugo a term page only for terms with papers, under a parent only when the parent has one', () => {
    expect([...files.keys()].filter((path) => path.startsWith('topics/'))).toEqual([
      'topics/_index.md',
      'topics/sequence-modeling/_index.md',
      'topics/attention/_index.md',
      'topics/memory/_index.md',
    ]);
    expect(files.get('topics/attention/_index.md')).toEqual({
      title: 'Attention',
      description: 'Attention.',
      parent: 'sequence-modeling',
      weight: 2,
    });
    expect(files.get('topics/memory/_index.md')?.['parent']).toBe('');
  });

  it('keeps Hugo from rendering pages our site does not have', () => {
    expect(files.get('papers/_index.md')?.['_build']).toEqual({ render: 'never' });
    expect(files.get('tags/_index.md')?.['_build']).toEqual({ render: 'never' });
  });
});

describe('the Hugo site', () => {
  it.skipIf(hugoVersion() === null)('renders a hostile title as text, and marks only paper pages for search', async () => {
    const work = mkdtempSync(join(tmpdir(), 'hugo-site-test-'));
    try {
      mkdirSync(join(work, 'content', 'papers'), { recursive: true });
      copyFileSync(join(import.meta.dirname, '..', '..', 'content', 'taxonomies.yaml'), join(work, 'content', 'taxonomies.yaml'));
      writeFileSync(join(work, 'content', 'papers', 'x.mdx'), paperToMdx({ ...base, slug: 'x', title: HOSTILE_TITLE }, '', 'test'));
      await writeHugoSite(join(work, 'content'), join(work, 'site'));
      execFileSync('hugo', ['--source', join(work, 'site'), '--destination', join(work, 'out'), '--quiet']);
      const paper = readFileSync(join(work, 'out', 'papers', 'x', 'index.html'), 'utf8');
      expect(paper).not.toContain('<script>');
      expect(paper).toContain('<h1 dir="auto">&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; {{ .Site.Title }} ---: no</h1>');
      expect(paper).toContain('data-pagefind-body');
      expect(readFileSync(join(work, 'out', 'days', '2025-01-02', 'index.html'), 'utf8')).not.toContain('data-pagefind-body');
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
