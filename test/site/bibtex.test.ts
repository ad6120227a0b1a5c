/**
 * The BibTeX writer: entries, names, keys, escaping. Entry text is untrusted, so the proof is a
 * round trip: hostile papers are written and read back with the ingest's own BibTeX reader
 * (src/ingest/parse/parse-bibtex.ts, @retorquere/bibtex-parser), which must find one entry
 * with exactly the paper's fields and no others, while no written field holds a TeX command but
 * the writer's own escapes and harmless math.
 */
import { parse } from '@retorquere/bibtex-parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bibtexEntry, bibtexName, listingBibtex, paperBibtex } from '../../src/site/formats/bibtex.ts';
import { ESCAPE_COMMANDS, MATH_COMMANDS, bibtexText, bibtexVerbatim, isHarmlessMath } from '../../src/site/formats/bibtex-text.ts';
import { citationKey, citedPaper, issuedDate, paperKey, type CitedPaper } from '../../src/site/formats/cited-paper.ts';
import { citedKind } from '../../src/site/formats/publication-kind.ts';
import type { Paper } from '../../src/schema/paper.ts';
import { parseBibtex } from '../../src/ingest/parse/parse-bibtex.ts';
import { cleanText } from '../../src/ingest/normalize/clean-text.ts';
import { makePaper } from '../support/make-paper.ts';
import { HOSTILE_FRAGMENTS, hostilePapers } from '../support/hostile-papers.ts';

const cited = (slug: string, extra: Parameters<typeof makePaper>[2] = {}) => citedPaper(makePaper(slug, '2025-03-19', extra));

/** What the ingest reads back from `text`: its entries' fields, and any problem. */
function readBack(text: string) {
  const { entries, problems } = parseBibtex(text, 'written.bib', { date: '2025-03-19' });
  return { fields: entries.map((entry) => entry.fields), problems: problems.map((problem) => `${problem.field}: ${problem.reason}`) };
}

/** The fields the ingest should read back from a paper's entry. */
function expectedFields(paper: CitedPaper): Record<string, unknown> {
  const issued = issuedDate(paper);
  const fields: Record<string, unknown> = {
    title: paper.title,
    date: '2025-03-19',
    published: issued.month ? `${issued.year}-${String(issued.month).padStart(2, '0')}` : String(issued.year),
  };
  if (paper.id) fields['id'] = paper.id;
  if (paper.authors.length > 0) fields['authors'] = paper.authors;
  // `$` is percent-encoded in verbatim fields (see bibtexVerbatim).
  if (paper.doi) fields['doi'] = paper.doi.replaceAll('$', '%24');
  if (paper.url ?? paper.id) fields['url'] = (paper.url ?? `https://arxiv.org/abs/${paper.id}`).replaceAll('$', '%24');
  if (paper.id && paper.categories[0]) fields['categories'] = [paper.categories[0]];
  // The kind, venue and the rest come back as the fields their kind writes them in.
  const kind = citedKind(paper).bibtex.type;
  fields['type'] = kind === 'techreport' ? 'report' : kind;
  for (const name of ['venue', 'volume', 'issue', 'pages', 'publisher'] as const) if (paper[name]) fields[name] = paper[name];
  fields['citekey'] = paperKey(paper);
  return fields;
}

/** Structural safety of one written entry, whatever its text: see the module comment. */
function expectWellFormed(entry: string, paper: CitedPaper) {
  let depth = 0;
  for (const char of entry) {
    if (char === '{') depth += 1;
    if (char === '}') depth -= 1;
    expect(depth).toBeGreaterThanOrEqual(0);
  }
  expect(depth).toBe(0);
  const lines = entry.trimEnd().split('\n');
  expect(lines[0]).toBe(`@${citedKind(paper).bibtex.type}{${paperKey(paper)},`);
  expect(lines.at(-1)).toBe('}');
  // One line per field, each a known field: nothing was injected.
  const names = lines.slice(1, -1).map((line) => /^ {2}([A-Za-z]+) = /.exec(line)?.[1]);
  expect(
    names.every(
      (name) =>
        name &&
        [
          ...['title', 'author', 'year', 'month', 'eprint', 'archivePrefix', 'primaryClass', 'doi', 'url'],
          ...['journal', 'booktitle', 'howpublished', 'volume', 'number', 'pages', 'publisher', 'school', 'institution', 'note', 'series'],
        ].includes(name),
    ),
  ).toBe(true);
  expect(new Set(names).size).toBe(names.length);
  for (const line of lines.filter((line) => /^ {2}(title|author|journal|booktitle|howpublished|volume|publisher) = /.test(line))) {
    // A control word, or a control symbol such as `\\` (so `\\A` is not read as `\A`).
    for (const [, command] of line.matchAll(/\\([A-Za-z]+|[^A-Za-z])/g))
      if (/^[A-Za-z]/.test(command!)) expect(ESCAPE_COMMANDS.has(command!) || MATH_COMMANDS.has(command!), command).toBe(true);
    expect(line).not.toContain('^^');
  }
}

describe('bibtexEntry', () => {
  it('writes an arXiv paper as arXiv does, with its DOI and publication month', () => {
    const paper = cited('2501.00663', {
      id: '2501.00663',
      title: 'Titans: Learning to Memorize at Test Time with LLaMA & $\\mathcal{O}(n)$ Memory',
      authors: ['Ali Behrouz', 'Peilin Zhong', 'Martin Luther King, Jr.'],
      published: '2024-12-31',
      doi: '10.48550/arXiv.2501.00663',
      categories: ['cs.LG', 'cs.AI'],
    });
    expect(bibtexEntry(paper)).toMatchInlineSnapshot(`
      "@misc{arXiv:2501.00663,
        title = {Titans: Learning to Memorize at Test Time with {LLaMA} \\& {$\\mathcal{O}(n)$} Memory},
        author = {Ali Behrouz and Peilin Zhong and King, Jr., Martin Luther},
        year = {2024},
        month = dec,
        eprint = {2501.00663},
        archivePrefix = {arXiv},
        primaryClass = {cs.LG},
        doi = {10.48550/arXiv.2501.00663},
        url = {https://arxiv.org/abs/2501.00663}
      }
      "
    `);
  });

  it('links a paper with neither URL nor arXiv id to its page, and dates it by its listing year', () => {
    const entry = bibtexEntry(cited('a-paper', { title: 'A paper' }), { fallbackUrl: 'https://shelf.example/papers/a-paper/' });
    expect(entry).toContain('  url = {https://shelf.example/papers/a-paper/}');
    expect(entry).toContain('  year = {2025}');
    expect(entry).not.toContain('month');
    expect(entry).not.toContain('author');
  });

  it('gives one paper cited again the same entry, with its key and, when it needs one, the link asked for', () => {
    const unlinked = cited('a-paper', { title: 'A paper' });
    const onPage = bibtexEntry(unlinked, { fallbackUrl: 'https://shelf.example/papers/a-paper/' });
    const inListing = bibtexEntry(unlinked, { key: 'a-paper-2', fallbackUrl: 'https://other.example/papers/a-paper/' });
    expect(inListing).toBe(
      onPage.replace('https://shelf.example/', 'https://other.example/').replace('@misc{a-paper,', '@misc{a-paper-2,'),
    );
    expect(bibtexEntry(unlinked, { fallbackUrl: 'https://shelf.example/papers/a-paper/' })).toBe(onPage);
    expect(bibtexEntry(unlinked)).not.toContain('url =');

    const linked = cited('2501.00663', { id: '2501.00663', title: 'Titans' });
    const own = bibtexEntry(linked, { fallbackUrl: 'https://shelf.example/papers/2501.00663/' });
    expect(bibtexEntry(linked, { fallbackUrl: 'https://other.example/' })).toBe(own);
    expect(own).toContain('url = {https://arxiv.org/abs/2501.00663}');
  });

  it('writes every BAD-INPUTS and hostile fixture entry so that it reads back unchanged', async () => {
    const papers = await hostilePapers();
    expect(papers.length).toBeGreaterThan(100);
    for (const paper of papers) {
      const entry = bibtexEntry(paper);
      expectWellFormed(entry, paper);
      const { fields, problems } = readBack(entry);
      expect(problems, entry).toEqual([]);
      expect(fields, entry).toEqual([expectedFields(paper)]);
    }
  });
});

describe('escaping', () => {
  it('prints every character TeX or BibTeX reads as syntax as a command', () => {
    expect(bibtexText('\\ { } % & $ # _ ~ ^ < > |')).toBe(
      '\\textbackslash{} \\textbraceleft{} \\textbraceright{} \\% \\& \\$ \\# \\_ \\textasciitilde{} \\textasciicircum{} \\textless{} \\textgreater{} \\textbar{}',
    );
  });

  it('breaks TeX ligatures, so dashes and quotes print as written', () => {
    expect(bibtexText("a--b---c ''q'' ``r?` !`")).toBe("a-{}-b-{}-{}-c '{}'q'{}' `{}`r?{}` !{}`");
  });

  it('protects words a style would lowercase wrongly, but not ordinary capitals', () => {
    expect(bibtexText('Attention Is All You Need: BERT, LLaMA-2, GPT-4o, 3D and Part I', { protectCase: true })).toBe(
      'Attention Is All You Need: {BERT}, {LLaMA}-2, {GPT}-4o, {3D} and Part {I}',
    );
    expect(bibtexText('A Survey', { protectCase: true })).toBe('A Survey');
  });

  it('keeps harmless math as written, and escapes math that could run TeX', () => {
    expect(bibtexText('$\\frac{a}{b}$ and $$\\sum_{i=1}^n x_i$$ and \\(\\alpha\\)')).toBe(
      '$\\frac{a}{b}$ and $$\\sum_{i=1}^n x_i$$ and \\(\\alpha\\)',
    );
    for (const math of [
      '$\\input{/etc/passwd}$',
      '$\\def\\x{1}$',
      '$x^^5cinput$',
      '$a % b$',
      '$a # b$',
      '$a & b$',
      '$\\{$',
      '$}{$',
      '$\\immediate\\write18{ls}$',
      '$\\\\A$$x$',
    ]) {
      expect(isHarmlessMath(math), math).toBe(false);
      const written = bibtexText(math);
      expect(written, math).not.toMatch(/(?<!\\textbackslash\{\})\\(input|def|immediate|write)/);
      expect(readBack(`@misc{k, title = {${written}}}`).fields[0]?.['title']).toBe(math);
    }
  });

  it('percent-encodes only braces, backslashes, `$` and spaces in URLs and DOIs', () => {
    expect(bibtexVerbatim('https://x.org/a_b%20c?q={1}&$#x~y\\z')).toBe('https://x.org/a_b%20c?q=%7B1%7D&%24#x~y%5Cz');
  });

  it('cannot be made to end the entry or add fields, whatever the text (property)', () => {
    const text = fc
      .array(
        fc.oneof(
          fc.constantFrom(...HOSTILE_FRAGMENTS),
          fc.string({ unit: 'grapheme', maxLength: 6 }),
          fc.string({ unit: 'binary', maxLength: 3 }),
        ),
        { minLength: 1, maxLength: 12 },
      )
      .map((parts) => cleanText(parts.join(''), { singleLine: true }).value)
      .filter((value) => value !== '');
    const paper = fc.record({
      title: text,
      authors: fc.array(text, { maxLength: 4 }),
      id: fc.option(fc.constantFrom('2501.00663', '0704.0001', 'hep-th/9901001', 'math.AG/0101001'), { nil: null }),
      published: fc.option(fc.constantFrom('1999', '2024-03', '2024-02-29'), { nil: null }),
      doi: fc.option(
        fc.constantFrom('10.1000/xyz', '10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0', '10.1000/a_b%c#d~e^f&g$h'),
        { nil: null },
      ),
      url: fc.option(
        fc.constantFrom('https://example.org/a_b%20c?q=1&r=2#frag~x', 'http://example.org/%7Bx%7D/$&#', 'https://example.org/'),
        { nil: null },
      ),
      // Hostile venues, volumes and publishers must stay text in every kind of entry.
      type: fc.option(fc.constantFrom('article', 'inproceedings', 'phdthesis', 'report', 'misc') as fc.Arbitrary<Paper['type']>, {
        nil: null,
      }),
      venue: fc.option(text, { nil: null }),
      volume: fc.option(text, { nil: null }),
      pages: fc.option(fc.constantFrom('4171–4186', 'e123', '1–5, 7'), { nil: null }),
      publisher: fc.option(text, { nil: null }),
    });
    fc.assert(
      fc.property(paper, (fields) => {
        const slug = fields.id ? fields.id.toLowerCase().replace('/', '-') : 'hostile-paper';
        const subject = cited(slug, { ...fields, categories: fields.id ? ['cs.LG'] : [] });
        const entry = bibtexEntry(subject);
        expectWellFormed(entry, subject);
        const { fields: read, problems } = readBack(entry);
        expect(problems).toEqual([]);
        expect(read).toEqual([expectedFields(subject)]);
      }),
      { numRuns: 400 },
    );
  });
});

describe('bibtexName', () => {
  it('writes names BibTeX reads back whole', () => {
    expect(bibtexName('Ada Lovelace')).toBe('Ada Lovelace');
    expect(bibtexName('Ludwig van Beethoven, Jr.')).toBe('van Beethoven, Jr., Ludwig');
    expect(bibtexName('Google, Inc.')).toBe('{Google, Inc.}');
    expect(bibtexName('Tom and Jerry Lab')).toBe('{Tom and Jerry Lab}');
    expect(bibtexName('others')).toBe('{others}');
    // `van , Jr.` and `AND {, Jr.` were found by the property test below.
    const names = [
      'Ada Lovelace',
      'Ludwig van Beethoven, Jr.',
      'Google, Inc.',
      'Tom and Jerry Lab',
      'others',
      'Plato',
      'Maria de la Cruz',
      'ada {lovelace}',
      'van , Jr.',
      'AND {, Jr.',
      'Jr.',
    ];
    expect(readBack(bibtexEntry(cited('names', { authors: names }))).fields[0]?.['authors']).toEqual(names);
  });
});

describe('keys and files', () => {
  it('keys a paper by its slug alone: arXiv:<id> for arXiv slugs', () => {
    expect(citationKey('2501.00663')).toBe('arXiv:2501.00663');
    expect(citationKey('hep-th-9901001')).toBe('hep-th-9901001');
    expect(citationKey('successor-heads')).toBe('successor-heads');
  });

  it('dates a paper by its publication, else its arXiv id, else its listing year', () => {
    expect(issuedDate({ published: '2024-03-05', id: '2501.00663', date: '2025-03-19' })).toEqual({ year: 2024, month: 3, day: 5 });
    expect(issuedDate({ published: null, id: '2501.00663', date: '2025-03-19' })).toEqual({ year: 2025, month: 1, day: null });
    expect(issuedDate({ published: null, id: 'hep-th/9901001', date: '2025-03-19' })).toEqual({ year: 1999, month: 1, day: null });
    expect(issuedDate({ published: null, id: null, date: '2025-03-19' })).toEqual({ year: 2025, month: null, day: null });
  });

  it('writes a paper file as a comment naming its page, then its entry', () => {
    const file = paperBibtex(cited('x', { title: 'X' }), 'https://shelf.example/@me/papers/x/');
    expect(file.split('\n')[0]).toBe('% Generated by Papershelf from https://shelf.example/%40me/papers/x/');
    expect(readBack(file).fields).toHaveLength(1);
  });

  it('writes a listing with every paper, in order, under unique keys (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom('2501.00663', '2501.00664', 'a-title', 'b-title', 'hep-th-9901001', 'x'), {
          minLength: 0,
          maxLength: 6,
        }),
        fc.boolean(),
        (slugs, repeat) => {
          const papers = slugs.map((slug) => cited(slug, { title: `Title of ${slug}` }));
          const listed = repeat && papers.length > 0 ? [...papers, papers[0]!] : papers;
          const file = listingBibtex(listed, 'https://shelf.example/days/2025-03-19/', (slug) => `https://shelf.example/papers/${slug}/`);
          const parsed = parse(file);
          expect(parsed.errors).toEqual([]);
          expect(parsed.entries.map((entry) => entry.fields.title)).toEqual(listed.map((paper) => paper.title));
          const keys = parsed.entries.map((entry) => entry.key.toLowerCase());
          expect(new Set(keys).size).toBe(keys.length);
          expect(file).toContain(
            `the ${listed.length} ${listed.length === 1 ? 'paper' : 'papers'} listed on https://shelf.example/days/2025-03-19/`,
          );
        },
      ),
    );
  });
});
