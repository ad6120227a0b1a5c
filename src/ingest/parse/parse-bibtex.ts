/**
 * BibTeX and BibLaTeX files, read with @retorquere/bibtex-parser: every entry type is a paper
 * (`@string`, `@preamble` and `@comment` are not), LaTeX accents and escapes become Unicode,
 * and text fields come out as plain text.
 *
 * TeX math (`$…$`, `$$…$$`, `\(…\)`) stays exactly as written, as the README promises for
 * every source and as arXiv and Hugging Face deliver it: the library's rendering is lossy
 * (`$\mathcal{O}(n \log n)$` → `O(nn)`, `$$E=mc^2$$` → nothing) and would make the same
 * title differ between sources.
 *
 * The library is never given the whole file: it expands every @string in full as soon as it
 * is defined, and it rereads the file after each broken entry. So the file is first split into
 * its items by scan-bibtex.ts (the library's own grammar, in linear time), @strings are
 * measured without being built (bibtex-strings.ts), each entry is measured and cut to what is
 * safe to read (prepare-bibtex-entry.ts), and the library reads each entry alone, or with the
 * entries its `crossref` names, given the values of the @strings they use (read-bibtex-entries.ts).
 */
import type { Creator, Entry as BibEntry } from '@retorquere/bibtex-parser';
import { quote, type Problem } from '../../messages/errors.ts';
import { hasLongMarkRun } from '../normalize/clean-text.ts';
import { ALWAYS_READ, fieldLines, keepsKey, NOT_KEPT } from './bibtex-kept-fields.ts';
import { publicationFields } from './bibtex-publication.ts';
import { StringTable } from './bibtex-strings.ts';
import { prepareEntry } from './prepare-bibtex-entry.ts';
import { readEntries, type Member } from './read-bibtex-entries.ts';
import { originalOffsets, protectBibtex, restore, type Replacement } from './protect-bibtex.ts';
import type { ParseOptions, ParseResult, RawEntry } from './raw-entry.ts';
import { scanBibtex } from './scan-bibtex.ts';
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
function arxivId(fields: Readonly<Record<string, unknown>>, used: Set<string>): string | undefined {
  const text = (name: string) => (typeof fields[name] === 'string' ? (fields[name] as string) : undefined);
  const eprint = text('eprint')?.trim();
  const kind = (text('archiveprefix') ?? text('eprinttype'))?.trim().toLowerCase();
  if (eprint && (kind === 'arxiv' || (kind === undefined && ARXIV_ID.test(eprint)))) return eprint;
  for (const name of ['url', 'journal', 'journaltitle', 'howpublished']) {
    const found = ARXIV_IN_TEXT.exec(text(name) ?? '')?.[1];
    if (found) {
      used.add(name);
      return found;
    }
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
function publication(
  fields: Readonly<Record<string, unknown>>,
  warn: (field: string, reason: string) => void,
): { published?: string; fromDateField: boolean } {
  const { date, year, month } = fields;
  if (typeof date === 'string' && date.trim() !== '') {
    // A BibLaTeX range (`2024-03-05/2024-03-07`) or time is cut to its first day; anything else goes to the schema as written.
    return { published: /^\d{4}(?:-\d{2}(?:-\d{2})?)?(?=$|[/T ])/.exec(date.trim())?.[0] ?? date.trim(), fromDateField: true };
  }
  if (typeof year !== 'string' || year.trim() === '') return { fromDateField: false };
  if (typeof month !== 'string' || month.trim() === '' || !/^\d{4}$/.test(year.trim()))
    return { published: year.trim(), fromDateField: false };
  const number = monthNumber(month);
  if (number === null) warn('published', `month \`${month}\` is not a month name or number; only the year is kept`);
  return { published: number === null ? year.trim() : `${year.trim()}-${number}`, fromDateField: false };
}

/** Maps one parsed entry to native fields, and names the entry's fields that are not kept; `problem` records what cannot be mapped. */
function toFields(
  entry: BibEntry,
  replacements: readonly Replacement[],
  options: ParseOptions,
  problem: (severity: Problem['severity'], field: string, reason: string) => void,
): { fields: Record<string, unknown>; notKept: string[] } {
  const fields: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(entry.fields)) {
    if (typeof value === 'string') fields[name] = plainText(value, replacements);
    else if (Array.isArray(value) && value.every((item) => typeof item === 'string'))
      fields[name] = value.map((item: string) => plainText(item, replacements));
  }
  const authors = (entry.fields.author ?? [])
    // `and others` is BibTeX for "et al.", not a person.
    .filter((creator) => !(creator.lastName?.toLowerCase() === 'others' && !creator.firstName && !creator.name))
    .map((creator) => plainText(creatorName(creator), replacements));
  const { published, fromDateField } = publication(fields, (field, reason) => problem('warning', field, reason));
  // The file's day (`--date` or its name), else a full BibLaTeX `date`. An entry with only a year
  // or a month is listed on no day (a reference library): its year's and month's pages list it.
  let date = options.date;
  if (date === undefined && fromDateField && published?.length === 10) date = published;
  if (date === undefined && published === undefined)
    problem(
      'error',
      'date',
      'BibTeX gives no date, and a day is never invented; give the entry a year, or pass --date YYYY-MM-DD to list these papers under a day',
    );
  const primary = fields['primaryclass'];
  const used = new Set(ALWAYS_READ);
  const id = arxivId(fields, used);
  const howpublished = typeof fields['howpublished'] === 'string' ? fields['howpublished'] : '';
  // Zotero writes a web page's address as `howpublished = {\url{…}}`.
  const linked = /^https?:\/\/\S+$/.test(howpublished.trim()) && fields['url'] === undefined ? howpublished.trim() : undefined;
  if (linked !== undefined) used.add('howpublished');
  if (entry.key !== '' && !keepsKey(entry.key))
    problem(
      'warning',
      'citekey',
      `${quote(entry.key)} is not kept as the citation key (BibTeX-safe keys use letters, digits and _ : . + / -); the key comes from the slug`,
    );
  const mapped: Record<string, unknown> = {
    id,
    title: fields['title'],
    abstract: fields['abstract'],
    authors: entry.fields.author ? authors : undefined,
    date,
    published,
    doi: fields['doi'],
    url: fields['url'] ?? linked,
    categories: typeof primary === 'string' ? [primary] : undefined,
    // Keywords are the user's own tags (the library sorts and deduplicates them).
    tags: fields['keywords'],
    ...publicationFields(entry.type, fields, used),
    citekey: keepsKey(entry.key) ? entry.key : undefined,
  };
  for (const key of Object.keys(mapped)) if (mapped[key] === undefined) delete mapped[key];
  return { fields: mapped, notKept: Object.keys(entry.fields).filter((name) => !used.has(name)) };
}

/** Parses a BibTeX/BibLaTeX file; each entry is located at the line its `@type{` starts on. */
export function parseBibtex(text: string, file: string, options: ParseOptions): ParseResult {
  const guarded = protectBibtex(text);
  const starts = lineStarts(text);
  const protectedStarts = lineStarts(guarded.text);
  const toOriginal = originalOffsets(guarded.replacements);
  const strings = new StringTable(guarded.text, (start, end) => toOriginal(end) - toOriginal(start));
  const problems: Problem[] = [];
  const unresolvedSeen = new Set<string>();
  const problem = (severity: Problem['severity'], line: number, field: string, reason: string) =>
    void problems.push({ severity, file, line, field, reason });

  /** A message's first line, placeholders put back, its `at line L, column C` (turned into an offset of the protected text by `at`) as the file's own. */
  const locate = (message: string, at: (line: number, column: number) => number) =>
    restore(message.split('\n', 1)[0] ?? message, guarded.replacements).replace(
      /at line (\d+), column (\d+)/,
      (_, line: string, column: string) => {
        const mapped = toOriginal(at(Number(line), Number(column)));
        const where = lineAt(starts, mapped);
        return `at line ${where}, column ${mapped - (starts[where - 1] ?? 0) + 1}`;
      },
    );
  const inProtected = (line: number, column: number) => (protectedStarts[line - 1] ?? 0) + column - 1;

  /** Warns once per file about each @string name nothing defines, at the first item using it. */
  const warnUnresolved = (names: readonly string[], line: number) => {
    for (const name of names) {
      if (unresolvedSeen.has(name)) continue;
      unresolvedSeen.add(name);
      const shown = name.length > 60 ? `${name.slice(0, 60)}…` : name;
      problem(
        'warning',
        line,
        'entry',
        `Unresolved @string reference ${JSON.stringify(shown)}; its name is used as the text (define it with @string{${shown} = {…}})`,
      );
    }
  };

  // 1. Every item in order: @strings defined as they come, each entry measured against the
  //    strings defined so far (cut, parts left out, or refused).
  const ready: (Member & { line: number; fieldLines: Map<string, number> })[] = [];
  // Fields said to be not kept (or left unread for their length) in this file: each is said once.
  const notKeptSeen = new Set<string>();
  for (const item of scanBibtex(guarded.text)) {
    const line = lineAt(starts, toOriginal(item.start));
    if (item.kind === 'entry') {
      const prepared = prepareEntry(item, guarded.text, strings);
      for (const warning of prepared.warnings) {
        problem('warning', line, warning.field, warning.reason);
        notKeptSeen.add(warning.field);
      }
      if ('refused' in prepared) problem('error', line, 'entry', `${prepared.refused}; the entry is skipped`);
      else {
        warnUnresolved(prepared.unresolved, line);
        ready.push({
          start: item.start,
          source: prepared.source,
          strings: prepared.strings,
          key: item.key,
          crossref: prepared.crossref,
          line,
          // Where each field is written, for warnings about it (the first of a repeated field).
          fieldLines: fieldLines(item.fields, (offset) => lineAt(starts, toOriginal(offset))),
        });
      }
    } else if (item.kind === 'broken') problem('error', line, 'entry', `${locate(item.reason, inProtected)}; the entry is skipped`);
    // A broken @string whose value was read stays defined, as in the library.
    const definition = item.kind === 'string' ? item.field : item.kind === 'broken' ? item.string : null;
    if (definition) {
      const { refused, unresolved } = strings.define(definition.name, definition.pieces, line);
      if (refused !== null)
        problem('warning', line, 'entry', `@string ${quote(definition.name)} ${refused}; entries that use it are skipped`);
      warnUnresolved(unresolved, line);
    }
  }

  // 2. The library reads the entries (with the entries their crossref names), then each
  //    becomes native fields, in file order.
  const entries: RawEntry[] = [];
  readEntries(ready).forEach((result, index) => {
    const { line, fieldLines } = ready[index]!;
    if (result.warning !== null) problem('warning', line, 'crossref', result.warning);
    for (const { severity, message, at } of result.messages)
      problem(severity, line, 'entry', `${locate(message, at)}${severity === 'error' ? '; the entry is skipped' : ''}`);
    if (!result.entry) return;
    const { fields, notKept } = toFields(result.entry, guarded.replacements, options, (severity, field, reason) =>
      problem(severity, line, field, reason),
    );
    entries.push({ file, line, fields });
    // A field the archive does not keep is said once per file, where it first appears (inherited: at the entry).
    for (const name of notKept.filter((name) => !notKeptSeen.has(name))) {
      notKeptSeen.add(name);
      problem('warning', fieldLines.get(name) ?? line, name.slice(0, 60), NOT_KEPT);
    }
  });
  // Reported in file order, as the items were.
  return { entries, problems: problems.sort((a, b) => a.line - b.line) };
}
