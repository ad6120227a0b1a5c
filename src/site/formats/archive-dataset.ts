/**
 * The whole archive as one download: every paper as a line of JSON in the native entry format
 * (src/schema/paper.ts), the format Papershelf ingests, so `papershelf build` makes the same
 * papers of it again. Each line holds every field ingest reads back, `null` or `[]` when
 * unknown, in the schema's order, plus the paper's address (`slug`), which ingest honours so
 * that an archive built from the download keeps every permalink. Terms of the taxonomy file
 * are left out: ingest tags papers by the taxonomies of the archive that reads them. Pure.
 */
import { ADDRESS_FIELD, ENTRY_FIELDS, type Paper } from '../../schema/paper.ts';

/** The download's name at the top of the archive. Kept for good: mirrors and scripts fetch it by this name. */
export const DATASET_FILE = 'papershelf-archive.jsonl.gz';

/** What the home page says of the download. */
export interface DatasetSummary {
  /** Its size in bytes, gzipped. */
  readonly bytes: number;
  /** The papers it holds: one a line. */
  readonly papers: number;
}

/** The fields of each line, in order: the entry's, then the address. */
export const DATASET_FIELDS: readonly string[] = [...ENTRY_FIELDS, ADDRESS_FIELD];

/** The line of one paper, without its line end. JSON.stringify escapes every string, line separators included. */
export function datasetLine(paper: Paper): string {
  const fields = paper as unknown as Readonly<Record<string, unknown>>;
  return JSON.stringify(Object.fromEntries(DATASET_FIELDS.map((field) => [field, fields[field] ?? null])));
}

/** Papers per piece of `datasetPieces`: enough to keep the compressor busy, few enough to give other work a turn. */
export const PIECE_PAPERS = 500;

/**
 * The text of the download, `papers` in the order given (the archive's: newest first), in
 * pieces of `PIECE_PAPERS` lines each ending in `\n`. The same papers give the same pieces.
 */
export function* datasetPieces(papers: readonly Paper[]): Generator<string> {
  for (let start = 0; start < papers.length; start += PIECE_PAPERS) {
    yield papers
      .slice(start, start + PIECE_PAPERS)
      .map((paper) => `${datasetLine(paper)}\n`)
      .join('');
  }
}

/** The size of a download as the home page says it, in the units the offline page uses (KB = 1,024 bytes): `840 KB`, `4.2 MB`. */
export function formatDownloadSize(bytes: number): string {
  if (bytes < 2 ** 20) return `${Math.max(1, Math.round(bytes / 2 ** 10))} KB`;
  return `${(bytes / 2 ** 20).toFixed(1)} MB`;
}
