import { describe, expect, it } from 'vitest';
import { findForeignMarkup } from '../../src/build/guard/find-foreign-markup.ts';
import { jsonLdText, scholarlyArticle } from '../../src/site/formats/json-ld.ts';
import { NO_PUBLICATION } from '../support/make-paper.ts';
import type { Paper } from '../../src/schema/paper.ts';

const HOSTILE = '</script><script>alert(1)</script> <!-- ]]> <b>x</b> & "q" \u2028';

const paper: Paper = {
  id: '2501.00663',
  title: HOSTILE,
  abstract: `An abstract. ${HOSTILE}`,
  authors: ['Ada Lovelace', '<Eve>'],
  date: '2025-03-19',
  url: 'https://example.org/paper?a=1&b=2',
  code_url: null,
  categories: ['cs.CL'],
  tags: [],
  upvotes: null,
  published: '2025-01',
  doi: '10.1000/xyz123',
  slug: '2501.00663',
  terms: {},
  ...NO_PUBLICATION,
};
const termGroups = [
  { taxonomy: 'topics', label: 'Topics', terms: [{ id: 'attention', label: 'Attention & <memory>' }] },
  { taxonomy: 'categories', label: 'arXiv categories', terms: [{ id: 'cs.cl', label: 'cs.CL' }] },
];

describe('scholarlyArticle', () => {
  it('describes the paper as schema.org names it', () => {
    expect(scholarlyArticle({ paper, termGroups }, 'https://shelf.example')).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ScholarlyArticle',
      headline: HOSTILE,
      url: 'https://shelf.example/papers/2501.00663/',
      datePublished: '2025-01',
      author: [
        { '@type': 'Person', name: 'Ada Lovelace' },
        { '@type': 'Person', name: '<Eve>' },
      ],
      abstract: `An abstract. ${HOSTILE}`,
      identifier: [
        { '@type': 'PropertyValue', propertyID: 'arXiv', value: '2501.00663' },
        { '@type': 'PropertyValue', propertyID: 'DOI', value: '10.1000/xyz123' },
      ],
      sameAs: ['https://arxiv.org/abs/2501.00663', 'https://doi.org/10.1000/xyz123', 'https://example.org/paper?a=1&b=2'],
      keywords: ['Attention & <memory>', 'cs.CL'],
    });
  });

  it('leaves out what is not known, and dates the paper by its listing day when its publication is unknown', () => {
    const bare = { ...paper, id: null, doi: null, url: null, published: null, authors: [], abstract: '', slug: 'a-title' };
    expect(scholarlyArticle({ paper: bare, termGroups: [] }, 'https://shelf.example')).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ScholarlyArticle',
      headline: HOSTILE,
      url: 'https://shelf.example/papers/a-title/',
      datePublished: '2025-03-19',
    });
  });

  it('does not repeat an arXiv page the id already names', () => {
    const onArxiv = { ...paper, doi: null, url: 'https://arxiv.org/abs/2501.00663v2' };
    expect(scholarlyArticle({ paper: onArxiv, termGroups }, 'https://shelf.example')['sameAs']).toEqual([
      'https://arxiv.org/abs/2501.00663',
    ]);
  });
});

describe('jsonLdText', () => {
  const data = scholarlyArticle({ paper, termGroups }, 'https://shelf.example');
  const text = jsonLdText(data);

  it('writes no `<`, and reads back as the same data', () => {
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual(data);
  });

  it('stays one data script in a page, which the markup guard accepts', () => {
    const page = `<!doctype html><html><head><script type="application/ld+json">${text}</script></head><body><p>x</p></body></html>`;
    expect(findForeignMarkup(page, '/')).toEqual([]);
    // The same data written without escaping would end the script early and run the rest.
    const unescaped = page.replace(text, JSON.stringify(data));
    expect(findForeignMarkup(unescaped, '/').map((hit) => hit.what)).toEqual([
      '<script> data that is not JSON, or holds "<"',
      'inline script code other than the reader script',
    ]);
  });
});
