/**
 * A paper as Pagefind indexes it: the record `addCustomRecord` takes, built from the data,
 * never read back out of the paper's page. This is the one place that says what search
 * holds: the text (arXiv id, title, authors, abstract, notes — not the page's labels and
 * links), the meta, the filters and the sort key. Pure.
 */
import type { Archive } from '../../site/archive/build-archive.ts';
import { readableText } from '../../site/math/readable-text.ts';
import { publicationYear, sortDate } from '../../site/paper-dates.ts';
import type { Paper } from '../../schema/paper.ts';
import { readableNotes } from '../../notes/readable-notes.ts';

/** One paper in the search index. `url` is relative to the site root: Pagefind's search adds the base it is given. */
export interface SearchRecord {
  /** `/papers/<slug>/`. */
  url: string;
  /** The searchable text, plain (Pagefind stores it as it is; nothing in it is read as HTML). */
  content: string;
  language: string;
  /** `title`, `date` (YYYY-MM-DD) and, when the paper has terms, `tags`: their labels joined by ` · `. */
  meta: Record<string, string>;
  /** One filter per taxonomy the paper has terms in, valued by term label, and `year`. */
  filters: Record<string, string[]>;
  /** `date`, so results can be ordered by day. */
  sort: Record<string, string>;
}

/** Authors in the searchable text: the ones the paper page shows. */
export const INDEXED_AUTHORS = 30;

/** How strongly title words count, as Pagefind weighs an `<h1>` (its headings run from 7 down to 2). */
const TITLE_WEIGHT = 7;

/**
 * Pagefind reads words that begin `___PAGEFIND_…` / `___END_PAGEFIND_…` in record text as its
 * own instructions (weights, anchors), and deletes `___PAGEFIND_…` from meta and filter values.
 * A zero-width space in front keeps such a word an ordinary word; Pagefind strips zero-width
 * spaces from the indexed text itself, so the text it stores and shows is exactly the entry's.
 * The whitespace class is Rust's `char::is_whitespace`, the one Pagefind splits words by.
 */
const WORD_START_UNDERSCORE = /(^|[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000])_/g;

/** `text` made safe to place in a record's content: entry text is never read as an instruction. */
export function recordText(text: string): string {
  return text.replace(WORD_START_UNDERSCORE, '$1\u200b_');
}

/** `text` made safe as a meta or filter value (where a zero-width space stays, unseen), with white space collapsed as Pagefind collapses page text. */
export function recordValue(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replaceAll('___PAGEFIND_', '___\u200bPAGEFIND_');
}

/**
 * Pagefind ends each block of a page (a heading, a paragraph) with a full stop when it ends in
 * a word character, so excerpts read as sentences and blocks do not run together.
 */
function block(text: string): string {
  const trimmed = text.trim();
  return /[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}'")$*]$/u.test(trimmed) ? `${trimmed}.` : trimmed;
}

/** The term labels of `paper` in each taxonomy of the archive, in the archive's taxonomy order. */
export function termLabels(paper: Paper, archive: Archive): { taxonomy: string; labels: string[] }[] {
  return archive.taxonomies
    .map((taxonomy) => ({
      taxonomy: taxonomy.id,
      labels: (paper.terms[taxonomy.id] ?? []).flatMap((id) => archive.term(taxonomy.id, id)?.label ?? []),
    }))
    .filter((group) => group.labels.length > 0);
}

/**
 * The search record of `paper`. `notes` is the text of the paper's hand-written notes, when it
 * has any: searched as written.
 */
export function searchRecord(paper: Paper, archive: Archive, notes = ''): SearchRecord {
  const groups = termLabels(paper, archive);
  // Formulas are indexed and shown in results as readable text (`$\alpha$` → α), not as TeX or markup.
  const title = recordValue(readableText(paper.title));
  const text = [
    paper.id ? block(`arXiv:${paper.id}`) : '',
    // The title weighs as the page's <h1> did; Pagefind reads the two marker words and drops them.
    `___PAGEFIND_WEIGHT___${TITLE_WEIGHT} ${block(recordText(readableText(paper.title)))} ___END_PAGEFIND_WEIGHT___`,
    block(paper.authors.slice(0, INDEXED_AUTHORS).map(recordText).join(', ')),
    block(recordText(readableText(paper.abstract))),
    block(recordText(readableNotes(notes))),
  ];
  const tags = groups.flatMap((group) => group.labels).join(' · ');
  return {
    url: `/papers/${paper.slug}/`,
    content: text.filter((piece) => piece !== '').join(' '),
    language: 'en',
    // A paper listed on no day shows and sorts by its publication date (`2019`, `2019-03`).
    meta: { title, date: sortDate(paper), ...(tags ? { tags: recordValue(tags) } : {}) },
    filters: {
      ...Object.fromEntries(groups.map((group) => [group.taxonomy, group.labels.map(recordValue)])),
      // The year it was published, as year pages count it; else its listing day's.
      year: [publicationYear(paper)],
    },
    sort: { date: sortDate(paper) },
  };
}
