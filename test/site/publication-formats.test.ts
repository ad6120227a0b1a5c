/**
 * Where a paper was published, in every citation format and on its page: BibTeX under the
 * source's key and kind, CSL-JSON, JSON-LD, Highwire tags and the page's publication line; and
 * hostile venue and publisher text stays text in each.
 */
import { describe, expect, it } from 'vitest';
import { bibtexEntry, listingBibtex } from '../../src/site/formats/bibtex.ts';
import { citedPaper } from '../../src/site/formats/cited-paper.ts';
import { cslItem } from '../../src/site/formats/csl-json.ts';
import { highwirePublication } from '../../src/site/formats/highwire-publication.ts';
import { jsonLdText, scholarlyArticle } from '../../src/site/formats/json-ld.ts';
import { paperLinks } from '../../src/site/paper-links.ts';
import { publicationLine } from '../../src/site/publication-line.ts';
import { findForeignMarkup } from '../../src/build/guard/find-foreign-markup.ts';
import { makePaper } from '../support/make-paper.ts';

const bert = makePaper('1810.04805', '2025-03-19', {
  id: '1810.04805',
  title: 'BERT',
  authors: ['Jacob Devlin'],
  published: '2019-06',
  type: 'inproceedings',
  venue: 'Proceedings of NAACL-HLT 2019',
  volume: '1',
  pages: '4171–4186',
  publisher: 'Association for Computational Linguistics',
  citekey: 'devlin2019bert',
  project_url: 'https://bert.example/',
  hf_url: 'https://huggingface.co/papers/1810.04805',
  upvotes: 12,
});
const nature = makePaper('alphafold', '2025-03-19', {
  title: 'AlphaFold',
  published: '2021-08',
  type: 'article',
  venue: 'Nature',
  volume: '596',
  issue: '7873',
  pages: '583–589',
});
const HOSTILE = '</script><script>alert(1)</script> {\\input{x}} @misc{y, <b onload=x>&amp;';

describe('BibTeX', () => {
  it('uses the source\u2019s key and kind, with booktitle, volume, pages and publisher', () => {
    expect(bibtexEntry(citedPaper(bert))).toBe(`@inproceedings{devlin2019bert,
  title = {{BERT}},
  author = {Jacob Devlin},
  year = {2019},
  month = jun,
  eprint = {1810.04805},
  archivePrefix = {arXiv},
  booktitle = {Proceedings of NAACL-HLT 2019},
  volume = {1},
  pages = {4171--4186},
  publisher = {Association for Computational Linguistics},
  url = {https://arxiv.org/abs/1810.04805}
}
`);
  });

  it('writes a journal article with journal and number, and a paper of a kind without its venue as @misc', () => {
    expect(bibtexEntry(citedPaper(nature))).toContain('@article{alphafold,\n');
    expect(bibtexEntry(citedPaper(nature))).toContain(
      '  journal = {Nature},\n  volume = {596},\n  number = {7873},\n  pages = {583--589}\n}',
    );
    expect(bibtexEntry(citedPaper({ ...nature, venue: null }))).toMatch(/^@misc\{alphafold,/);
    const arxivOnly = makePaper('x', '2025-03-19', { venue: 'NAACL 2019' });
    expect(bibtexEntry(citedPaper(arxivOnly))).toContain('  howpublished = {NAACL 2019}\n}');
  });

  it('keeps keys unique in a listing when two sources used the same key', () => {
    const twin = { ...nature, slug: 'alphafold-2', citekey: 'devlin2019bert' };
    const text = listingBibtex(
      [citedPaper(bert), citedPaper(twin)],
      'https://shelf.example/days/x/',
      (slug) => `https://shelf.example/papers/${slug}/`,
    );
    expect(text.match(/^@\w+\{[^,]+,/gm)).toEqual(['@inproceedings{devlin2019bert,', '@article{devlin2019bert-2,']);
  });

  it('escapes a hostile venue and publisher so they cannot end the field or entry', () => {
    const entry = bibtexEntry(citedPaper({ ...bert, venue: HOSTILE, publisher: `${HOSTILE} and more` }));
    const fieldLines = entry.trimEnd().split('\n').slice(1, -1);
    expect(fieldLines.every((line) => /^ {2}[A-Za-z]+ = /.test(line))).toBe(true);
    expect(entry).not.toContain('{\\input');
    expect(entry).toContain('publisher = {{');
  });
});

describe('CSL-JSON', () => {
  it('gives the CSL type, container, volume, issue, page, publisher and citation key', () => {
    expect(cslItem(citedPaper(bert))).toMatchObject({
      id: 'devlin2019bert',
      'citation-key': 'devlin2019bert',
      type: 'paper-conference',
      'container-title': 'Proceedings of NAACL-HLT 2019',
      volume: '1',
      page: '4171-4186',
      publisher: 'Association for Computational Linguistics',
    });
    expect(cslItem(citedPaper(bert))).not.toHaveProperty('number');
    expect(cslItem(citedPaper(nature))).toMatchObject({
      type: 'article-journal',
      'container-title': 'Nature',
      volume: '596',
      issue: '7873',
    });
    expect(cslItem(citedPaper(makePaper('t', '2025-03-19', { type: 'phdthesis', publisher: 'U of T' })))).toMatchObject({
      type: 'thesis',
      genre: 'PhD thesis',
      publisher: 'U of T',
    });
  });
});

describe('JSON-LD', () => {
  const article = (paper: typeof bert) => scholarlyArticle({ paper, termGroups: [] }, 'https://shelf.example/');

  it('nests a journal article in its issue, volume and periodical, with pages and publisher', () => {
    expect(article({ ...nature, publisher: 'Springer Nature' })).toMatchObject({
      '@type': 'ScholarlyArticle',
      isPartOf: {
        '@type': 'PublicationIssue',
        issueNumber: '7873',
        isPartOf: { '@type': 'PublicationVolume', volumeNumber: '596', isPartOf: { '@type': 'Periodical', name: 'Nature' } },
      },
      pagination: '583–589',
      pageStart: '583',
      pageEnd: '589',
      publisher: { '@type': 'Organization', name: 'Springer Nature' },
    });
  });

  it('puts a conference paper in its proceedings, and keeps hostile text inside the script', () => {
    expect(article(bert)).toMatchObject({ isPartOf: { '@type': 'Book', name: 'Proceedings of NAACL-HLT 2019' } });
    const text = jsonLdText(article({ ...bert, venue: HOSTILE, publisher: HOSTILE }));
    expect(text).not.toContain('<');
    expect(findForeignMarkup(`<script type="application/ld+json">${text}</script>`, '/')).toEqual([]);
    expect(JSON.parse(text).isPartOf.name).toBe(HOSTILE);
  });
});

describe('Highwire tags', () => {
  it('name the venue by its kind, and give volume, issue, pages and publisher', () => {
    expect(highwirePublication(nature)).toEqual([
      ['citation_journal_title', 'Nature'],
      ['citation_volume', '596'],
      ['citation_issue', '7873'],
      ['citation_firstpage', '583'],
      ['citation_lastpage', '589'],
    ]);
    expect(highwirePublication(bert)).toContainEqual(['citation_conference_title', 'Proceedings of NAACL-HLT 2019']);
    expect(highwirePublication(bert)).toContainEqual(['citation_publisher', 'Association for Computational Linguistics']);
    expect(highwirePublication({ ...nature, type: null })).not.toContainEqual(['citation_journal_title', 'Nature']);
    expect(highwirePublication({ ...nature, pages: 'e123' })).toContainEqual(['citation_firstpage', 'e123']);
  });
});

describe('the paper page', () => {
  it('shows the venue, volume, issue, pages and publisher as one line of text', () => {
    expect(publicationLine(nature)).toBe('Nature, vol. 596, no. 7873, pp. 583–589');
    expect(publicationLine(makePaper('t', '2025-03-19', { type: 'phdthesis', publisher: 'University of Toronto' }))).toBe(
      'PhD thesis, University of Toronto',
    );
    expect(publicationLine(makePaper('t', '2025-03-19'))).toBeNull();
  });

  it('links the project page and the Hugging Face page, and never a link the allow-list refuses', () => {
    expect(paperLinks(bert).slice(-2)).toEqual([
      { label: 'Project page', href: 'https://bert.example/' },
      { label: 'Hugging Face', href: 'https://huggingface.co/papers/1810.04805' },
    ]);
    expect(paperLinks({ ...bert, project_url: 'javascript:alert(1)' }).map((link) => link.label)).not.toContain('Project page');
  });
});
