import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../src/site/archive/build-archive.ts';
import type { Paper } from '../../src/schema/paper.ts';
import { makePaper } from '../support/make-paper.ts';

const paper = (slug: string, date: string, extra: Partial<Paper> = {}): Paper =>
  makePaper(slug, date, { title: slug.toUpperCase(), ...extra });

const topics = [
  {
    id: 'topics',
    label: 'Topics',
    description: 'What papers are about.',
    terms: [
      { id: 'attention', label: 'Attention', description: 'Attention.' },
      { id: 'unused', label: 'Unused', description: 'No paper has it.' },
    ],
  },
];

describe('buildArchive', () => {
  const archive = buildArchive(
    [
      paper('b', '2025-03-19', { terms: { topics: ['attention'] }, upvotes: 3 }),
      paper('a', '2025-03-19', { terms: { topics: ['attention'] }, upvotes: 9, categories: ['cs.CL'] }),
      paper('c', '2025-03-19'),
      paper('d', '2025-03-17', { terms: { topics: ['attention'], tags: ['reading-group'] }, tags: ['Reading group'] }),
    ],
    topics,
  );

  it('lists days newest first, papers by upvotes then title', () => {
    expect(archive.days.map((day) => day.date)).toEqual(['2025-03-19', '2025-03-17']);
    expect(archive.days[0]!.papers.map((p) => p.slug)).toEqual(['a', 'b', 'c']);
  });

  it('links neighbouring days and papers of the same day', () => {
    expect(archive.adjacentDays('2025-03-19').previous?.date).toBe('2025-03-17');
    expect(archive.adjacentDays('2025-03-19').next).toBeUndefined();
    expect(archive.adjacentPapers('b').previous?.slug).toBe('a');
    expect(archive.adjacentPapers('b').next?.slug).toBe('c');
    expect(archive.adjacentPapers('d')).toEqual({ previous: undefined, next: undefined });
  });

  it('groups papers by term, newest first, and leaves out empty terms and taxonomies', () => {
    expect(archive.term('topics', 'attention')!.papers.map((p) => p.slug)).toEqual(['a', 'b', 'd']);
    expect(archive.term('topics', 'unused')).toBeUndefined();
    expect(archive.taxonomies.map((t) => t.id)).toEqual(['topics', 'tags']);
  });

  it('labels field taxonomies from the entries', () => {
    expect(archive.term('tags', 'reading-group')?.label).toBe('Reading group');
    expect(archive.taxonomy('categories')).toBeUndefined();
  });
});
