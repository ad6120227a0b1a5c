import { describe, expect, it } from 'vitest';
import { taxonomyFileSchema } from '../../src/schema/taxonomy.ts';

describe('taxonomy ids', () => {
  it('may not take an address the site uses for its own pages', () => {
    for (const id of [
      'papers',
      'days',
      'weeks',
      'months',
      'years',
      'authors',
      'search',
      'offline',
      'cards',
      'katex',
      'pagefind',
      'pagefind-2',
      'pagefind-12',
      'search-authors',
    ]) {
      const result = taxonomyFileSchema.safeParse({
        taxonomies: [{ id, label: 'X', description: 'X.', terms: [{ id: 'a', label: 'A', description: 'A.' }] }],
      });
      expect(result.success, id).toBe(false);
      expect(result.error?.issues[0]?.message).toContain(`the site already has pages at /${id}/`);
    }
    const file = (id: string) => ({
      taxonomies: [{ id, label: 'X', description: 'X.', terms: [{ id: 'a', label: 'A', description: 'A.' }] }],
    });
    for (const id of ['topics', 'pagefinder', 'weekly']) expect(taxonomyFileSchema.safeParse(file(id)).success, id).toBe(true);
  });

  it('may not name a Windows device, as a taxonomy or as a term', () => {
    const file = (taxonomy: string, term: string) => ({
      taxonomies: [{ id: taxonomy, label: 'X', description: 'X.', terms: [{ id: term, label: 'A', description: 'A.' }] }],
    });
    for (const [taxonomy, term] of [
      ['con', 'a'],
      ['topics', 'nul'],
      ['topics', 'aux'],
      ['lpt1', 'com9'],
    ] as const) {
      const result = taxonomyFileSchema.safeParse(file(taxonomy, term));
      expect(result.success, `${taxonomy}/${term}`).toBe(false);
      expect(result.error?.issues.map((issue) => issue.message).join('\n')).toMatch(
        /is a device name on Windows, where no folder may have it; choose another id/,
      );
    }
    expect(taxonomyFileSchema.safeParse(file('topics', 'console')).success).toBe(true);
  });
});
