/**
 * The listing day a whole source file is given, and where it comes from. One rule for every
 * format, resolved here once and handed to the parser as `ParseOptions.date`:
 *
 * 1. the day recorded for the file (`--date` given with it on an earlier ingest, see
 *    src/ingest/source-days.ts), or `--date` given with it now;
 * 2. else the first real `YYYY-MM-DD` in the file's base name (`hf-daily-papers-2025-03-19.json`,
 *    `trending-page-2025-03-19.txt`, `reading-2024-11-02.bib`).
 *
 * What the parser does with it depends on the format: entries that carry their own listing day
 * (native JSON's `date`) keep it and the file's day fills in where an entry has none; formats
 * with no per-entry listing day (a trending page's year, BibTeX, arXiv Atom, the Hugging Face
 * daily papers) take the file's day before anything an entry says.
 */
import { basename } from 'node:path';
import { isIsoDay } from '../../schema/paper.ts';
import type { DaySource } from './raw-entry.ts';

/** The first `YYYY-MM-DD` in `file`'s base name that names a real day, or undefined. */
export function dayInFileName(file: string): string | undefined {
  for (const [found] of basename(file).matchAll(/(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)/g)) if (isIsoDay(found)) return found;
  return undefined;
}

/** A file's day and where it comes from, or `{}` when nothing gives it one. */
export function fileDay(file: string, given: string | undefined): { date?: string; dateFrom?: DaySource } {
  if (given !== undefined) return { date: given, dateFrom: '--date' };
  const inName = dayInFileName(file);
  return inName === undefined ? {} : { date: inName, dateFrom: 'the file name' };
}
