/**
 * The CSL-JSON writer. Items are checked against the constraints of the CSL-JSON schema
 * (citation-style-language/schema, `csl-data.json`) for every variable written, with extra
 * properties forbidden as that schema forbids them, and names must keep every word of the name.
 */
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { citedPaper } from '../../src/site/formats/cited-paper.ts';
import { cslItem, cslJson, cslName, type CslName } from '../../src/site/formats/csl-json.ts';
import { cleanText } from '../../src/ingest/normalize/clean-text.ts';
import { makePaper } from '../support/make-paper.ts';
import { HOSTILE_FRAGMENTS, hostilePapers } from '../support/hostile-papers.ts';

const CSL_TYPES = [
  'article',
  'article-journal',
  'article-magazine',
  'article-newspaper',
  'bill',
  'book',
  'broadcast',
  'chapter',
  'classic',
  'collection',
  'dataset',
  'document',
  'entry',
  'entry-dictionary',
  'entry-encyclopedia',
  'figure',
  'graphic',
  'hearing',
  'interview',
  'legal_case',
  'legislation',
  'manuscript',
  'map',
  'motion_picture',
  'musical_score',
  'pamphlet',
  'paper-conference',
  'patent',
  'performance',
  'periodical',
  'personal_communication',
  'post',
  'post-weblog',
  'regulation',
  'report',
  'review',
  'review-book',
  'software',
  'song',
  'speech',
  'standard',
  'thesis',
  'treaty',
  'webpage',
];
const text = { type: 'string' };
const cslData = {
  type: 'array',
  items: {
    type: 'object',
    required: ['type', 'id'],
    additionalProperties: false,
    properties: {
      type: { type: 'string', enum: CSL_TYPES },
      id: { type: ['string', 'number'] },
      title: text,
      author: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          properties: { family: text, given: text, 'non-dropping-particle': text, 'dropping-particle': text, suffix: text, literal: text },
        },
      },
      issued: {
        type: 'object',
        additionalProperties: false,
        properties: {
          'date-parts': {
            type: 'array',
            minItems: 1,
            maxItems: 2,
            items: { type: 'array', minItems: 1, maxItems: 3, items: { type: ['string', 'number'] } },
          },
        },
      },
      abstract: text,
      DOI: text,
      URL: text,
      publisher: text,
      number: { type: ['string', 'number'] },
      'citation-key': text,
      'container-title': text,
      'collection-title': text,
      genre: text,
      volume: { type: ['string', 'number'] },
      issue: { type: ['string', 'number'] },
      page: { type: ['string', 'number'] },
    },
  },
};
const validate = new Ajv({ strict: true, allowUnionTypes: true, allErrors: true }).compile(cslData);

/** The CSL-JSON file of one paper, parsed, after checking it against the schema. */
function validFile(paper: ReturnType<typeof citedPaper>): unknown[] {
  const parsed = JSON.parse(cslJson([cslItem(paper, 'https://shelf.example/papers/x/')])) as unknown[];
  expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true);
  return parsed;
}

/** The name a CSL name stands for, put back together. */
const written = (name: CslName) =>
  'literal' in name
    ? name.literal
    : [name.given, name['non-dropping-particle'], name.family].filter(Boolean).join(' ') + (name.suffix ? `, ${name.suffix}` : '');

describe('cslItem', () => {
  it('describes an arXiv paper as a preprint, dated as precisely as known', () => {
    const paper = citedPaper(
      makePaper('2501.00663', '2025-03-19', {
        id: '2501.00663',
        title: 'Titans',
        abstract: 'Memory.',
        authors: ['Ali Behrouz', 'Ludwig van Beethoven, Jr.', 'Google, Inc.'],
        published: '2024-12-31',
        doi: '10.48550/arXiv.2501.00663',
      }),
    );
    expect(validFile(paper)).toEqual([
      {
        id: 'arXiv:2501.00663',
        'citation-key': 'arXiv:2501.00663',
        type: 'article',
        title: 'Titans',
        author: [
          { family: 'Behrouz', given: 'Ali' },
          { family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van', suffix: 'Jr.' },
          { literal: 'Google, Inc.' },
        ],
        issued: { 'date-parts': [[2024, 12, 31]] },
        abstract: 'Memory.',
        DOI: '10.48550/arXiv.2501.00663',
        URL: 'https://arxiv.org/abs/2501.00663',
        publisher: 'arXiv',
        number: 'arXiv:2501.00663',
      },
    ]);
  });

  it('links a paper with no URL of its own to its page, and leaves out what it does not know', () => {
    expect(validFile(citedPaper(makePaper('a-paper', '2025-03-19')))).toEqual([
      {
        id: 'a-paper',
        'citation-key': 'a-paper',
        type: 'article',
        title: 'a-paper',
        issued: { 'date-parts': [[2025]] },
        URL: 'https://shelf.example/papers/x/',
      },
    ]);
  });

  it('splits names into parts only when their form is clear', () => {
    expect(cslName('Maria de la Cruz')).toEqual({ given: 'Maria', 'non-dropping-particle': 'de la', family: 'Cruz' });
    expect(cslName('Ada King Lovelace')).toEqual({ given: 'Ada King', family: 'Lovelace' });
    expect(cslName('Plato')).toEqual({ literal: 'Plato' });
    expect(cslName('Lovelace, Ada')).toEqual({ literal: 'Lovelace, Ada' });
    expect(cslName('van , Jr.')).toEqual({ literal: 'van , Jr.' });
  });

  it('writes every hostile fixture and catalogue entry as valid CSL-JSON with its text unchanged', async () => {
    for (const paper of await hostilePapers()) {
      const [item] = validFile(paper) as [{ title: string; author: CslName[]; abstract?: string }];
      expect(item.title).toBe(paper.title);
      expect(item.author.map(written)).toEqual(paper.authors);
      expect(item.abstract ?? '').toBe(paper.abstract);
    }
  });

  it('is valid and keeps every word of every name, whatever the text (property)', () => {
    const hostile = fc
      .array(fc.oneof(fc.constantFrom(...HOSTILE_FRAGMENTS), fc.string({ unit: 'grapheme', maxLength: 6 })), {
        minLength: 1,
        maxLength: 10,
      })
      .map((parts) => cleanText(parts.join(''), { singleLine: true }).value)
      .filter((value) => value !== '');
    fc.assert(
      fc.property(
        hostile,
        fc.array(hostile, { maxLength: 4 }),
        fc.option(fc.constantFrom('2024', '2024-03', '2024-03-05'), { nil: null }),
        (title, authors, published) => {
          const paper = citedPaper(makePaper('hostile', '2025-03-19', { title, authors, published, abstract: title }));
          const [item] = validFile(paper) as [{ title: string; author?: CslName[] }];
          expect(item.title).toBe(title);
          expect((item.author ?? []).map(written)).toEqual(authors);
        },
      ),
      { numRuns: 300 },
    );
  });
});
