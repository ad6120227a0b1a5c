/** A valid paper for tests: every field at its empty value, the slug as title, `extra` on top. */
import type { Paper } from '../../src/schema/paper.ts';

/** The bibliographic fields, none known: spread into a literal paper of a test. */
export const NO_PUBLICATION = {
  type: null,
  venue: null,
  volume: null,
  issue: null,
  pages: null,
  publisher: null,
  citekey: null,
  project_url: null,
  hf_url: null,
} satisfies Partial<Paper>;

export function makePaper(slug: string, date: string | null, extra: Partial<Paper> = {}): Paper {
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
    ...NO_PUBLICATION,
    ...extra,
  };
}
