/**
 * BibTeX and BibLaTeX files, read with @retorquere/bibtex-parser: every entry type is a paper
 * (`@string`, `@preamble` and `@comment` are not), LaTeX accents and escapes become Unicode,
 * and text fields come out as plain text.
 *
 * TeX math (`$…$`, `$$…$$`, `\(…\)`) is kept exactly as written, as the README promises for
 * every source and as arXiv and Hugging Face deliver it: the library's rendering is lossy
 * (`$\mathcal{O}(n \log n)$` → `O(nn)`, `$$E=mc^2$$` → nothing) and would make the same
 * title differ between sources.
 *
 * The library is never given the whole file: it expands every @string in full as soon as it
 * is defined, and it rereads the file after each broken entry. So the file is first split into
 * its items by scan-bibtex.ts (the library's own grammar, in linear time), @strings are
 * measured without being built (bibtex-strings.ts), and each entry is handed to the library
 * alone, with the values of the @strings it uses (prepare-bibtex-entry.ts).
 */
import { parse, type Creator, type Entry as BibEntry } from '@retorquere/bibtex-parser';
import { quote, type Problem } from '../errors.ts';
import { hasLongMarkRun } from '../normalize/clean-text.ts';
import { StringTable } from './bibtex-strings.ts';
import { prepareEntry } from './prepare-bibtex-entry.ts';
import { originalOffsets, protectBibtex, restore, type Replacement } from './protect-bibtex.ts';
import type { ParseOptions, ParseResult, RawEntry } from './raw-entry.ts';
import { scanBibtex, type ScannedItem } from './scan-bibtex.ts';
import { lineAt, lineStarts } from './text-position.ts';

export { protectBibtex } from './protect-bibtex.ts';

/** Tags the library emits for `\emph`, `\textbf`, `\textsc`, `\url`, case protection…; block ones stand for a space. */
const MARKUP = /<(\/?)(a|b|i|p|br|li|ul|sub|sup|code|span|enquote|blockquote|h[1-6])(?:\s[^<>]*)?\/?>/g;

/** Library output → plain text: links keep their target, other markup is dropped. */
function plainText(value: string, replacements: readonly Replacement[]): string {
  // After protection every `<` in the output is the library's own markup.
  const text = value
    .replace(/<a href="([^"]*)">([^<]*)<\/a>/g, (_, href: string, label: string) => (label === href ? href : `${label} (${href})`))
    .replace(MARKUP, (_, _close: string, tag: string) => (/^(?:p|br|li|ul|blockquote|h\d)$/.test(tag) ? ' ' : ''));
  // `\"\i` comes out as a dotless ı plus a combining accent, which NFC cannot compose into ï.
  const plain = restore(text, replacements, true)
    .replace(/ı(?=[\u0300-\u036f])/g, 'i')
    .replace(/ȷ(?=[\u0300-\u036f])/g, 'j');
  // NFC takes time quadratic in a run of marks: such text is left to cleanText, which cuts the run first.
  return hasLongMarkRun(plain) ? plain : plain.normalize('NFC');
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

const LIBRARY_OPTIONS = { caseProtection: false, sentenceCase: false, english: false, unsupported: 'ignore' } as const;

/** Parses a BibTeX/BibLaTeX file; each entry is located at the line its `@type{` starts on. */
export function parseBibtex(text: string, file: string, options: ParseOptions): ParseResult {
  const guarded = protectBibtex(text);
  const starts = lineStarts(text);
  const protectedStarts = lineStarts(guarded.text);
  const toOriginal = originalOffsets(guarded.replacements);
  const strings = new StringTable(guarded.text, (start, end) => toOriginal(end) - toOriginal(start));
  const entries: RawEntry[] = [];
  const problems: Problem[] = [];
  const unresolvedSeen = new Set<string>();

  /** `at line L, column C` of a message counted from `from` in the protected text, as the file's own line and column. */
  const locate = (message: string, from: number) => {
    const base = lineAt(protectedStarts, from);
    return restore(message.split('\n', 1)[0] ?? message, guarded.replacements).replace(/at line (\d+), column (\d+)/, (_, line: string, column: string) => {
      const offset = Number(line) === 1 ? from + Number(column) - 1 : (protectedStarts[base + Number(line) - 2] ?? 0) + Number(column) - 1;
      const mapped = toOriginal(offset);
      const at = lineAt(starts, mapped);
      return `at line ${at}, column ${mapped - (starts[at - 1] ?? 0) + 1}`;
    });
  };

  /** Warns once per file about each @string name nothing defines, at the first item using it. */
  const warnUnresolved = (names: readonly string[], line: number) => {
    for (const name of names) {
      if (unresolvedSeen.has(name)) continue;
      unresolvedSeen.add(name);
      const shown = name.length > 60 ? `${name.slice(0, 60)}…` : name;
      const reason = `Unresolved @string reference ${JSON.stringify(shown)}; its name is used as the text (define it with @string{${shown} = {…}})`;
      problems.push({ severity: 'warning', file, line, field: 'entry', reason });
    }
  };

  /** One entry: measured (cut, parts left out), then read by the library alone, with the @strings it uses. */
  const readEntry = (item: ScannedItem & { kind: 'entry' }, line: number): void => {
    const problem = (severity: Problem['severity'], field: string, reason: string) => void problems.push({ severity, file, line, field, reason });
    const prepared = prepareEntry(item, guarded.text, strings);
    for (const warning of prepared.warnings) problem('warning', warning.field, warning.reason);
    if ('refused' in prepared) {
      problem('error', 'entry', `${prepared.refused}; the entry is skipped`);
      return;
    }
    warnUnresolved(prepared.unresolved, line);
    let library: ReturnType<typeof parse>;
    try {
      library = parse(prepared.source, { ...LIBRARY_OPTIONS, strings: prepared.strings });
    } catch (error) {
      // The library's own limits (stack depth): this entry is lost, not the file.
      problem('error', 'entry', `cannot be read (${error instanceof Error ? error.message.slice(0, 200) : String(error)}); the entry is skipped`);
      return;
    }
    for (const entry of library.entries.filter((candidate) => candidate.input !== '')) entries.push({ file, line, fields: toFields(entry, guarded.replacements, options, problem) });
    for (const error of library.errors) {
      const reason = locate(error.error, item.start);
      // The entry could not be converted (its LaTeX), or it was read with a repair (a name with too many commas).
      if (error.input?.startsWith('@')) problem('error', 'entry', `${reason}; the entry is skipped`);
      else problem('warning', 'entry', reason);
    }
  };

  for (const item of scanBibtex(guarded.text)) {
    const line = lineAt(starts, toOriginal(item.start));
    if (item.kind === 'entry') readEntry(item, line);
    else if (item.kind === 'broken') problems.push({ severity: 'error', file, line, field: 'entry', reason: `${locate(item.reason, 0)}; the entry is skipped` });
    // A broken @string whose value was read stays defined, as in the library.
    const definition = item.kind === 'string' ? item.field : item.kind === 'broken' ? item.string : null;
    if (definition) {
      const { refused, unresolved } = strings.define(definition.name, definition.pieces, line);
      if (refused !== null) problems.push({ severity: 'warning', file, line, field: 'entry', reason: `@string ${quote(definition.name)} ${refused}; entries that use it are skipped` });
      warnUnresolved(unresolved, line);
    }
  }
  return { entries, problems };
}
