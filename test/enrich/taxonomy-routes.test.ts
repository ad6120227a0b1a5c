import { describe, expect, it } from 'vitest';
import { taxonomyFileSchema } from '../../src/schema/taxonomy.ts';

describe('taxonomy ids', () => {
  it('may not take an address the site uses for its own pages', () => {
    for (const id of ['papers', 'days', 'search', 'pagefind']) {
      const result = taxonomyFileSchema.safeParse({
        taxonomies: [{ id, label: 'X', description: 'X.', terms: [{ id: 'a', label: 'A', description: 'A.' }] }],
      });
      expect(result.success, id).toBe(false);
      expect(result.error?.issues[0]?.message).toContain(`the site already has pages at /${id}/`);
    }
  });
});
