/**
 * How each kind of publication (`PUBLICATION_TYPES`, src/schema/paper.ts) is cited in each
 * format: its BibTeX entry type and the fields its venue and publisher go in, its CSL type, its
 * RIS type and venue tags, its schema.org type, and the Highwire tag that names its venue. A journal article or conference
 * paper without a venue is cited as a preprint: `@article` without `journal` (or
 * `@inproceedings` without `booktitle`) is an error in standard BibTeX styles. Pure.
 */
import type { CitedPaper } from './cited-paper.ts';

/** What one kind of publication is in each citation format. */
export interface CitedKind {
  /** The BibTeX entry type, and the fields the venue, the publisher and the issue go in. */
  readonly bibtex: { readonly type: string; readonly venue: string; readonly publisher: string; readonly issue: string };
  /** The CSL type, and the variable the venue goes in. */
  readonly csl: { readonly type: CslType; readonly venue: 'container-title' | 'collection-title'; readonly issue: 'issue' | 'number' };
  /** The RIS type (`TY`), and the tags the venue is written in (see src/site/formats/ris.ts). */
  readonly ris: { readonly type: RisType; readonly venue: readonly RisVenueTag[] };
  /** The schema.org type of the work, and of the work its venue names (null: none). */
  readonly schemaOrg: { readonly type: string; readonly partOf: 'Periodical' | 'Book' | 'CreativeWork' | null };
  /** The Highwire tag naming the venue, or null when the kind has none. */
  readonly highwireVenue: 'citation_journal_title' | 'citation_conference_title' | 'citation_inbook_title' | null;
}

/** The CSL types this archive writes. */
export type CslType = 'article' | 'article-journal' | 'paper-conference' | 'chapter' | 'book' | 'thesis' | 'report';

/** The RIS types this archive writes. */
export type RisType = 'GEN' | 'JOUR' | 'CONF' | 'CHAP' | 'BOOK' | 'THES' | 'RPRT';

/**
 * Where RIS puts a venue: `T2`, the secondary title every reader knows (journal, proceedings,
 * book, series); `JO`, the journal's name, which Mendeley and IEEE Xplore write beside `T2`;
 * `C3`, the proceedings title, which Zotero keeps apart from `T2` (for it the conference's name).
 */
export type RisVenueTag = 'T2' | 'JO' | 'C3';

const PREPRINT: CitedKind = {
  bibtex: { type: 'misc', venue: 'howpublished', publisher: 'publisher', issue: 'number' },
  csl: { type: 'article', venue: 'container-title', issue: 'number' },
  // Zotero writes its own preprints as GEN (RIS has no preprint type), and reads GEN back.
  ris: { type: 'GEN', venue: ['T2'] },
  schemaOrg: { type: 'ScholarlyArticle', partOf: 'CreativeWork' },
  highwireVenue: null,
};

const thesis = (type: string): CitedKind => ({
  bibtex: { type, venue: 'howpublished', publisher: 'school', issue: 'number' },
  csl: { type: 'thesis', venue: 'collection-title', issue: 'number' },
  ris: { type: 'THES', venue: ['T2'] },
  schemaOrg: { type: 'Thesis', partOf: null },
  highwireVenue: null,
});

const KINDS: Readonly<Record<string, CitedKind>> = {
  article: {
    bibtex: { type: 'article', venue: 'journal', publisher: 'publisher', issue: 'number' },
    csl: { type: 'article-journal', venue: 'container-title', issue: 'issue' },
    ris: { type: 'JOUR', venue: ['T2', 'JO'] },
    schemaOrg: { type: 'ScholarlyArticle', partOf: 'Periodical' },
    highwireVenue: 'citation_journal_title',
  },
  inproceedings: {
    bibtex: { type: 'inproceedings', venue: 'booktitle', publisher: 'publisher', issue: 'number' },
    csl: { type: 'paper-conference', venue: 'container-title', issue: 'issue' },
    // CONF, as Zotero and Mendeley write a conference paper; BibTeX's booktitle is the proceedings'.
    ris: { type: 'CONF', venue: ['T2', 'C3'] },
    schemaOrg: { type: 'ScholarlyArticle', partOf: 'Book' },
    highwireVenue: 'citation_conference_title',
  },
  incollection: {
    bibtex: { type: 'incollection', venue: 'booktitle', publisher: 'publisher', issue: 'number' },
    csl: { type: 'chapter', venue: 'container-title', issue: 'issue' },
    ris: { type: 'CHAP', venue: ['T2'] },
    schemaOrg: { type: 'Chapter', partOf: 'Book' },
    highwireVenue: 'citation_inbook_title',
  },
  book: {
    bibtex: { type: 'book', venue: 'series', publisher: 'publisher', issue: 'number' },
    csl: { type: 'book', venue: 'collection-title', issue: 'number' },
    ris: { type: 'BOOK', venue: ['T2'] },
    schemaOrg: { type: 'Book', partOf: null },
    highwireVenue: null,
  },
  phdthesis: thesis('phdthesis'),
  mastersthesis: thesis('mastersthesis'),
  report: {
    bibtex: { type: 'techreport', venue: 'howpublished', publisher: 'institution', issue: 'number' },
    csl: { type: 'report', venue: 'collection-title', issue: 'number' },
    ris: { type: 'RPRT', venue: ['T2'] },
    schemaOrg: { type: 'Report', partOf: null },
    highwireVenue: null,
  },
};

/** How `paper` is cited: by its kind, or as a preprint when it has none (or lacks the venue its kind needs). */
export function citedKind(paper: Pick<CitedPaper, 'type' | 'venue'>): CitedKind {
  const kind = paper.type === null ? undefined : KINDS[paper.type];
  if (kind === undefined) return PREPRINT;
  const needsVenue = paper.type === 'article' || paper.type === 'inproceedings' || paper.type === 'incollection';
  return needsVenue && !paper.venue ? PREPRINT : kind;
}

/** The first and last page of `pages` (`4171–4186` → 4171, 4186; `e123` → e123, none); null for a list of ranges. */
export function pageRange(pages: string): { first: string; last: string | null } | null {
  const parts = pages.split('–').map((part) => part.trim());
  if (parts.length > 2 || parts.some((part) => part === '' || /[\s,;]/.test(part))) return null;
  return { first: parts[0]!, last: parts[1] ?? null };
}
