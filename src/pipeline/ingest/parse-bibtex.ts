/**
 * BibTeX and BibLaTeX files, read with @retorquere/bibtex-parser: every entry type is a paper
 * (`@string`, `@preamble` and `@comment` are not), LaTeX accents and escapes become Unicode,
 * and text fields come out as plain text.
 *
 * TeX math (`$…$`, `$$…$$`, `\(…\)`) is kept exactly as written, as the README promises for
 * every source and as arXiv and Hugging Face deliver it: the library's rendering is lossy
 * (`$\mathcal{O}(n \log n)$` → `O(nn)`, `$$E=mc^2$$` → nothing) and would make the same
 * title differ between sources.
 */
import { parse, type Creator, type Entry as BibEntry } from '@retorquere/bibtex-parser';
import type { Problem } from '../errors.ts';
import type { ParseOptions, ParseResult, RawEntry } from './raw-entry.ts';
import { lineAt, lineStarts } from './text-position.ts';
import { escapedAt, mathEnd } from '../../lib/bibtex-math.ts';

// A placeholder is `OPEN <index> CLOSE`, both from Supplementary Private Use Area-A: the
// library silently drops BMP private-use characters (U+E000…) but passes these, and the
// digits between them, through every field mode untouched.
const OPEN = '\u{F0000}';
const CLOSE = '\u{F0001}';
const PLACEHOLDER = new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'gu');

interface Replacement {
  /** Where the placeholder starts in the protected text, and how long it is. */
  readonly at: number;
  readonly length: number;
  /** The source text it hides. */
  readonly original: string;
  /** What it stands for in a field value: math as written, `\textless{}` as `<`. */
  readonly text: string;
}

interface Protected {
  readonly text: string;
  readonly replacements: readonly Replacement[];
}

/** `\textless{}` / `\textgreater{}` (and the space TeX swallows after them), which the library turns into bare `<` / `>`. */
const TEXT_ANGLE = /^\\text(less|greater)(?![A-Za-z])(?:\{\}| )?/;

/**
 * Hides what the library would mangle behind placeholders: math spans, and `<` / `>` (which
 * it renders as `¡` / `¿`, and which would be indistinguishable from its HTML markup).
 */
export function protectBibtex(text: string): Protected {
  const replacements: Replacement[] = [];
  let out = '';
  for (let i = 0; i < text.length; ) {
    const char = text[i]!;
    let original: string | null = null;
    let meaning = '';
    const angle = char === '\\' ? TEXT_ANGLE.exec(text.slice(i, i + 20)) : null;
    if (char === '<' || char === '>' || angle) {
      original = angle ? angle[0] : char;
      meaning = char === '<' || angle?.[1] === 'less' ? '<' : '>';
    } else if ((char === '$' || text.startsWith('\\(', i)) && !escapedAt(text, i)) {
      const end = mathEnd(text, i);
      if (end !== -1) meaning = original = text.slice(i, end);
    }
    if (original === null) {
      out += char;
      i += 1;
      continue;
    }
    const placeholder = `${OPEN}${replacements.length}${CLOSE}`;
    replacements.push({ at: out.length, length: placeholder.length, original, text: meaning });
    out += placeholder;
    i += original.length;
  }
  return { text: out, replacements };
}

/** Puts back what `protectBibtex` hid: as the source had it, or (`asText`) as a field value means it. */
function restore(text: string, replacements: readonly Replacement[], asText = false): string {
  return text.replace(PLACEHOLDER, (whole, n: string) => {
    const replacement = replacements[Number(n)];
    return replacement === undefined ? whole : asText ? replacement.text : replacement.original;
  });
}

/** Offset in the original text of an offset in the protected text. */
function originalOffset(offset: number, replacements: readonly Replacement[]): number {
  let shift = 0;
  for (const { at, length, original } of replacements) {
    if (at >= offset) break;
    shift += at + length <= offset ? original.length - length : 0;
  }
  return offset + shift;
}

/** Tags the library emits for `\emph`, `\textbf`, `\textsc`, `\url`, case protection…; block ones stand for a space. */
const MARKUP = /<(\/?)(a|b|i|p|br|li|ul|sub|sup|code|span|enquote|blockquote|h[1-6])(?:\s[^<>]*)?\/?>/g;

/** Library output → plain text: links keep their target, other markup is dropped. */
function plainText(value: string, replacements: readonly Replacement[]): string {
  // After protection every `<` in the output is the library's own markup.
  const text = value
    .replace(/<a href="([^"]*)">([^<]*)<\/a>/g, (_, href: string, label: string) => (label === href ? href : `${label} (${href})`))
    .replace(MARKUP, (_, _close: string, tag: string) => (/^(?:p|br|li|ul|blockquote|h\d)$/.test(tag) ? ' ' : ''));
  // `\"\i` comes out as a dotless ı plus a combining accent, which NFC cannot compose into ï.
  return restore(text, replacements, true)
    .replace(/ı(?=[\u0300-\u036f])/g, 'i')
    .replace(/ȷ(?=[\u0300-\u036f])/g, 'j')
    .normalize('NFC');
}

/** "First von Last, Jr." from the library's name parts; institutions (`{name}`) as written. */
function creatorName(creator: Creator): string {
  if (creator.name !== undefined) return creator.name;
  const name = [creator.firstName, creator.prefix, creator.lastName].filter((part) => part !== undefined && part !== '').join(' ');
  return creator.suffix ? `${name}, ${creator.suffix}` : name;
}

const ARXIV_IN_TEXT = /(?:arxiv\.org\/(?:abs|pdf)\/|arxiv:\s*)(\d{4}\.\d{4,5}(?:v\d+)?|[a-z-]+(?:\.[A-Z]{2})?\/\d{7}(?:v\d+)?)/i;
const ARXIV_ID = /^(?:arxiv:\s*)?(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?$/i;

/** The arXiv id: `eprint` (with `archivePrefix`/`eprinttype` arXiv, or shaped like one), an arxiv.org URL, or `arXiv:<id>` in the journal. */
function arxivId(fields: Readonly<Record<string, unknown>>): string | undefined {
  const text = (name: string) => (typeof fields[name] === 'string' ? (fields[name] as string) : undefined);
  const eprint = text('eprint')?.trim();
  const kind = (text('archiveprefix') ?? text('eprinttype'))?.trim().toLowerCase();
  if (eprint && (kind === 'arxiv' || (kind === undefined && ARXIV_ID.test(eprint)))) return eprint;
  for (const name of ['url', 'journal', 'journaltitle', 'howpublished']) {
    const found = ARXIV_IN_TEXT.exec(text(name) ?? '')?.[1];
    if (found) return found;
  }
  return undefined;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** `3`, `03`, `mar`, `March`, `Sept.` → `03`…; null when it is none of those. */
function monthNumber(value: string): string | null {
  const name = value.trim().toLowerCase().replace(/\.$/, '');
  const number = /^\d{1,2}$/.test(name) ? Number(name) : MONTHS.findIndex((month) => name.length >= 3 && month.startsWith(name)) + 1;
  return number >= 1 && number <= 12 ? String(number).padStart(2, '0') : null;
}

/** The publication date at the precision given: `date` (its `YYYY[-MM[-DD]]` start), else `year` and `month`. */
function publication(fields: Readonly<Record<string, unknown>>, warn: (field: string, reason: string) => void): { published?: string; fromDateField: boolean } {
  const { date, year, month } = fields;
  if (typeof date === 'string' && date.trim() !== '') {
    // A BibLaTeX range (`2024-03-05/2024-03-07`) or time is cut to its first day; anything else goes to the schema as written.
    return { published: /^\d{4}(?:-\d{2}(?:-\d{2})?)?(?=$|[/T ])/.exec(date.trim())?.[0] ?? date.trim(), fromDateField: true };
  }
  if (typeof year !== 'string' || year.trim() === '') return { fromDateField: false };
  if (typeof month !== 'string' || month.trim() === '' || !/^\d{4}$/.test(year.trim())) return { published: year.trim(), fromDateField: false };
  const number = monthNumber(month);
  if (number === null) warn('published', `month \`${month}\` is not a month name or number; only the year is kept`);
  return { published: number === null ? year.trim() : `${year.trim()}-${number}`, fromDateField: false };
}

/** Maps one parsed entry to native fields; `problem` records what cannot be mapped. */
function toFields(entry: BibEntry, replacements: readonly Replacement[], options: ParseOptions, problem: (severity: Problem['severity'], field: string, reason: string) => void): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(entry.fields)) {
    if (typeof value === 'string') fields[name] = plainText(value, replacements);
    else if (name === 'keywords' && Array.isArray(value)) fields[name] = value.map((keyword) => (typeof keyword === 'string' ? plainText(keyword, replacements) : keyword));
  }
  const authors = (entry.fields.author ?? [])
    // `and others` is BibTeX for "et al.", not a person.
    .filter((creator) => !(creator.lastName?.toLowerCase() === 'others' && !creator.firstName && !creator.name))
    .map((creator) => plainText(creatorName(creator), replacements));
  const { published, fromDateField } = publication(fields, (field, reason) => problem('warning', field, reason));
  let date = options.date;
  if (date === undefined && fromDateField && published?.length === 10) date = published;
  if (date === undefined) {
    const given = published === undefined ? 'no date' : `only ${published}`;
    problem('error', 'date', `BibTeX gives ${given}, and a day is never invented; pass --date YYYY-MM-DD to list these papers under a day`);
  }
  const primary = fields['primaryclass'];
  const mapped: Record<string, unknown> = {
    id: arxivId(fields),
    title: fields['title'],
    abstract: fields['abstract'],
    authors: entry.fields.author ? authors : undefined,
    date,
    published,
    doi: fields['doi'],
    url: fields['url'],
    categories: typeof primary === 'string' ? [primary] : undefined,
    // Keywords are the user's own tags (the library sorts and deduplicates them).
    tags: fields['keywords'],
  };
  for (const key of Object.keys(mapped)) if (mapped[key] === undefined) delete mapped[key];
  return mapped;
}

/** Rewrites the library's `at line L, column C` (counted in the protected text) to the file's own coordinates. */
function locateMessage(message: string, protectedStarts: readonly number[], originalStarts: readonly number[], replacements: readonly Replacement[]): string {
  const firstLine = restore(message.split('\n', 1)[0] ?? message, replacements);
  return firstLine.replace(/at line (\d+), column (\d+)/, (_, line: string, column: string) => {
    const offset = (protectedStarts[Number(line) - 1] ?? 0) + Number(column) - 1;
    const mapped = originalOffset(offset, replacements);
    const starts = originalStarts;
    const at = lineAt(starts, mapped);
    return `at line ${at}, column ${mapped - (starts[at - 1] ?? 0) + 1}`;
  });
}

/** Parses a BibTeX/BibLaTeX file; each entry is located at the line its `@type{` starts on. */
export function parseBibtex(text: string, file: string, options: ParseOptions): ParseResult {
  const guarded = protectBibtex(text);
  const library = parse(guarded.text, { caseProtection: false, sentenceCase: false, english: false, unsupported: 'ignore' });
  const starts = lineStarts(text);
  // Entries come in file order, so each is searched for after the previous one: identical
  // copies get their own lines. `input` is the entry's exact text, so this never guesses.
  let cursor = 0;
  const lineOf = (input: string): number | undefined => {
    const raw = restore(input, guarded.replacements);
    let found = raw === '' ? -1 : text.indexOf(raw, cursor);
    if (found === -1 && raw !== '') found = text.indexOf(raw);
    if (found === -1) return undefined;
    cursor = found + raw.length;
    return lineAt(starts, found);
  };

  const entries: RawEntry[] = [];
  const problems: Problem[] = [];
  const lines = new Map<string, number>();
  // A stub with empty `input` stands in for each entry the library could not read; its error says why.
  for (const entry of library.entries.filter((candidate) => candidate.input !== '')) {
    const line = lineOf(entry.input) ?? 1;
    lines.set(entry.key.toLowerCase(), line);
    const problem = (severity: Problem['severity'], field: string, reason: string) => problems.push({ severity, file, line, field, reason });
    entries.push({ file, line, fields: toFields(entry, guarded.replacements, options, problem) });
  }

  cursor = 0;
  const protectedStarts = lineStarts(guarded.text);
  for (const error of library.errors) {
    const reason = locateMessage(error.error, protectedStarts, starts, guarded.replacements);
    if (error.input?.startsWith('@')) {
      // The entry was not read: an error at the line it starts on.
      problems.push({ severity: 'error', file, line: lineOf(error.input) ?? 1, field: 'entry', reason: `${reason}; the entry is skipped` });
      continue;
    }
    // Otherwise the entry was read with a repair (an unknown @string, a name with too many commas).
    const key = /^@([^:\s]+):/.exec(error.error)?.[1]?.toLowerCase();
    const name = /Unresolved @string reference "([^"]+)"/.exec(error.error)?.[1];
    const holder = name === undefined ? undefined : library.entries.find((entry) => new RegExp(`[=#]\\s*${name.replace(/\W/g, '\\$&')}\\b`, 'i').test(entry.input));
    const line = (key !== undefined ? lines.get(key) : undefined) ?? (holder ? lines.get(holder.key.toLowerCase()) : undefined) ?? 1;
    const hint = name === undefined ? '' : `; its name is used as the text (define it with @string{${name} = {…}})`;
    problems.push({ severity: 'warning', file, line, field: 'entry', reason: `${reason}${hint}` });
  }
  return { entries, problems };
}
