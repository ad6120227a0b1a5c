/**
 * What a citation of a paper says, and nothing more: the fields BibTeX, CSL-JSON and RIS are
 * written from (src/site/formats/bibtex.ts, src/site/formats/csl-json.ts, src/site/formats/ris.ts). Pure, and free of `urls.ts`, so the
 * build planner can hash it: a citation file is rendered again only when one of these changes,
 * not when, say, a paper's upvotes do.
 */
import type { Paper } from '../../schema/paper.ts';

/** The fields of a paper a citation shows. (A type, not an interface: Astro's props need an implicit index signature.) */
export type CitedPaper = Pick<
  Paper,
  | 'slug'
  | 'id'
  | 'title'
  | 'authors'
  | 'date'
  | 'published'
  | 'doi'
  | 'url'
  | 'categories'
  | 'tags'
  | 'abstract'
  | 'type'
  | 'venue'
  | 'volume'
  | 'issue'
  | 'pages'
  | 'publisher'
  | 'citekey'
>;

/** A publication date at the precision known: a year, perhaps a month, perhaps a day. */
export interface IssuedDate {
  readonly year: number;
  readonly month: number | null;
  readonly day: number | null;
}

const citedOf = new WeakMap<Paper, CitedPaper>();

/**
 * The citation fields of `paper`: one object per paper, however often asked for, so the build
 * planner hashes each paper's citation once, not once for every listing that cites it.
 */
export function citedPaper(paper: Paper): CitedPaper {
  let cited = citedOf.get(paper);
  if (!cited) {
    const { slug, id, title, authors, date, published, doi, url, categories, tags, abstract } = paper;
    const { type, venue, volume, issue, pages, publisher, citekey } = paper;
    cited = {
      slug,
      id,
      title,
      authors,
      date,
      published,
      doi,
      url,
      categories,
      tags,
      abstract,
      type,
      venue,
      volume,
      issue,
      pages,
      publisher,
      citekey,
    };
    citedOf.set(paper, cited);
  }
  return cited;
}

/**
 * A name with a generational suffix, `Martin Luther King, Jr.`: the name, then the suffix.
 * BibTeX and CSL both keep the suffix apart from the family name.
 */
export const NAME_SUFFIX = /^(.*\S),\s*(Jr\.?|Sr\.?|II|III|IV|V|VI)$/;

/** A new-style arXiv id (`2501.00663`), which is also the slug of such a paper. */
const NEW_ARXIV_ID = /^(\d{2})(\d{2})\.\d{4,5}$/;
/** The number of an old-style id (`hep-th/9901001`): year, month, then the paper's number. */
const OLD_ARXIV_NUMBER = /\/(\d{2})(\d{2})\d{3}$/;

/**
 * The citation key: `arXiv:<id>` for a paper whose slug is a new-style arXiv id, else the slug.
 * It depends on the slug alone, and a paper keeps its slug for good, so a key once cited stays
 * valid however the paper's metadata changes. Slugs are unique and use only `a-z 0-9 . -`, so
 * keys are unique (even ignoring case, as BibTeX does) and need no escaping.
 */
export function citationKey(slug: string): string {
  return NEW_ARXIV_ID.test(slug) ? `arXiv:${slug}` : slug;
}

/** The key a paper is cited by: the source's own (`citekey`) when it gave one, else `citationKey` of the slug. */
export function paperKey(paper: Pick<CitedPaper, 'slug' | 'citekey'>): string {
  return paper.citekey ?? citationKey(paper.slug);
}

/**
 * When the paper came out, as precisely as known: its `published` date; else the year and
 * month its arXiv id was given (ids encode them); else the year of the day it was listed, the
 * best stand-in for a year a citation cannot do without (never a month or day it was not given).
 */
export function issuedDate(paper: Pick<CitedPaper, 'published' | 'id' | 'date'>): IssuedDate {
  if (paper.published) {
    const [year, month, day] = paper.published.split('-').map(Number);
    return { year: year!, month: month ?? null, day: day ?? null };
  }
  const fromId = paper.id ? (NEW_ARXIV_ID.exec(paper.id) ?? OLD_ARXIV_NUMBER.exec(paper.id)) : null;
  if (fromId) {
    const yy = Number(fromId[1]);
    // New-style ids began in 2007; old-style ones ran from 1991 to 2007.
    const month = Number(fromId[2]);
    return { year: yy >= 91 ? 1900 + yy : 2000 + yy, month: month >= 1 && month <= 12 ? month : null, day: null };
  }
  // The schema allows no paper without `published` and `date`.
  return { year: Number(paper.date!.slice(0, 4)), month: null, day: null };
}
