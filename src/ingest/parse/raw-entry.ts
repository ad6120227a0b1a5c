import type { Problem } from '../../messages/errors.ts';

/** An entry as a parser found it: untrusted field values, and where it starts in its file. */
export interface RawEntry {
  /** Field values in the native entry format's names, not yet cleaned or validated. */
  readonly fields: Readonly<Record<string, unknown>>;
  /** The source file. */
  readonly file: string;
  /** 1-based line where the entry starts. */
  readonly line: number;
}

/** What a parser returns: the entries it could read and the problems that stopped the rest. */
export interface ParseResult {
  readonly entries: RawEntry[];
  readonly problems: Problem[];
}

/** Where a file's day comes from: `--date` (given now, or recorded when it was given), or a `YYYY-MM-DD` in the file's name. */
export type DaySource = '--date' | 'the file name';

/** Options every parser accepts. */
export interface ParseOptions {
  /** The file's listing day (`YYYY-MM-DD`): from `--date`, else from the file's name (src/ingest/parse/file-day.ts). */
  readonly date?: string | undefined;
  /** Where `date` comes from, for messages. Default `'--date'`. */
  readonly dateFrom?: DaySource | undefined;
}

/** A parser: the text of one file in, entries and problems out. Pure. */
export type Parser = (text: string, file: string, options: ParseOptions) => ParseResult;
