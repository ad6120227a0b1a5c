/**
 * BibTeX text → its items as @retorquere/bibtex-parser's first pass reads them (the same
 * grammar, the same error messages, see its `verbatim.ts`), in time linear in the text, and
 * without expanding any `@string`: values come back as their pieces (text, numbers, @string
 * names), so parse-bibtex.ts can measure what a value would become before anything is built.
 *
 * The library rereads text: after an error it starts again one character after the broken
 * entry began, and each step scans as far as it must, so a file of unclosed values or broken
 * lines costs time quadratic in its length (and it keeps every error message unique by
 * searching the list so far). Here every scan is a lookup in bibtex-tables.ts; a place between
 * two fields that an earlier broken entry already walked through on the way to its error fails
 * again at once (what follows depends only on the text, so the same error is met there); and
 * a value joins at most `MAX_PIECES` pieces with `#`. The one difference from the library:
 * a value of more pieces breaks its entry.
 */
import { bibtexTables, type BibtexTables } from './bibtex-tables.ts';

/** One piece of a value joined with `#`: the inside of `{…}` or `"…"`, a number, or an @string name. */
export type ValuePiece =
  | { readonly kind: 'text'; readonly start: number; readonly end: number }
  | { readonly kind: 'number'; readonly text: string }
  | { readonly kind: 'name'; readonly name: string };

/** A `name = value` of an entry or of an @string. */
export interface ScannedField {
  readonly name: string;
  readonly pieces: readonly ValuePiece[];
  /** The value's span in the text, delimiters included. */
  readonly start: number;
  readonly end: number;
}

/** Where an item starts (its `@`) and the index after it (trailing white space and comments included). */
interface Span {
  readonly start: number;
  readonly end: number;
}

/** An item of the file: an entry, an @string, an @preamble or @comment (ignored), or a broken item and why. */
export type ScannedItem =
  | (Span & {
      readonly kind: 'entry';
      readonly type: string;
      /** The citation key (`''` when the entry starts with a field). */
      readonly key: string;
      readonly fields: readonly ScannedField[];
    })
  | (Span & { readonly kind: 'string'; readonly field: ScannedField | null })
  | (Span & { readonly kind: 'ignored' })
  | (Span & {
      readonly kind: 'broken';
      readonly reason: string;
      /** An @string whose value was read before the error: the library keeps it defined. */
      readonly string?: ScannedField;
    });

/** An error of the library's reader, before its position and item are added to the message. */
class ReadError extends Error {
  readonly at: number;
  constructor(reason: string, at: number) {
    super(reason);
    this.at = at;
  }
}

/** A key in a message: the library quotes it whole; a key can be megabytes long. */
const shortKey = (key: string) => (key.length > 60 ? `${key.slice(0, 60)}…` : key);

/** The most values one field may join with `#` (real files use a few). */
export const MAX_PIECES = 256;

class Reader {
  pos = 0;
  /** The item being read, as the library names it in messages (the previous one's until a directive is read). */
  parsing: string | null = null;
  /**
   * Errors met after a field of an entry, by the index there and the entry's closing bracket:
   * found by an earlier broken entry that walked through the same place.
   */
  readonly failures = new Map<number, ReadError>();
  /** The places this item has passed, remembered with its error if it fails. */
  passed: number[] = [];
  readonly text: string;
  readonly tables: BibtexTables;

  constructor(text: string) {
    this.text = text;
    this.tables = bibtexTables(text);
  }

  /** An error at the current position. */
  fail(reason: string): ReadError {
    return new ReadError(reason, this.pos);
  }

  /** A place between fields, whose outcome is remembered: throws the error an earlier item met from it. */
  point(guard: string): void {
    const key = this.pos * 2 + (guard === '}' ? 0 : 1);
    const known = this.failures.get(key);
    if (known) throw known;
    this.passed.push(key);
  }

  skipWhitespace(): void {
    this.pos = this.tables.afterSpace(this.pos);
  }

  match(token: string, skipAfter = true): void {
    this.skipWhitespace();
    if (!this.text.startsWith(token, this.pos)) {
      throw this.fail(`Token mismatch, expected ${JSON.stringify(token)}, found ${JSON.stringify(this.text.substr(this.pos, 20))}...`);
    }
    this.pos += token.length;
    if (skipAfter) this.skipWhitespace();
  }

  tryMatch(token: string, consume = false): boolean {
    this.skipWhitespace();
    const found = this.text.startsWith(token, this.pos);
    if (found && consume) this.pos += token.length;
    return found;
  }

  key(entryKey = false): string {
    const start = this.pos;
    const end = this.tables.keyEnd(start, entryKey);
    this.pos = end;
    if (end >= this.text.length) throw this.fail('Runaway key');
    return this.text.slice(start, end);
  }

  valueBraces(): ValuePiece {
    this.match('{', false);
    const start = this.pos;
    const { end, openMath } = this.tables.braceEnd(start);
    if (end === -1) {
      this.pos = this.text.length;
      throw this.fail(`Unterminated brace-value ${JSON.stringify(this.text.substr(start, 20))}`);
    }
    this.pos = end;
    if (openMath) throw this.fail('Unclosed math section');
    this.pos = end + 1;
    return { kind: 'text', start, end };
  }

  valueQuotes(): ValuePiece {
    this.match('"', false);
    const start = this.pos;
    const end = this.tables.quoteEnd(start);
    if (end === -1) {
      this.pos = this.text.length;
      throw this.fail(`Unterminated quote-value ${JSON.stringify(this.text.substr(start, 20))}`);
    }
    this.pos = end + 1;
    return { kind: 'text', start, end };
  }

  singleValue(): ValuePiece {
    if (this.tryMatch('{')) return this.valueBraces();
    if (this.tryMatch('"')) return this.valueQuotes();
    const bare = this.key();
    return /^\d+$/.test(bare) ? { kind: 'number', text: bare } : { kind: 'name', name: bare };
  }

  /**
   * Pieces joined with `#`, at most `MAX_PIECES` of them (the library takes any number; a
   * broken entry inside a value can make later ones walk the same chain again, so it is bounded).
   */
  value(): { pieces: ValuePiece[]; start: number } {
    this.skipWhitespace();
    const start = this.pos;
    const pieces = [this.singleValue()];
    while (this.tryMatch('#')) {
      if (pieces.length === MAX_PIECES) throw this.fail(`more than ${MAX_PIECES} values joined with #`);
      this.match('#');
      pieces.push(this.singleValue());
    }
    return { pieces, start };
  }

  keyEqualsValue(given = ''): ScannedField | null {
    const name = given || this.key();
    if (!name) return null;
    if (!this.tryMatch('='))
      throw this.fail(`${shortKey(name)} = value expected, equals sign missing: ${JSON.stringify(this.text.substr(this.pos, 20))}...`);
    this.match('=');
    const { pieces, start } = this.value();
    return { name, pieces, start, end: this.pos };
  }

  matchGuard(): string {
    for (const guard of ['{}', '()']) {
      if (this.tryMatch(guard[0]!)) {
        this.match(guard[0]!);
        return guard[1]!;
      }
    }
    throw this.fail(`Token mismatch, expected '{' or '(', found ${JSON.stringify(this.text.substr(this.pos, 20))}...`);
  }

  /** An entry's key and fields, up to its closing bracket. */
  entry(guard: string): { key: string; fields: ScannedField[] } {
    const read = { key: '', fields: [] as ScannedField[] };
    const add = (field: ScannedField | null) => field && read.fields.push(field);
    if (this.tryMatch(guard)) return read;
    const key = this.tryMatch(',') ? '' : this.key(true);
    if (this.tryMatch('=')) add(this.keyEqualsValue(key));
    else read.key = key;
    this.tryMatch(',', true);
    if (this.tryMatch(guard)) return read;
    add(this.keyEqualsValue());
    for (;;) {
      this.point(guard);
      if (!this.tryMatch(',', true)) return read;
      if (this.tryMatch(guard)) return read;
      add(this.keyEqualsValue());
    }
  }

  /** The next item from the current position, or null at the end of the text. */
  next(): ScannedItem | null {
    const { text } = this;
    this.skipWhitespace();
    while (this.pos < text.length && text[this.pos] !== '@') {
      if (text[this.pos] === '%') {
        const lineEnd = text.indexOf('\n', this.pos);
        this.pos = lineEnd === -1 ? text.length : lineEnd;
      } else this.pos += 1;
    }
    if (this.pos >= text.length) return null;
    const start = this.pos;
    this.passed = [];
    let string: ScannedField | null = null;
    try {
      this.match('@');
      const type = (this.parsing = this.key().toLowerCase());
      if (type === 'comment') return this.comment(start);
      if (type === 'preamble') {
        this.value();
        return { kind: 'ignored', start, end: this.pos };
      }
      const guard = this.matchGuard();
      if (type === 'string') {
        string = this.keyEqualsValue();
        this.match(guard);
        return { kind: 'string', start, end: this.pos, field: string };
      }
      const { key, fields } = this.entry(guard);
      this.match(guard);
      return { kind: 'entry', start, end: this.pos, type, key, fields };
    } catch (error) {
      if (!(error instanceof ReadError)) throw error;
      for (const key of this.passed) this.failures.set(key, error);
      const where = ` at ${this.tables.location(error.at)}${this.parsing ? ` in ${JSON.stringify(this.parsing)}` : ''}`;
      // As the library does: start again at the next `@` after this one.
      const next = text.indexOf('@', start + 1);
      this.pos = next === -1 ? text.length : next;
      const broken = { kind: 'broken', start, end: this.pos, reason: `${error.message}${where}` } as const;
      return string ? { ...broken, string } : broken;
    }
  }

  comment(start: number): ScannedItem {
    while (this.text[this.pos] === ' ' || this.text[this.pos] === '\t') this.pos += 1;
    if (this.text[this.pos] === '{') this.valueBraces();
    else {
      const lineEnd = this.text.indexOf('\n', this.pos);
      this.pos = lineEnd === -1 ? this.text.length : lineEnd;
    }
    return { kind: 'ignored', start, end: this.pos };
  }
}

/** The items of BibTeX `text` in order, as the library's first pass reads them. */
export function scanBibtex(text: string): ScannedItem[] {
  const reader = new Reader(text);
  const items: ScannedItem[] = [];
  for (let item = reader.next(); item !== null; item = reader.next()) items.push(item);
  return items;
}
