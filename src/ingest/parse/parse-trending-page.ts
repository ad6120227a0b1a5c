/**
 * The text of a scraped "trending papers" page (the Hugging Face Daily Papers layout): a few
 * header lines ending with the page date (`Mar 19`), then one block per paper, a title line
 * followed by an abstract paragraph, blocks separated by blank lines.
 */
import type { Problem } from '../../messages/errors.ts';
import type { ParseOptions, ParseResult, RawEntry } from './raw-entry.ts';
import { isIsoDay } from '../../schema/paper.ts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** The page's own date line: `Mar 19`, `March 19`, optionally with a year (`Mar 19, 2025`). */
const PAGE_DATE = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?$/;
/** Lines the page puts above its date; skipped wherever they appear before the first paper. */
const BOILERPLATE = new Set([
  'new',
  'get trending papers in your email inbox!',
  'subscribe',
  'byak and the research community',
  'daily papers',
  'trending papers',
]);

interface Block {
  readonly text: string;
  readonly line: number;
}

/** Splits text into blocks of non-blank lines, each with its 1-based first line. */
function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: string[] = [];
  let start = 0;
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') {
      if (current.length > 0) blocks.push({ text: current.join('\n'), line: start });
      current = [];
      return;
    }
    if (current.length === 0) start = index + 1;
    current.push(line);
  });
  if (current.length > 0) blocks.push({ text: current.join('\n'), line: start });
  return blocks;
}

/** Reads `Mar 19` as month and day, or null when the line is not a page date. */
function readPageDate(line: string): { month: number; day: number; year?: number } | null {
  const match = PAGE_DATE.exec(line.trim());
  if (!match?.[1] || !match[2]) return null;
  const month = MONTHS.indexOf(match[1].slice(0, 3).toLowerCase()) + 1;
  if (month === 0 || !MONTHS[month - 1] || !match[1].toLowerCase().startsWith(MONTHS[month - 1]!)) return null;
  const result = { month, day: Number(match[2]) };
  return match[3] ? { ...result, year: Number(match[3]) } : result;
}

/** The year a page belongs to: from the file's day (`--date`, else a `YYYY-MM-DD` in the file name; src/ingest/parse/file-day.ts). */
function findYearSource(options: ParseOptions): { year: number; from: string; day: string } | null {
  if (!options.date) return null;
  return { year: Number(options.date.slice(0, 4)), from: options.dateFrom ?? '--date', day: options.date };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Parses a scraped trending-papers page into raw entries dated with the page's day. */
export function parseTrendingPage(text: string, file: string, options: ParseOptions): ParseResult {
  const problems: Problem[] = [];
  const fail = (line: number, field: string, reason: string): ParseResult => ({
    entries: [],
    problems: [{ severity: 'error', file, line, field, reason }],
  });
  const blocks = splitBlocks(text);

  // 1. Skip the header: boilerplate lines and the page date, which ends it.
  let index = 0;
  let pageDate: ReturnType<typeof readPageDate> = null;
  let dateLine = 1;
  while (index < blocks.length) {
    const block = blocks[index]!;
    const single = !block.text.includes('\n');
    const asDate = single ? readPageDate(block.text) : null;
    if (asDate) {
      pageDate = asDate;
      dateLine = block.line;
      index += 1;
      break;
    }
    if (!single || !BOILERPLATE.has(block.text.trim().toLowerCase())) break;
    index += 1;
  }

  // 2. Decide the listing day from the page date and the year's source.
  const source = findYearSource(options);
  let day: string;
  if (pageDate) {
    const year = pageDate.year ?? source?.year;
    if (year === undefined) {
      return fail(
        dateLine,
        'date',
        `the page says "${blocks[index - 1]?.text.trim()}" but not the year; pass --date YYYY-MM-DD or put a YYYY-MM-DD in the file name`,
      );
    }
    day = `${year}-${pad(pageDate.month)}-${pad(pageDate.day)}`;
    if (!isIsoDay(day)) return fail(dateLine, 'date', `the page date makes \`${day}\`, which is not a real day`);
    if (source && source.day !== day && source.from === '--date') {
      return fail(dateLine, 'date', `the page is dated ${day} but --date says ${source.day}; drop --date or fix it`);
    }
  } else if (source) {
    day = source.day;
  } else {
    return fail(1, 'date', 'no page date (such as "Mar 19") found; pass --date YYYY-MM-DD or put a YYYY-MM-DD in the file name');
  }

  // 3. The rest alternates: a one-line title block, then its abstract block.
  const entries: RawEntry[] = [];
  while (index < blocks.length) {
    const title = blocks[index]!;
    const abstract = blocks[index + 1];
    if (title.text.includes('\n')) {
      problems.push({
        severity: 'error',
        file,
        line: title.line,
        field: 'title',
        reason: 'expected a one-line title before the abstract; the page layout is not the one this parser knows',
      });
      index += 1;
      continue;
    }
    if (!abstract) {
      problems.push({
        severity: 'warning',
        file,
        line: title.line,
        field: 'abstract',
        reason: 'the page ends after this title; the paper is kept without an abstract',
      });
    }
    entries.push({
      file,
      line: title.line,
      fields: { title: title.text, abstract: abstract?.text ?? '', date: day },
    });
    index += 2;
  }
  if (entries.length === 0 && problems.length === 0) {
    problems.push({ severity: 'error', file, line: 1, field: 'file', reason: 'no papers found on the page' });
  }
  return { entries, problems };
}
