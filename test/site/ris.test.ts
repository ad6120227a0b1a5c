/**
 * The RIS writer: records, types, fields, names, and values that try to break out of their line.
 * Entry text is untrusted, so every file is read back with a strict RIS reader written here: CRLF
 * line ends and nothing else, `TY` first and `ER` last in every record, every line a known tag
 * with one non-empty, single-line value. A hostile paper must come back as one record whose
 * values are its fields, made one line.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { citedPaper, type CitedPaper } from '../../src/site/formats/cited-paper.ts';
import { listingRis, paperRis, risKeywords, risName, risRecord, risValue } from '../../src/site/formats/ris.ts';
import { listingRisFile, paperRisFile } from '../../src/site/formats/citation-files.ts';
import { PUBLICATION_TYPES, type Paper } from '../../src/schema/paper.ts';
import { makePaper } from '../support/make-paper.ts';
import { HOSTILE_FRAGMENTS, hostilePapers } from '../support/hostile-papers.ts';

/** The tags the writer may write. */
const TAGS = new Set(['TY', 'TI', 'AU', 'PY', 'DA', 'T2', 'JO', 'C3', 'VL', 'IS', 'SP', 'EP', 'PB', 'M3', 'DO', 'UR', 'AB', 'KW', 'ER']);

/** One record read back: its type, and every tag's values in order. */
interface RisRecord {
  readonly type: string;
  readonly fields: Readonly<Record<string, string[]>>;
}

/** Reads `text` as strict RIS; throws on anything a reference manager could read otherwise. */
function readRis(text: string): RisRecord[] {
  if (!text.endsWith('ER  - \r\n')) throw new Error('the file does not end with `ER  - ` and CRLF');
  const lines = text.slice(0, -2).split('\r\n');
  const records: RisRecord[] = [];
  let open: { type: string; fields: Record<string, string[]> } | null = null;
  lines.forEach((line, index) => {
    const where = `line ${index + 1}`;
    if (/[\r\n]/.test(line)) throw new Error(`${where}: a line break other than CRLF`);
    if (line === '') {
      if (open) throw new Error(`${where}: a blank line inside a record`);
      if (index === 0) throw new Error(`${where}: a blank line before the first record`);
      return;
    }
    const match = /^([A-Z][A-Z0-9]) {2}- (.*)$/.exec(line);
    if (!match) throw new Error(`${where}: not a tag line: ${JSON.stringify(line)}`);
    const [, tag, value] = match as unknown as [string, string, string];
    if (!TAGS.has(tag)) throw new Error(`${where}: unknown tag ${tag}`);
    if (tag === 'TY') {
      if (open) throw new Error(`${where}: TY inside a record`);
      open = { type: value, fields: {} };
      return;
    }
    if (!open) throw new Error(`${where}: ${tag} outside a record`);
    if (tag === 'ER') {
      if (value !== '') throw new Error(`${where}: ER with a value`);
      records.push(open);
      open = null;
      return;
    }
    if (value === '' || value !== value.trim()) throw new Error(`${where}: an empty or padded value`);
    if (/[\p{Cc}\p{Zl}\p{Zp}]/u.test(value)) throw new Error(`${where}: a control character or separator`);
    (open.fields[tag] ??= []).push(value);
  });
  if (open) throw new Error('a record without ER');
  return records;
}

/** The one record of `text`. */
function onlyRecord(text: string): RisRecord {
  const records = readRis(text);
  expect(records).toHaveLength(1);
  return records[0]!;
}

const cited = (slug: string, extra: Partial<Paper> = {}, date: string | null = '2025-03-19') => citedPaper(makePaper(slug, date, extra));

describe('a paper’s RIS record', () => {
  it('writes every field the paper has, each in its tag', () => {
    const paper = cited('devlin2019bert', {
      title: 'BERT: Pre-training of Deep Bidirectional Transformers',
      authors: ['Jacob Devlin', 'Ming-Wei Chang', 'Ludwig van Beethoven, Jr.'],
      published: '2019-06-02',
      type: 'article',
      venue: 'Journal of Transformers',
      volume: '12',
      issue: '3',
      pages: '4171–4186',
      publisher: 'ACL',
      doi: '10.18653/v1/N19-1423',
      url: 'https://aclanthology.org/N19-1423/',
      abstract: 'We introduce BERT.\nIt reads both ways.',
      categories: ['cs.CL'],
      tags: ['language models', 'pretraining'],
    });
    const record = onlyRecord(paperRis(paper, 'https://example.org/papers/devlin2019bert/'));
    expect(record).toEqual({
      type: 'JOUR',
      fields: {
        TI: ['BERT: Pre-training of Deep Bidirectional Transformers'],
        AU: ['Devlin, Jacob', 'Chang, Ming-Wei', 'van Beethoven, Ludwig, Jr.'],
        PY: ['2019'],
        DA: ['2019/06/02/'],
        T2: ['Journal of Transformers'],
        JO: ['Journal of Transformers'],
        VL: ['12'],
        IS: ['3'],
        SP: ['4171'],
        EP: ['4186'],
        PB: ['ACL'],
        DO: ['10.18653/v1/N19-1423'],
        UR: ['https://aclanthology.org/N19-1423/'],
        AB: ['We introduce BERT. It reads both ways.'],
        KW: ['cs.CL', 'language models', 'pretraining'],
      },
    });
  });

  it('writes only what is known: no empty tags, no date finer than the source’s', () => {
    const record = onlyRecord(paperRis(cited('a-title'), 'https://example.org/papers/a-title/'));
    // A paper with neither a URL nor an arXiv id links to its page in the archive; its year is the listing day's.
    expect(record).toEqual({
      type: 'GEN',
      fields: { TI: ['a-title'], PY: ['2025'], DA: ['2025///'], UR: ['https://example.org/papers/a-title/'] },
    });
    expect(onlyRecord(risRecord(cited('y', { published: '2019' }, null))).fields).toEqual({ TI: ['y'], PY: ['2019'], DA: ['2019///'] });
    expect(onlyRecord(risRecord(cited('m', { published: '2019-03' }, null))).fields['DA']).toEqual(['2019/03//']);
  });

  it('cites an arXiv preprint as GEN from arXiv, dated by its id, at its abstract page', () => {
    const record = onlyRecord(risRecord(cited('2501.00663', { id: '2501.00663', categories: ['cs.LG'] })));
    expect(record).toEqual({
      type: 'GEN',
      fields: {
        TI: ['2501.00663'],
        PY: ['2025'],
        DA: ['2025/01//'],
        PB: ['arXiv'],
        UR: ['https://arxiv.org/abs/2501.00663'],
        KW: ['cs.LG'],
      },
    });
    // The source's own publisher wins.
    expect(onlyRecord(risRecord(cited('2501.00664', { id: '2501.00664', publisher: 'OpenReview' }))).fields['PB']).toEqual(['OpenReview']);
  });

  it('gives each kind of publication its RIS type and puts the venue where that type reads it', () => {
    const kinds: Record<(typeof PUBLICATION_TYPES)[number], { type: string; venue: string[] }> = {
      article: { type: 'JOUR', venue: ['T2', 'JO'] },
      inproceedings: { type: 'CONF', venue: ['T2', 'C3'] },
      incollection: { type: 'CHAP', venue: ['T2'] },
      book: { type: 'BOOK', venue: ['T2'] },
      phdthesis: { type: 'THES', venue: ['T2'] },
      mastersthesis: { type: 'THES', venue: ['T2'] },
      report: { type: 'RPRT', venue: ['T2'] },
      preprint: { type: 'GEN', venue: ['T2'] },
      misc: { type: 'GEN', venue: ['T2'] },
    };
    for (const type of PUBLICATION_TYPES) {
      const record = onlyRecord(risRecord(cited(`k-${type}`, { type, venue: 'The Venue' })));
      expect(record.type, type).toBe(kinds[type].type);
      expect(Object.keys(record.fields).filter((tag) => record.fields[tag]!.includes('The Venue'))).toEqual(kinds[type].venue);
    }
    // A journal article or conference paper without its venue is cited as a preprint, as in BibTeX.
    expect(onlyRecord(risRecord(cited('no-venue', { type: 'article' }))).type).toBe('GEN');
    expect(onlyRecord(risRecord(cited('no-type', { type: null }))).type).toBe('GEN');
    expect(onlyRecord(risRecord(cited('phd', { type: 'phdthesis', publisher: 'MIT' }))).fields).toMatchObject({
      PB: ['MIT'],
      M3: ['PhD thesis'],
    });
    expect(onlyRecord(risRecord(cited('ms', { type: 'mastersthesis' }))).fields['M3']).toEqual(["Master's thesis"]);
  });

  it('splits a page range and keeps other pages as written', () => {
    const pages = (value: string) => {
      const { SP, EP } = onlyRecord(risRecord(cited(`p-${value.length}`, { pages: value }))).fields;
      return { SP, EP };
    };
    expect(pages('583–589')).toEqual({ SP: ['583'], EP: ['589'] });
    expect(pages('e123')).toEqual({ SP: ['e123'], EP: undefined });
    expect(pages('1–2, 5–6')).toEqual({ SP: ['1–2, 5–6'], EP: undefined });
  });

  it('writes names as `Last, First, Suffix`, and names it cannot split as they are', () => {
    expect(risName('Ada Lovelace')).toBe('Lovelace, Ada');
    expect(risName('Jean de la Fontaine')).toBe('de la Fontaine, Jean');
    expect(risName('Martin Luther King, Jr.')).toBe('King, Martin Luther, Jr.');
    expect(risName('Plato')).toBe('Plato');
    expect(risName('Lovelace, Ada')).toBe('Lovelace, Ada');
    expect(risName('محمد الخوارزمي')).toBe('الخوارزمي, محمد');
  });

  it('gives each keyword once: the categories, then the tags', () => {
    expect(risKeywords({ categories: ['cs.CL', 'cs.LG'], tags: ['CS.cl', 'LLM', 'llm', ' '] })).toEqual(['cs.CL', 'cs.LG', 'LLM']);
  });

  it('ends every line with CRLF, and with nothing else', () => {
    const text = risRecord(cited('crlf', { abstract: 'one\ntwo\r\nthree\rfour', authors: ['A B'] }));
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    expect(onlyRecord(text).fields['AB']).toEqual(['one two three four']);
  });
});

describe('untrusted text in RIS', () => {
  it('cannot end its line, start a tag or end the record', () => {
    const hostile =
      'x\r\nER  - \r\n\r\nTY  - JOUR\r\nTI  - injected\nAU  - Mallory\u2028KW  - a\u2029UR  - b\u0085PY  - 1\u0000\u001b[31m\u007f\ttab';
    const paper = cited('hostile', {
      title: hostile,
      abstract: hostile,
      authors: [hostile],
      venue: hostile,
      type: 'article',
      tags: [hostile],
    });
    const record = onlyRecord(risRecord(paper));
    const flat = risValue(hostile);
    expect(flat).toBe('x ER - TY - JOUR TI - injected AU - Mallory KW - a UR - b PY - 1 [31m tab');
    expect(record.fields).toMatchObject({ TI: [flat], AB: [flat], T2: [flat], JO: [flat], KW: [flat] });
    expect(record.fields['AU']).toHaveLength(1);
  });

  it('keeps right-to-left text, bidi controls and other scripts as written', () => {
    const title = 'نموذج \u202eلغوي\u202c — מודל שפה 中文 😀';
    expect(onlyRecord(risRecord(cited('rtl', { title, authors: ['سارة أحمد'] }))).fields).toMatchObject({
      TI: [title],
      AU: ['أحمد, سارة'],
    });
  });

  it('reads back as one record with the paper’s values, whatever its text', () => {
    const text = fc.array(
      fc.oneof(fc.constantFrom(...HOSTILE_FRAGMENTS, '\n', '\r', '\r\n', 'ER  - ', 'TY  - ', '\u2028', '\u0085'), fc.string()),
      {
        maxLength: 8,
      },
    );
    fc.assert(
      fc.property(text, text, text, (title, abstract, author) => {
        const paper = cited('any', {
          title: title.join(''),
          abstract: abstract.join(''),
          authors: [author.join('') || 'A'],
          tags: [title.join('')],
        });
        const record = onlyRecord(risRecord(paper));
        expect(record.fields['TI'] ?? []).toEqual(risValue(paper.title) ? [risValue(paper.title)] : []);
        expect(record.fields['AB'] ?? []).toEqual(risValue(paper.abstract) ? [risValue(paper.abstract)] : []);
        expect((record.fields['AU'] ?? []).length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it('reads back every hostile paper of the fixtures as one record', async () => {
    for (const paper of await hostilePapers()) {
      const record = onlyRecord(paperRis(paper, `https://example.org/papers/${paper.slug}/`));
      expect(record.fields['TI']).toEqual([risValue(paper.title)]);
      expect(record.fields['AU'] ?? []).toHaveLength(paper.authors.filter((author) => risValue(risName(author)) !== '').length);
    }
  });
});

describe('RIS files', () => {
  const papers: CitedPaper[] = [
    cited('first'),
    cited('2501.00663', { id: '2501.00663' }),
    cited('third', { url: 'https://example.com/third' }),
  ];

  it('lists a listing’s papers in its order, each linked to its page when it has no link of its own', () => {
    const records = readRis(listingRis(papers, (slug) => `https://example.org/papers/${slug}/`));
    expect(records.map((record) => [record.fields['TI'], record.fields['UR']])).toEqual([
      [['first'], ['https://example.org/papers/first/']],
      [['2501.00663'], ['https://arxiv.org/abs/2501.00663']],
      [['third'], ['https://example.com/third']],
    ]);
  });

  it('links papers on the public origin', () => {
    const site = new URL('https://example.org/shelf/');
    expect(onlyRecord(paperRisFile({ paper: papers[0]! }, site)).fields['UR']).toEqual(['https://example.org/papers/first/']);
    expect(readRis(listingRisFile({ page: 'days/2025-03-19/', papers }, site))).toHaveLength(3);
  });
});
