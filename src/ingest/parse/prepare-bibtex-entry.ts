/**
 * One scanned BibTeX entry made safe to hand to @retorquere/bibtex-parser: each field is
 * measured first, @strings included, without building anything. An entry whose field the
 * archive reads is too long is refused; a field it does not read that is too long is left out
 * (blanked in place, so positions in the library's messages still hold); a name list longer
 * than the archive keeps is cut before the library splits it (in time quadratic in its length).
 * Pure.
 */
import { ALWAYS_READ, PUBLICATION_READ } from './bibtex-kept-fields.ts';
import { LIMITS } from '../../schema/paper.ts';
import { quote } from '../../messages/errors.ts';
import { MAX_VALUE_CHARS, type StringTable } from './bibtex-strings.ts';
import type { ScannedField, ScannedItem } from './scan-bibtex.ts';

/** Fields whose values the archive reads (see parse-bibtex.ts, `toFields`). */
const READ_FIELDS: ReadonlySet<string> = new Set([...ALWAYS_READ, ...PUBLICATION_READ]);
/** The library's name lists. */
const NAME_LISTS = new Set([
  'author',
  'bookauthor',
  'collaborator',
  'commentator',
  'director',
  'editor',
  'editora',
  'editorb',
  'editors',
  'holder',
  'scriptwriter',
  'translator',
]);
/** The longest name list read, once cut to the first `LIMITS.authors` names: 50 characters a name. */
export const MAX_NAMES_CHARS = 50 * LIMITS.authors;
/** The longest name read in a list: twice what a name may keep (the library's work on one name grows with the square of its length). */
export const MAX_NAME_CHARS = 2 * LIMITS.authorChars;

/** A warning about one field. */
export interface FieldWarning {
  readonly field: string;
  readonly reason: string;
}

/** What to give the library for an entry, or why the entry is refused; with the warnings either way. */
export type PreparedEntry =
  | { readonly refused: string; readonly warnings: readonly FieldWarning[] }
  | {
      /** The entry's text, parts left out blanked. */
      readonly source: string;
      /** The key its `crossref` field names, `''` when none. */
      readonly crossref: string;
      /** The library's `strings` option: the value of each @string the entry uses. */
      readonly strings: Record<string, string>;
      /** @string names the entry uses that nothing defines. */
      readonly unresolved: readonly string[];
      readonly warnings: readonly FieldWarning[];
    };

interface Span {
  readonly start: number;
  readonly end: number;
  /** A whole value, which becomes the number 0; otherwise white space inside a value. */
  readonly value: boolean;
}

/**
 * The names of the list in `text` from `start` to `end`: how many, where to cut it to keep the
 * first `keep` (-1 when it has no more), and the longest of those. Names are separated by `and`
 * between white space, outside braces (`{Barnes and Noble}` is one name).
 */
function countNames(text: string, start: number, end: number, keep: number): { names: number; cut: number; longest: number } {
  let depth = 0;
  let names = 1;
  let cut = -1;
  let from = start;
  let longest = 0;
  for (let i = start; i < end; i += 1) {
    const char = text[i]!;
    if (char === '\\') i += 1;
    else if (char === '{') depth += 1;
    else if (char === '}') depth -= 1;
    else if (depth === 0 && /\s/.test(char) && /^and\s/i.test(text.slice(i + 1, i + 5))) {
      if (cut === -1) longest = Math.max(longest, i - from);
      from = i + 4;
      names += 1;
      if (names === keep + 1) cut = i;
    }
  }
  if (cut === -1) longest = Math.max(longest, end - from);
  return { names, cut, longest };
}

/** `text` (which starts at `offset`) with the spans blanked to white space, their line breaks left in place. */
function blank(text: string, offset: number, spans: readonly Span[]): string {
  let out = '';
  let from = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const start = span.start - offset;
    const kept = span.value ? 1 : 0;
    out += text.slice(from, start) + (span.value ? '0' : '') + text.slice(start + kept, span.end - offset).replace(/[^\n]/g, ' ');
    from = span.end - offset;
  }
  return out + text.slice(from);
}

/** Prepares `item` (scanned from `text`), measuring its values against `strings`. */
export function prepareEntry(item: ScannedItem & { kind: 'entry' }, text: string, strings: StringTable): PreparedEntry {
  const warnings: FieldWarning[] = [];
  const spans: Span[] = [];
  const used: Record<string, string> = {};
  const unresolved: string[] = [];
  for (const field of item.fields) {
    const name = field.name.toLowerCase();
    let pieces: ScannedField['pieces'] = field.pieces;
    const only = pieces.length === 1 ? pieces[0] : undefined;
    let long: { refused: string } | null = null;
    if (NAME_LISTS.has(name) && only?.kind === 'text') {
      const names = countNames(text, only.start, only.end, LIMITS.authors);
      if (name === 'author' && names.cut !== -1) {
        spans.push({ start: names.cut, end: only.end, value: false });
        pieces = [{ ...only, end: names.cut }];
        warnings.push({ field: 'authors', reason: `kept the first ${LIMITS.authors} of ${names.names} authors` });
      }
      if (names.longest > MAX_NAME_CHARS) long = { refused: `has a name more than ${MAX_NAME_CHARS} characters long` };
    }
    // A list of names is one value only as a whole; else it is read like any other value.
    const limit = NAME_LISTS.has(name) && only?.kind === 'text' ? MAX_NAMES_CHARS : MAX_VALUE_CHARS;
    const measured = long ?? strings.measure(pieces, limit);
    const refused = 'refused' in measured ? measured : strings.spend(measured);
    if (refused === null && !('refused' in measured)) {
      for (const [key, value] of measured.strings) used[key] = value;
      unresolved.push(...measured.unresolved);
      continue;
    }
    const reason = refused?.refused ?? '';
    if (READ_FIELDS.has(name)) return { refused: `${quote(field.name)} ${reason}`, warnings };
    spans.push({ start: field.start, end: field.end, value: true });
    warnings.push({ field: name.slice(0, 60), reason: `${reason}; left unread (the archive does not use this field)` });
  }
  // The key a `crossref` names, as the library reads it (the library never converts a key's LaTeX).
  const crossref = item.fields.findLast((field) => field.name.toLowerCase() === 'crossref');
  const target = (crossref?.pieces ?? [])
    .map((piece) =>
      piece.kind === 'text'
        ? text.slice(piece.start, piece.end)
        : piece.kind === 'number'
          ? piece.text
          : (used[piece.name.toUpperCase()] ?? ''),
    )
    .join('')
    .trim();
  return { source: blank(text.slice(item.start, item.end), item.start, spans), crossref: target, strings: used, unresolved, warnings };
}
