/** I/O: reads source files from disk and hands each to the parser for its format. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Problem } from '../../messages/errors.ts';
import { decodeSource } from './decode-source.ts';
import { detectFormat, FORMATS, type Format } from './detect-format.ts';
import { fileDay } from './file-day.ts';
import { formatName, GzipProblem, inflateWhole, isGzipped } from './gunzip-source.ts';
import { parseArxivAtom } from './parse-arxiv-atom.ts';
import { parseBibtex } from './parse-bibtex.ts';
import { parseHfDailyPapers } from './parse-hf-daily-papers.ts';
import { parseNativeJson, parseNativeJsonLines } from './parse-native-json.ts';
import { parseTrendingPage } from './parse-trending-page.ts';
import { readJsonLines, type StreamOptions } from './read-json-lines.ts';
import { sniffFormat } from './sniff-format.ts';
import type { ParseOptions, ParseResult, Parser } from './raw-entry.ts';

const PARSERS: Record<Format, Parser> = {
  json: parseNativeJson,
  jsonl: parseNativeJsonLines,
  'hf-daily-papers': parseHfDailyPapers,
  'arxiv-atom': parseArxivAtom,
  bibtex: parseBibtex,
  'trending-page': parseTrendingPage,
};

/** Options for reading sources. */
export interface ReadOptions extends StreamOptions {
  /** `--date`: the listing day of every file read. Default: each file's own (`fileDates`, else its name). */
  readonly date?: string | undefined;
  /** Days given with `--date` to some files only, by absolute path (an ingest's named and recorded sources). Default none. */
  readonly fileDates?: ReadonlyMap<string, string> | undefined;
  /** Forces one format for every file instead of detecting it. Default: detect. */
  readonly format?: Format | undefined;
}

/** Native entries carry their own listing day; the file's day fills in where one has none. */
function fillDay(result: ParseResult, day: ParseOptions): ParseResult {
  if (day.date === undefined) return result;
  const missing = (value: unknown) => value === undefined || value === null || value === '';
  return {
    problems: result.problems,
    entries: result.entries.map((entry) =>
      missing(entry.fields['date']) ? { ...entry, fields: { ...entry.fields, date: day.date } } : entry,
    ),
  };
}

/** Reads and parses every source; a file that cannot be read becomes a problem, not a crash. */
export async function readSources(files: readonly string[], options: ReadOptions = {}): Promise<ParseResult> {
  const results = await Promise.all(files.map((file) => readSource(file, options)));
  return {
    entries: results.flatMap((result) => result.entries),
    problems: results.flatMap((result) => result.problems),
  };
}

async function readSource(file: string, options: ReadOptions): Promise<ParseResult> {
  const day = fileDay(file, options.fileDates?.get(resolve(file)) ?? options.date);
  const problem = (reason: string): ParseResult => ({
    entries: [],
    problems: [{ severity: 'error', file, line: 1, field: 'file', reason } satisfies Problem],
  });
  let bytes: Uint8Array;
  try {
    // A gzipped file (an archive's own download) is read as the text it inflates to.
    const gzipped = await isGzipped(file);
    // JSON Lines, the format large archives come in, is read line by line; every other format
    // (and a file the stream cannot decode, so its problem is worded as always) is read whole.
    if ((options.format ?? (await sniffFormat(file, gzipped))) === 'jsonl') {
      const streamed = await readJsonLines(file, options, gzipped);
      if (streamed !== 'read whole') return fillDay(streamed, day);
    }
    bytes = gzipped ? await inflateWhole(file) : await readFile(file);
  } catch (error) {
    if (error instanceof GzipProblem) return problem(error.message);
    const code = (error as NodeJS.ErrnoException).code;
    return problem(code === 'ENOENT' ? 'no such file' : `cannot read the file (${code ?? String(error)})`);
  }
  const decoded = decodeSource(bytes);
  if ('error' in decoded) return problem(decoded.error);
  const format = options.format ?? detectFormat(formatName(file), decoded.text);
  if (!format) return problem(`cannot tell the format from the name or content; pass --format (one of ${FORMATS.join(', ')})`);
  try {
    const parsed = PARSERS[format](decoded.text, file, day);
    return format === 'json' || format === 'jsonl' ? fillDay(parsed, day) : parsed;
  } catch (error) {
    // A limit of a library a parser uses (stack depth, string length) must not end the run
    // with a stack trace that names no file: the file is reported, the other files are read.
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return problem(`cannot be read as ${format} (${(reason.split('\n', 1)[0] ?? '').slice(0, 200)}); the file is skipped`);
  }
}
