import { describe, expect, it } from 'vitest';
import { parseBibtex, protectBibtex } from '../../src/ingest/parse/parse-bibtex.ts';

const DATE = { date: '2025-02-03' };

/** The fields of the only entry in `bib`, parsed with --date so the listing day is no concern. */
function only(bib: string): Readonly<Record<string, unknown>> {
  const { entries, problems } = parseBibtex(bib, 'refs.bib', DATE);
  expect(problems).toEqual([]);
  expect(entries).toHaveLength(1);
  return entries[0]!.fields;
}

const titleOf = (tex: string) => only(`@misc{k, title = {${tex}}}`)['title'];
const abstractOf = (tex: string) => only(`@misc{k, abstract = {${tex}}}`)['abstract'];
const authorsOf = (tex: string) => only(`@misc{k, author = {${tex}}}`)['authors'];

describe('parseBibtex: text fields are plain text', () => {
  it('keeps a literal < and > as themselves (the library alone would print ¡ and ¿)', () => {
    expect(titleOf('Significant at p<0.05 when n > 30')).toBe('Significant at p<0.05 when n > 30');
    expect(abstractOf('a <b>bold</b> claim')).toBe('a <b>bold</b> claim');
  });

  it('drops the HTML the library emits for \\emph, \\textit, \\textbf, \\textsc and case protection', () => {
    expect(titleOf('\\emph{Deep} \\textit{and} \\textbf{Wide} \\textsc{Nets} for {BERT}')).toBe('Deep and Wide Nets for BERT');
    expect(titleOf('H\\textsubscript{2}O')).toBe('H₂O');
  });

  it('turns \\textless{} and \\textgreater{} into text that survives the markup stripping', () => {
    expect(titleOf('\\textless{}i\\textgreater{} tags')).toBe('<i> tags');
    expect(titleOf('a \\textless b')).toBe('a <b');
  });

  it('decodes accents and escapes, dashes and quotes', () => {
    expect(titleOf('{\\"u}ber na{\\"\\i}ve caf{\\\'e} R\\&D 50\\% \\$5 \\#1 a\\_b')).toBe('über naïve café R&D 50% $5 #1 a_b');
    expect(titleOf("pages 1--2 --- a pause ``quoted''")).toBe('pages 1–2 — a pause “quoted”');
  });

  it('keeps TeX math exactly as written, the library rendering being lossy', () => {
    expect(titleOf('$\\alpha$-Scaling in $\\mathcal{O}(n \\log n)$')).toBe('$\\alpha$-Scaling in $\\mathcal{O}(n \\log n)$');
    expect(abstractOf('Energy $$E = mc^2$$ and \\(x<y\\) and $\\frac{a}{b}$.')).toBe(
      'Energy $$E = mc^2$$ and \\(x<y\\) and $\\frac{a}{b}$.',
    );
    expect(abstractOf('math over a\nline break: $a +\n b$')).toBe('math over a line break: $a +\n b$');
  });

  it('keeps \\[…\\] and a math delimiter that opens nothing as written (the library would drop them)', () => {
    expect(titleOf('a \\[x^2\\] b, lone \\( and \\] here')).toBe('a \\[x^2\\] b, lone \\( and \\] here');
  });

  it('does not take an escaped or stray dollar for math', () => {
    expect(abstractOf('costs \\$5 and \\$6')).toBe('costs $5 and $6');
    expect(abstractOf('$x$ then \\$ and $y$')).toBe('$x$ then $ and $y$');
  });

  it('keeps a link target that the label would hide', () => {
    expect(abstractOf('see \\href{https://github.com/o/r}{our code} or \\url{https://x.org/a}')).toBe(
      'see our code (https://github.com/o/r) or https://x.org/a',
    );
  });
});

describe('parseBibtex: names', () => {
  it('builds "First von Last, Jr." and keeps institutions whole', () => {
    expect(
      authorsOf('M{\\"u}ller, J{\\"o}rg and von Neumann, John and de la Fontaine, Jean and Smith, Jr., John and {Google DeepMind}'),
    ).toEqual(['Jörg Müller', 'John von Neumann', 'Jean de la Fontaine', 'John Smith, Jr.', 'Google DeepMind']);
  });

  it('reads "First Last" order and drops "and others"', () => {
    expect(authorsOf('Ada Lovelace and Ludwig van Beethoven and others')).toEqual(['Ada Lovelace', 'Ludwig van Beethoven']);
  });
});

describe('parseBibtex: identifiers and dates', () => {
  it.each([
    ['eprint + archivePrefix', 'eprint = {2501.00663v2}, archivePrefix = {arXiv}', '2501.00663v2'],
    ['eprinttype', 'eprint = {hep-th/9711200}, eprinttype = {arxiv}', 'hep-th/9711200'],
    ['an arxiv.org URL', 'url = {https://arxiv.org/abs/2501.00663}', '2501.00663'],
    ['a Google Scholar journal', 'journal = {arXiv preprint arXiv:2310.07096}', '2310.07096'],
  ])('finds the arXiv id in %s', (_, fields, id) => {
    expect(only(`@misc{k, title = {T}, ${fields}}`)['id']).toBe(id);
  });

  it('does not read a non-arXiv eprint as an arXiv id', () => {
    expect(only('@misc{k, title = {T}, eprint = {12345678}, eprinttype = {pubmed}}')['id']).toBeUndefined();
  });

  it.each([
    ['year = 2024', '2024'],
    ['year = 2024, month = mar', '2024-03'],
    ['year = {2024}, month = {March}', '2024-03'],
    ['year = {2024}, month = {9}', '2024-09'],
    ['date = {2024-03}', '2024-03'],
    ['date = {2024-03-05}', '2024-03-05'],
    ['date = {2024-03-05/2024-03-07}', '2024-03-05'],
  ])('keeps the precision of %s', (fields, published) => {
    expect(only(`@misc{k, title = {T}, ${fields}}`)['published']).toBe(published);
  });

  it('lists under the full day of `date` when no --date is given', () => {
    const { entries, problems } = parseBibtex('@misc{k, title = {T}, date = {2024-03-05}}', 'refs.bib', {});
    expect(problems).toEqual([]);
    expect(entries[0]?.fields['date']).toBe('2024-03-05');
  });

  it('never invents a day: year or month alone lists the entry on no day, without a problem', () => {
    const { entries, problems } = parseBibtex('\n@misc{k, title = {T}, year = 2024, month = mar}', 'refs.bib', {});
    expect(entries[0]?.fields['date']).toBeUndefined();
    expect(entries[0]?.fields['published']).toBe('2024-03');
    expect(problems).toEqual([]);
  });

  it('refuses an entry with neither a date nor a year, pointing at both remedies', () => {
    const { problems } = parseBibtex('\n@misc{k, title = {T}}', 'refs.bib', {});
    expect(problems).toEqual([
      {
        severity: 'error',
        file: 'refs.bib',
        line: 2,
        field: 'date',
        reason:
          'BibTeX gives no date, and a day is never invented; give the entry a year, or pass --date YYYY-MM-DD to list these papers under a day',
      },
    ]);
  });

  it('maps keywords to tags, doi, url and primaryClass', () => {
    const fields = only(
      '@misc{k, title = {T}, keywords = {memory; attention, RNN}, doi = {10.48550/arXiv.2501.00663}, url = {https://example.org/p}, primaryClass = {cs.LG}}',
    );
    expect(fields).toMatchObject({
      tags: ['attention', 'memory', 'RNN'],
      doi: '10.48550/arXiv.2501.00663',
      url: 'https://example.org/p',
      categories: ['cs.LG'],
    });
  });
});

describe('parseBibtex: structure and lines', () => {
  it('locates each entry at its @type line, copies included, and skips @string, @preamble and @comment', () => {
    const bib = [
      '@string{venue = {ICML}}',
      '@preamble{"x"}',
      '@comment{not a paper}',
      '',
      '@article{a, title = {Same}}',
      '',
      '@article{a, title = {Same}}',
      '  @InProceedings{b,',
      '  title = {p<0.05 $x$}, booktitle = venue}',
    ].join('\n');
    const { entries } = parseBibtex(bib, 'refs.bib', DATE);
    expect(entries.map((entry) => entry.line)).toEqual([5, 7, 8]);
  });

  it('reports an unterminated entry at its own line with the library message, and reads on', () => {
    const bib = [
      '@article{ok1, title = {One}}',
      '',
      '@article{bad,',
      '  title = {Never closed $a +',
      ' b$ and p<0.05,',
      '  year = 2024',
      '}',
      '@article{ok2, title = {Two}}',
      '',
    ].join('\n');
    const { entries, problems } = parseBibtex(bib, 'refs.bib', DATE);
    expect(entries.map((entry) => [entry.line, entry.fields['title']])).toEqual([
      [1, 'One'],
      [8, 'Two'],
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error', line: 3, field: 'entry' });
    // The library counts lines in the protected text, where the math span lost its line break;
    // the message is mapped back to the file as written.
    expect(problems[0]?.reason).toBe(
      'Token mismatch, expected "}", found "@article{ok2, title "... at line 8, column 1 in "article"; the entry is skipped',
    );
  });

  it('warns, at the entry, about an unknown @string and keeps the entry', () => {
    const { entries, problems } = parseBibtex('@misc{a, title = {A}}\n@misc{b, title = {B}, journal = jmlr}', 'refs.bib', DATE);
    expect(entries).toHaveLength(2);
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'warning', line: 2, field: 'entry', reason: expect.stringContaining('"jmlr"') }),
    ]);
  });
});

describe('parseBibtex: crossref', () => {
  it('lets an entry inherit from the entry its crossref names, wherever that one is in the file', () => {
    const bib = [
      '@inproceedings{p, title = {Paper}, crossref = {conf}, author = {A B}}',
      '@proceedings{conf, title = {Proc}, year = 2024, month = mar, url = {https://x.org}, doi = {10.1/x}, keywords = {k1}}',
      '@inproceedings{q, title = {Other}, crossref = {CONF}, year = 2023}',
    ].join('\n');
    const { entries } = parseBibtex(bib, 'refs.bib', DATE);
    expect(
      entries.map((entry) => [entry.line, entry.fields['title'], entry.fields['published'], entry.fields['url'], entry.fields['tags']]),
    ).toEqual([
      [1, 'Paper', '2024-03', 'https://x.org', ['k1']],
      [2, 'Proc', '2024-03', 'https://x.org', ['k1']],
      [3, 'Other', '2023-03', 'https://x.org', ['k1']],
    ]);
  });

  it('reads 3,000 children of one parent in batches, each inheriting', () => {
    const children = Array.from({ length: 3000 }, (_, i) => `@inproceedings{c${i}, title = {Child ${i}}, crossref = {conf}}`);
    const { entries, problems } = parseBibtex(
      `@proceedings{conf, title = {Proc}, year = 2024, month = may}\n${children.join('\n')}`,
      'refs.bib',
      DATE,
    );
    expect(problems).toEqual([]);
    expect(entries).toHaveLength(3001);
    expect(entries.every((entry) => entry.fields['published'] === '2024-05')).toBe(true);
  });
});

describe('parseBibtex: bounded work', () => {
  it('refuses @strings that double at each step before building them, and reads the rest of the file', () => {
    // 740 bytes that took the library 18 s and 3.8 GB, then a RangeError naming no file.
    let bib = '@string{a0="xx"}\n';
    for (let i = 1; i <= 31; i += 1) bib += `@string{a${i}=a${i - 1}#a${i - 1}}\n`;
    bib += '@article{doubled, title={Doubled}, abstract=a31}\n@article{fine, title={Fine}, abstract=a3}\n';
    const { entries, problems } = parseBibtex(bib, 'refs.bib', DATE);
    expect(entries.map((entry) => [entry.line, entry.fields['abstract']])).toEqual([[34, 'x'.repeat(16)]]);
    expect(problems).toEqual([
      {
        severity: 'warning',
        file: 'refs.bib',
        line: 15,
        field: 'entry',
        reason: '@string `a14` is more than 25000 characters long once its @strings are expanded; entries that use it are skipped',
      },
      {
        severity: 'error',
        file: 'refs.bib',
        line: 33,
        field: 'entry',
        reason:
          '`abstract` uses @string `a31`, and @string `a14` (line 15) is more than 25000 characters long once its @strings are expanded; the entry is skipped',
      },
    ]);
  });

  it('refuses @strings nested more than 16 deep', () => {
    let bib = '@string{b0 = "x"}\n';
    for (let i = 1; i <= 17; i += 1) bib += `@string{b${i} = b${i - 1}}\n`;
    const { entries, problems } = parseBibtex(`${bib}@misc{k, title = b17}`, 'refs.bib', DATE);
    expect(entries).toEqual([]);
    expect(problems.map((problem) => `${problem.line}: ${problem.severity}: ${problem.reason}`)).toEqual([
      '18: warning: @string `b17` is built from @strings more than 16 deep; entries that use it are skipped',
      '19: error: `title` uses @string `b17` (line 18), which is built from @strings more than 16 deep; the entry is skipped',
    ]);
  });

  it('refuses an entry whose field the archive reads is over the cap, and leaves out one it does not read', () => {
    const long = 'x'.repeat(25_001);
    const { entries, problems } = parseBibtex(
      `@misc{a, title = {A}, abstract = {${long}}}\n@misc{b, title = {B}, annote = {${long}},\n  note = "n"}`,
      'refs.bib',
      DATE,
    );
    expect(entries.map((entry) => [entry.line, entry.fields['title']])).toEqual([[2, 'B']]);
    expect(problems).toEqual([
      {
        severity: 'error',
        file: 'refs.bib',
        line: 1,
        field: 'entry',
        reason: '`abstract` is more than 25000 characters long; the entry is skipped',
      },
      {
        severity: 'warning',
        file: 'refs.bib',
        line: 2,
        field: 'annote',
        reason: 'is more than 25000 characters long; left unread (the archive does not use this field)',
      },
      {
        severity: 'warning',
        file: 'refs.bib',
        line: 3,
        field: 'note',
        reason: 'not kept: the archive has no such field, so it is ignored (said once per field in this file)',
      },
    ]);
  });

  it('refuses a name list with a name far longer than a name may be', () => {
    const { entries, problems } = parseBibtex(`@misc{k, title = {T}, author = {A B and ${'x, '.repeat(400)}}}`, 'refs.bib', DATE);
    expect(entries).toEqual([]);
    expect(problems).toEqual([
      {
        severity: 'error',
        file: 'refs.bib',
        line: 1,
        field: 'entry',
        reason: '`author` has a name more than 600 characters long; the entry is skipped',
      },
    ]);
  });

  it('keeps the first 2000 names of a longer author list before the library splits it', () => {
    const names = Array.from({ length: 2500 }, (_, i) => `Last${i}, F.`).join(' and ');
    const { entries, problems } = parseBibtex(`@misc{k, title = {Many}, author = {{Big Collaboration} and ${names}}}`, 'refs.bib', DATE);
    expect(entries[0]?.fields['authors']).toHaveLength(2000);
    expect((entries[0]?.fields['authors'] as string[]).at(-1)).toBe('F. Last1998');
    expect(problems).toEqual([
      { severity: 'warning', file: 'refs.bib', line: 1, field: 'authors', reason: 'kept the first 2000 of 2501 authors' },
    ]);
  });

  it('reads a file of 66,000 broken entries in time linear in the file, each reported at its line', () => {
    const started = performance.now();
    const { problems } = parseBibtex('@a\n'.repeat(66_000), 'refs.bib', DATE);
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(problems).toHaveLength(66_000);
    expect(problems[65_999]).toMatchObject({ line: 66_000, field: 'entry' });
  });
});

describe('protectBibtex', () => {
  it('hides <, > and math behind placeholders that the library passes through', () => {
    const { text, replacements } = protectBibtex('p<0.05 $a>b$ \\$ x');
    expect(text).not.toMatch(/[<>]/);
    expect(text).toContain(' \\$ x');
    expect(replacements.map((replacement) => replacement.original)).toEqual(['<', '$a>b$']);
  });
});
