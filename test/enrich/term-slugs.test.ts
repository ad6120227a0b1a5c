/**
 * How hand-written labels (a paper's tags) become term slugs: distinct labels stay distinct,
 * variants up to case and accents share one, labels that already work keep their address, and
 * no slug names a Windows device. Property tests over labels mixed from hostile pieces.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slugifyTitle } from '../../src/ingest/enrich/make-slugs.ts';
import { categoryTermId, foldLabel, ownTagSlugs, termSlugs } from '../../src/ingest/enrich/term-slugs.ts';
import { isWindowsDevice } from '../../src/schema/reserved-names.ts';
import { TAXONOMY_ID } from '../../src/schema/taxonomy.ts';

const slugsOf = (labels: readonly string[]) => termSlugs(new Map(labels.map((label) => [label, 1]))).slugOf;

/** Pieces labels are made of: symbols that tell labels apart, separators, case and accent variants, scripts without ASCII, invisibles. */
const PIECES = [
  'c',
  'C',
  '+',
  '#',
  '&',
  '@',
  ' ',
  '-',
  '.',
  '_',
  '/',
  '?',
  '!',
  '♯',
  'bert',
  'BERT',
  'Bert',
  'é',
  'e\u0301',
  'E',
  'ß',
  'ss',
  'İ',
  'i',
  'ı',
  '数学',
  'α',
  'Α',
  'कि',
  'क',
  '😀',
  '\u200b',
  '\u00ad',
  'Ｂ',
  'ﬁ',
  '²',
  '2',
  'con',
  'NUL',
  'aux',
  'com1',
  'lpt9',
  'machine',
  'learning',
  'tag',
  'a03b221c',
];
const label = fc
  .array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 6 })
  .map((pieces) => pieces.join('').normalize('NFC').trim())
  .filter((text) => text !== '');

describe('term slugs', () => {
  it('keep what tells C, C++ and C# apart', () => {
    const slugs = slugsOf(['C', 'C++', 'C#', 'F#', 'Q&A', 'LLM@scale']);
    expect(Object.fromEntries(slugs)).toEqual({
      C: 'c',
      'C++': 'c-plus-plus',
      'C#': 'c-sharp',
      'F#': 'f-sharp',
      'Q&A': 'q-and-a',
      'LLM@scale': 'llm-at-scale',
    });
  });

  it('give labels with nothing to spell a stable slug of their own', () => {
    // Pinned: these addresses must not change from one version to the next.
    expect(Object.fromEntries(slugsOf(['???', '数学', '🙂']))).toEqual({
      '???': 'tag-a03b221c',
      数学: 'tag-872c1fa1',
      '🙂': expect.stringMatching(/^tag-[0-9a-f]{8}$/),
    });
  });

  it('keep the slugs of labels that already work', () => {
    const ordinary = ['machine-learning', 'llm', 'Machine Learning', 'Reading group', 'GPT-4.5', 'Über Café', 'state space models'];
    for (const text of ordinary) expect(slugsOf([text]).get(text), text).toBe(slugifyTitle(text));
    expect(slugsOf(['machine-learning', 'llm']).get('machine-learning')).toBe('machine-learning');
  });

  it('merge variants up to case, accents and invisible characters, headed by the spelling most papers use', () => {
    const { slugOf, terms } = termSlugs(
      new Map([
        ['BERT', 5],
        ['Bert', 2],
        ['B\u200bERT', 1],
        ['café', 1],
        ['cafe', 1],
      ]),
    );
    expect(new Set([slugOf.get('BERT'), slugOf.get('Bert'), slugOf.get('B\u200bERT')])).toEqual(new Set(['bert']));
    expect(terms.get('bert')).toMatchObject({ label: 'BERT', labels: ['BERT', 'Bert', 'B\u200bERT'], cause: 'own' });
    expect(slugOf.get('café')).toBe(slugOf.get('cafe'));
    // A tie goes to the first in string order.
    expect(terms.get('cafe')?.label).toBe('cafe');
  });

  it('give a label whose slug another label has a short suffix from its own hash, the label written as the slug keeping it', () => {
    const { slugOf, terms } = termSlugs(
      new Map([
        ['Machine Learning', 9],
        ['machine-learning', 1],
      ]),
    );
    expect(slugOf.get('machine-learning')).toBe('machine-learning');
    expect(slugOf.get('Machine Learning')).toBe('machine-learning-dcaa');
    expect(terms.get('machine-learning-dcaa')).toMatchObject({ cause: 'taken', wanted: 'machine-learning', takenBy: 'machine-learning' });
  });

  it('never name a Windows device', () => {
    const slugs = slugsOf(['con', 'CON', 'nul', 'Aux', 'PRN', 'com1', 'LPT9', 'COM¹']);
    for (const slug of slugs.values()) {
      expect(isWindowsDevice(slug), slug).toBe(false);
      expect(slug).toMatch(/^(con|nul|aux|prn|com1|lpt9)-[0-9a-f]{4}$/);
    }
    expect(slugs.get('con')).toBe(slugs.get('CON'));
  });

  it('keep arXiv categories as they are, unless one names a device', () => {
    expect(categoryTermId('cs.CL')).toBe('cs.cl');
    expect(categoryTermId('hep-th')).toBe('hep-th');
    for (const category of ['con', 'nul.X', 'AUX']) expect(isWindowsDevice(categoryTermId(category)), category).toBe(false);
  });

  it("give a paper's own tags their slugs, sorted and without repeats", () => {
    expect(ownTagSlugs(['C++', 'c++', 'Attention'])).toEqual(['attention', 'c-plus-plus']);
  });

  it('never let distinct labels share a slug unless they are case or accent variants (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(label, { minLength: 2, maxLength: 12 }), (labels) => {
        const slugs = slugsOf(labels);
        for (const a of labels) {
          for (const b of labels) {
            if (a === b) continue;
            expect(slugs.get(a) === slugs.get(b), `${JSON.stringify(a)} / ${JSON.stringify(b)}`).toBe(foldLabel(a) === foldLabel(b));
          }
        }
        for (const slug of slugs.values()) {
          expect(slug).toMatch(TAXONOMY_ID);
          expect(isWindowsDevice(slug)).toBe(false);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('depend on the set of labels, never on their order (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(label, { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 1000 }), (labels, seed) => {
        const shuffled = [...labels].sort((a, b) => ((a.length * 31 + seed) % 7) - ((b.length * 31 + seed) % 7) || (a < b ? 1 : -1));
        expect([...slugsOf(shuffled)].sort()).toEqual([...slugsOf(labels)].sort());
      }),
      { numRuns: 200 },
    );
  });
});

describe('Windows device names', () => {
  it('are refused in any case and with any extension', () => {
    for (const name of [
      'con',
      'CON',
      'Con.txt',
      'nul.tar.gz',
      'aux',
      'prn',
      'com0',
      'COM9',
      'lpt1',
      'LPT9',
      'COM¹',
      'lpt³',
      'conin$',
      'nul ',
    ]) {
      expect(isWindowsDevice(name), name).toBe(true);
    }
    for (const name of ['cone', 'icon', 'con-txt', 'com10', 'console', 'nullable', 'aux-1a2b', 'tag-con'])
      expect(isWindowsDevice(name), name).toBe(false);
  });
});
