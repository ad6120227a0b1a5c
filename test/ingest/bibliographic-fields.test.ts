/**
 * The bibliographic fields (kind, venue, volume, issue, pages, publisher, citation key, project
 * and Hugging Face pages) as each format's parser reads them, the schema checks them, and
 * duplicates combine them; and every field a parser does not keep is said once per field and file.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectEntries } from '../../src/ingest/collect-entries.ts';
import { mergeDuplicates } from '../../src/ingest/merge/merge-duplicates.ts';
import { normalizeEntry } from '../../src/ingest/normalize/normalize-entry.ts';
import { parseArxivAtom } from '../../src/ingest/parse/parse-arxiv-atom.ts';
import { parseBibtex } from '../../src/ingest/parse/parse-bibtex.ts';
import { parseHfDailyPapers } from '../../src/ingest/parse/parse-hf-daily-papers.ts';
import { formatProblem } from '../../src/messages/errors.ts';
import { tempDir } from '../support/temp-dir.ts';

const DATE = { date: '2025-02-03' };
const pick = (fields: Readonly<Record<string, unknown>>, names: readonly string[]) =>
  Object.fromEntries(names.filter((name) => fields[name] !== undefined && fields[name] !== null).map((name) => [name, fields[name]]));
const PUBLICATION = ['type', 'venue', 'volume', 'issue', 'pages', 'publisher', 'citekey'];

describe('BibTeX: publication fields', () => {
  const fieldsOf = (bib: string) => parseBibtex(bib, 'refs.bib', DATE).entries.map((entry) => pick(entry.fields, PUBLICATION));

  it('reads a conference paper: its key, booktitle, pages and publisher', () => {
    const bib = `@inproceedings{devlin2019bert,
  title = {{BERT}},
  booktitle = {Proceedings of NAACL-HLT 2019},
  pages = {4171--4186},
  publisher = {Association for Computational Linguistics},
  year = {2019}
}`;
    expect(fieldsOf(bib)).toEqual([
      {
        type: 'inproceedings',
        venue: 'Proceedings of NAACL-HLT 2019',
        pages: '4171–4186',
        publisher: 'Association for Computational Linguistics',
        citekey: 'devlin2019bert',
      },
    ]);
  });

  it('reads a journal article (journal or journaltitle; number or issue), a thesis, a report and a book series', () => {
    const bib = `@article{a, title = {A}, journal = {Nature}, volume = {596}, number = {7873}, pages = {583--589}}
@article{b, title = {B}, journaltitle = {J. Mach. Learn.}, issue = {3}, pages = {e123}}
@phdthesis{c, title = {C}, school = {University of Toronto}}
@thesis{d, title = {D}, type = {mathesis}, institution = {ETH Zürich}}
@techreport{e, title = {E}, institution = {OpenAI}, number = {TR-7}}
@book{f, title = {F}, series = {Lecture Notes}, publisher = {Springer}, volume = {12}}
@conference{g, title = {G}, booktitle = {ICML}}
@online{h, title = {H}}`;
    expect(fieldsOf(bib)).toEqual([
      { type: 'article', venue: 'Nature', volume: '596', issue: '7873', pages: '583–589', citekey: 'a' },
      { type: 'article', venue: 'J. Mach. Learn.', issue: '3', pages: 'e123', citekey: 'b' },
      { type: 'phdthesis', publisher: 'University of Toronto', citekey: 'c' },
      { type: 'mastersthesis', publisher: 'ETH Zürich', citekey: 'd' },
      { type: 'report', issue: 'TR-7', publisher: 'OpenAI', citekey: 'e' },
      { type: 'book', venue: 'Lecture Notes', volume: '12', publisher: 'Springer', citekey: 'f' },
      { type: 'inproceedings', venue: 'ICML', citekey: 'g' },
      { type: 'misc', citekey: 'h' },
    ]);
  });

  it('takes an article whose journal is arXiv itself (Google Scholar, DBLP) for a preprint without a venue', () => {
    const bib = `@article{brown2020, title = {L}, journal = {arXiv preprint arXiv:2005.14165}, year = {2020}}
@article{DBLP:journals/corr/abs-1810-04805, title = {B}, journal = {CoRR}, volume = {abs/1810.04805}, eprinttype = {arXiv}, eprint = {1810.04805}}`;
    const { entries, problems } = parseBibtex(bib, 'refs.bib', DATE);
    expect(entries.map((entry) => pick(entry.fields, ['id', ...PUBLICATION]))).toEqual([
      { id: '2005.14165', type: 'preprint', citekey: 'brown2020' },
      { id: '1810.04805', type: 'preprint', citekey: 'DBLP:journals/corr/abs-1810-04805' },
    ]);
    expect(problems).toEqual([]);
  });

  it('keeps a key BibTeX reads unquoted, and says why it does not keep another', () => {
    const { entries, problems } = parseBibtex('@misc{müller2020, title = {M}}', 'refs.bib', DATE);
    expect(entries[0]!.fields['citekey']).toBeUndefined();
    expect(problems.map(formatProblem)).toEqual([
      'refs.bib:1: citekey: warning: `müller2020` is not kept as the citation key (BibTeX-safe keys use letters, digits and _ : . + / -); the key comes from the slug',
    ]);
  });

  it('says once per field and file, at the line where it first appears, which fields are not kept', () => {
    const bib = `@article{a,
  title = {A},
  journal = {Nature},
  file = {a.pdf:/home/u/a.pdf:application/pdf},
  urldate = {2024-05-02}
}
@article{b,
  title = {B},
  urldate = {2024-05-03},
  langid = {english},
  file = {b.pdf}
}`;
    const warnings = (file: string) => parseBibtex(bib, file, DATE).problems.map(formatProblem);
    const expected = (file: string) => [
      `${file}:4: file: warning: not kept: the archive has no such field, so it is ignored (said once per field in this file)`,
      `${file}:5: urldate: warning: not kept: the archive has no such field, so it is ignored (said once per field in this file)`,
      `${file}:10: langid: warning: not kept: the archive has no such field, so it is ignored (said once per field in this file)`,
    ];
    expect(warnings('one.bib')).toEqual(expected('one.bib'));
    expect(warnings('two.bib')).toEqual(expected('two.bib'));
  });

  it('maps Zotero\u2019s abstract, keywords and url to the archive\u2019s fields and warns about none of them', () => {
    const { entries, problems } = parseBibtex(
      '@misc{z, title = {Z}, abstract = {Words.}, keywords = {b, a}, url = {https://example.org/z}, howpublished = {Workshop on Z}}',
      'refs.bib',
      DATE,
    );
    expect(pick(entries[0]!.fields, ['abstract', 'tags', 'url', 'venue'])).toEqual({
      abstract: 'Words.',
      tags: ['a', 'b'],
      url: 'https://example.org/z',
      venue: 'Workshop on Z',
    });
    expect(problems).toEqual([]);
  });
});

describe('arXiv Atom: journal reference and elements not kept', () => {
  const entry = (extra: string) =>
    `<entry><id>http://arxiv.org/abs/1810.04805v2</id><updated>2019-05-24T20:00:00Z</updated><published>2018-10-11T00:00:00Z</published>
<title>BERT</title><summary>S.</summary>${extra}</entry>`;
  const feed = (...entries: string[]) =>
    `<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">\n${entries.join('\n')}\n</feed>`;

  it('keeps <arxiv:journal_ref> as the venue, as written, its kind unknown', () => {
    const { entries, problems } = parseArxivAtom(
      feed(entry('<arxiv:journal_ref>NAACL 2019,\n   pages 4171-4186</arxiv:journal_ref><arxiv:doi>10.18653/v1/N19-1423</arxiv:doi>')),
      'q.atom',
      {},
    );
    expect(pick(entries[0]!.fields, ['venue', 'type', 'doi'])).toEqual({
      venue: 'NAACL 2019, pages 4171-4186',
      doi: '10.18653/v1/N19-1423',
    });
    expect(problems).toEqual([]);
  });

  it('says once per file which other elements of an entry are not kept', () => {
    const other = entry('<arxiv:affiliation_note>x</arxiv:affiliation_note>').replace('1810.04805', '1810.04806');
    const { problems } = parseArxivAtom(feed(entry('<arxiv:affiliation_note>x</arxiv:affiliation_note>'), other), 'q.atom', {});
    expect(problems.map(formatProblem)).toEqual([
      'q.atom:4: affiliation_note: warning: not kept: <affiliation_note> is not an element of arXiv\u2019s entries this archive reads, so it is ignored (said once per element in this file)'.replace(
        '\u2019',
        "'",
      ),
    ]);
  });
});

describe('Hugging Face daily papers: project page, paper page, upvotes', () => {
  const item = (paper: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    paper: { id: '2501.00663', title: 'Titans', summary: 'S.', authors: [], publishedAt: '2024-12-31T00:00:00Z', ...paper },
    publishedAt: '2025-01-02T00:00:00Z',
    title: 'Titans',
    thumbnail: 'https://cdn.example/t.png',
    numComments: 4,
    submittedBy: { name: 'akhaliq' },
    mediaUrls: [],
    isAuthorParticipating: false,
    ...extra,
  });

  it('keeps projectPage, derives the Hugging Face page from the id, and takes the paper\u2019s upvotes', () => {
    const text = JSON.stringify([
      item({ projectPage: 'https://titans.example/', upvotes: 61, githubStars: 3, ai_keywords: ['x'] }, { upvotes: 5 }),
      item({ id: '2501.00664' }, { upvotes: 7 }),
    ]);
    const { entries, problems } = parseHfDailyPapers(text, 'daily.json', {});
    expect(entries.map((entry) => pick(entry.fields, ['project_url', 'hf_url', 'upvotes']))).toEqual([
      { project_url: 'https://titans.example/', hf_url: 'https://huggingface.co/papers/2501.00663', upvotes: 61 },
      { hf_url: 'https://huggingface.co/papers/2501.00664', upvotes: 7 },
    ]);
    expect(problems).toEqual([]);
  });

  it('says once per file, where it first appears, which field it does not know', () => {
    const text = JSON.stringify([item({ paperLikes: 1 }, { rank: 1 }), item({ paperLikes: 2 }, { rank: 2 })], null, 1);
    const { problems } = parseHfDailyPapers(text, 'daily.json', {});
    expect(problems.map((problem) => `${problem.line}: ${problem.field}`)).toEqual(['20: rank', '9: paper.paperLikes']);
    expect(problems[0]!.reason).toBe('not kept: a field this archive does not know, so it is ignored (said once per field in this file)');
  });
});

describe('native JSON: the new fields by name', () => {
  const normalize = (fields: Record<string, unknown>) =>
    normalizeEntry({ file: 'p.json', line: 1, fields: { title: 'T', date: '2025-01-02', ...fields } });

  it('accepts them and normalises pages and numeric volumes', () => {
    const { entry, problems } = normalize({
      type: 'inproceedings',
      venue: 'NAACL',
      volume: 1,
      issue: '2',
      pages: '4171 -- 4186',
      publisher: 'ACL',
      citekey: 'devlin2019bert',
      project_url: 'https://bert.example/',
      hf_url: 'https://huggingface.co/papers/1810.04805',
    });
    expect(problems.filter((problem) => problem.severity !== 'info')).toEqual([]);
    expect(pick(entry!.entry, [...PUBLICATION, 'project_url', 'hf_url'])).toEqual({
      type: 'inproceedings',
      venue: 'NAACL',
      volume: '1',
      issue: '2',
      pages: '4171–4186',
      publisher: 'ACL',
      citekey: 'devlin2019bert',
      project_url: 'https://bert.example/',
      hf_url: 'https://huggingface.co/papers/1810.04805',
    });
    expect(normalize({ pages: 'S1-S5' }).entry!.entry.pages).toBe('S1–S5');
    expect(normalize({ pages: 'e-123' }).entry!.entry.pages).toBe('e-123');
  });

  it('rejects a bad key, an unsafe project page, a Hugging Face page elsewhere, an unknown kind and an overlong venue', () => {
    const reasons = (fields: Record<string, unknown>) => normalize(fields).problems.map((problem) => `${problem.field}: ${problem.reason}`);
    expect(reasons({ citekey: 'a b{c}' })).toEqual([
      'citekey: expected a citation key of letters, digits and _ : . + / - (such as devlin2019bert)',
    ]);
    expect(reasons({ project_url: 'javascript:alert(1)' })).toEqual([
      'project_url: `javascript:alert(1)` is not allowed: links must be absolute http(s) URLs (or doi:…)',
    ]);
    expect(reasons({ hf_url: 'https://evil.example/papers/1' })).toEqual(['hf_url: expected https://huggingface.co/papers/<id>']);
    expect(reasons({ type: 'blogpost' })[0]).toMatch(/^type: /);
    expect(reasons({ venue: 'v'.repeat(501) })).toEqual(['venue: longer than 500 characters']);
  });

  it('warns about an unknown field once per field in each file', async () => {
    const work = tempDir('papershelf-fields-');
    const files = ['a.jsonl', 'b.jsonl'].map((name) => join(work, name));
    for (const file of files)
      writeFileSync(
        file,
        ['{"title": "One", "date": "2025-01-02", "journal": "X"}', '{"title": "Two", "date": "2025-01-02", "journal": "Y"}'].join('\n'),
      );
    const { problems } = await collectEntries(files);
    expect(problems.filter((problem) => problem.field === 'journal').map((problem) => `${problem.file}:${problem.line}`)).toEqual(
      files.map((file) => `${file}:1`),
    );
  });
});

describe('merging the new fields', () => {
  const located = (fields: Record<string, unknown>, line: number) =>
    normalizeEntry({ file: 's.json', line, fields: { id: '1810.04805', title: 'BERT', date: '2025-01-02', ...fields } }).entry!;

  it('takes the publication details whole from the first entry that names its kind, else from the first that has any', () => {
    const atom = located({ venue: 'NAACL 2019', hf_url: 'https://huggingface.co/papers/1810.04805' }, 1);
    const bib = located({ type: 'inproceedings', venue: 'Proceedings of NAACL', pages: '4171--4186', citekey: 'devlin2019bert' }, 2);
    const other = located({ venue: 'Other', volume: '9', citekey: 'other', project_url: 'https://bert.example/' }, 3);
    const [merged] = mergeDuplicates([atom, bib, other]).merged;
    expect(pick(merged!.entry, [...PUBLICATION, 'project_url', 'hf_url'])).toEqual({
      type: 'inproceedings',
      venue: 'Proceedings of NAACL',
      pages: '4171–4186',
      citekey: 'devlin2019bert',
      project_url: 'https://bert.example/',
      hf_url: 'https://huggingface.co/papers/1810.04805',
    });
    const [untyped] = mergeDuplicates([atom, other]).merged;
    expect(pick(untyped!.entry, ['venue', 'volume'])).toEqual({ venue: 'NAACL 2019' });
  });
});
