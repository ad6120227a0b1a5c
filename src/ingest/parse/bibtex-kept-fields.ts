/**
 * Which fields of a BibTeX entry the archive keeps, and what it says about the rest: every
 * field not read is named once per file, at the line where it first appears, never dropped
 * unseen. Pure.
 */
import { CITEKEY, LIMITS } from '../../schema/paper.ts';

/** The warning for a field the archive does not keep. */
export const NOT_KEPT = 'not kept: the archive has no such field, so it is ignored (said once per field in this file)';

/** Fields read for every entry type; `publicationFields` adds the ones it reads. */
export const ALWAYS_READ: readonly string[] = [
  'title',
  'abstract',
  'author',
  'date',
  'year',
  'month',
  'doi',
  'url',
  'eprint',
  'archiveprefix',
  'eprinttype',
  'primaryclass',
  'keywords',
  // Read by the library: the entry inherits the fields of the one it names.
  'crossref',
];

/** Fields `publicationFields` (bibtex-publication.ts) may read, depending on the entry type. */
export const PUBLICATION_READ: readonly string[] = [
  'journal',
  'journaltitle',
  'howpublished',
  'booktitle',
  'series',
  'volume',
  'number',
  'issue',
  'pages',
  'publisher',
  'school',
  'institution',
  'organization',
  'type',
];

/** A BibTeX-safe citation key as the schema keeps it. */
export const keepsKey = (key: string) => key.length <= LIMITS.citekeyChars && CITEKEY.test(key);

/** The line of each field of an entry, by lowercase name (the first, when a field is repeated). */
export function fieldLines(fields: readonly { name: string; start: number }[], lineOf: (offset: number) => number): Map<string, number> {
  const lines = new Map<string, number>();
  for (const field of fields) if (!lines.has(field.name.toLowerCase())) lines.set(field.name.toLowerCase(), lineOf(field.start));
  return lines;
}
