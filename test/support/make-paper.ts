/** A valid paper for tests: every field at its empty value, the slug as title, `extra` on top. */
import type { Paper } from '../../src/schema/paper.ts';

export function makePaper(slug: string, date: string, extra: Partial<Paper> = {}): Paper {
  return {
    id: null,
    title: slug,
    abstract: '',
    authors: [],
    date,
    url: null,
    code_url: null,
    categories: [],
    tags: [],
    upvotes: null,
    published: null,
    doi: null,
    slug,
    terms: {},
    ...extra,
  };
}
