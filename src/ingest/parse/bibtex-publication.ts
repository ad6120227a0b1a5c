/**
 * Where a BibTeX entry was published: its entry type as one of the archive's kinds, and the
 * venue, volume, issue, pages and publisher, read from the fields that hold them for that
 * type. An `@article` whose journal is arXiv itself (`arXiv preprint arXiv:…`, DBLP's `CoRR`) is
 * a preprint with no venue: those fields only name the arXiv id, which is read elsewhere. Pure.
 */
import type { PublicationType } from '../../schema/paper.ts';

/** BibTeX and BibLaTeX entry types → the archive's kinds; any other type is `misc`. */
const TYPES: Readonly<Record<string, PublicationType>> = {
  article: 'article',
  inproceedings: 'inproceedings',
  conference: 'inproceedings',
  incollection: 'incollection',
  inbook: 'incollection',
  bookinbook: 'incollection',
  suppbook: 'incollection',
  suppcollection: 'incollection',
  inreference: 'incollection',
  book: 'book',
  mvbook: 'book',
  collection: 'book',
  mvcollection: 'book',
  proceedings: 'book',
  mvproceedings: 'book',
  reference: 'book',
  phdthesis: 'phdthesis',
  mastersthesis: 'mastersthesis',
  thesis: 'phdthesis',
  techreport: 'report',
  report: 'report',
  preprint: 'preprint',
};

/** A journal that is only arXiv: `arXiv`, `arXiv preprint arXiv:2501.00663`, `CoRR`, `ArXiv e-prints`. */
const ARXIV_JOURNAL = /^\s*(?:arxiv\b|corr\s*$|corr\b.*abs\/)/i;

/** The fields of an entry read as text: strings as they are, lists (`publisher = {A and B}`) joined. */
function textOf(fields: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const value = fields[name];
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.length > 0 ? value.join('; ') : undefined;
  return undefined;
}

/**
 * The publication fields of an entry of BibTeX type `entryType`, in the native names; every
 * source field read (kept or deliberately set aside) is added to `used`.
 */
export function publicationFields(
  entryType: string,
  fields: Readonly<Record<string, unknown>>,
  used: Set<string>,
): Record<string, unknown> {
  const first = (...names: string[]) => {
    for (const name of names) {
      const value = textOf(fields, name);
      if (value !== undefined) {
        used.add(name);
        return value;
      }
    }
    return undefined;
  };
  let type: PublicationType = TYPES[entryType.toLowerCase()] ?? 'misc';
  // BibLaTeX's @thesis says which kind in its `type` field (`mathesis`, `Master's thesis`).
  if (type === 'phdthesis' || type === 'mastersthesis') {
    const kind = first('type');
    if (entryType.toLowerCase() === 'thesis' && kind !== undefined && /master|^ma(?:thesis)?$/i.test(kind)) type = 'mastersthesis';
  }
  const journal = textOf(fields, 'journal') ?? textOf(fields, 'journaltitle');
  if (journal !== undefined && ARXIV_JOURNAL.test(journal)) {
    for (const name of ['journal', 'journaltitle']) if (fields[name] !== undefined) used.add(name);
    // DBLP writes the arXiv id as CoRR's volume (`abs/1810.04805`).
    if (/^abs\//.test(textOf(fields, 'volume') ?? '')) used.add('volume');
    if (type === 'article' || type === 'misc') type = 'preprint';
  }
  const inBook = type === 'inproceedings' || type === 'incollection';
  // A book's venue is its series.
  const venueFields = inBook
    ? ['booktitle', 'journal', 'journaltitle']
    : ['journal', 'journaltitle', 'booktitle', ...(type === 'book' ? ['series'] : [])];
  const venue = first(...venueFields.filter((name) => !used.has(name)));
  const howpublished = textOf(fields, 'howpublished');
  // `howpublished` is a venue only as plain text: a link or an arXiv reference is read elsewhere.
  const venueText = venue ?? (howpublished !== undefined && !/https?:|arxiv/i.test(howpublished) ? first('howpublished') : undefined);
  return {
    type,
    venue: venueText,
    volume: used.has('volume') ? undefined : first('volume'),
    issue: first('number', 'issue'),
    pages: first('pages'),
    publisher: first('publisher', 'school', 'institution', 'organization'),
  };
}
