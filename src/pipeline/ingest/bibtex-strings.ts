/**
 * BibTeX `@string`s, measured before anything is expanded. @retorquere/bibtex-parser expands
 * each `@string` into its full text as soon as it is defined, with no limit and no way to set
 * one: 740 bytes of strings that each double the one before (`@string{a1=a0#a0}`…) took it
 * 18 s and 3.8 GB, then a RangeError. Here a definition's length (in characters of the file as
 * written) and nesting depth come from the lengths of its pieces, in constant time per piece;
 * a string too long or too deep is refused, and so is anything that uses it. The library never
 * sees an @string: each entry is handed to it with the values of the strings it uses.
 */
import { LIMITS } from '../../schema/paper.ts';
import { quote } from '../errors.ts';
import type { ValuePiece } from './scan-bibtex.ts';

/** The longest value (field or @string, after expansion) read: an abstract's cap, twice over for its TeX markup. */
export const MAX_VALUE_CHARS = 2 * LIMITS.abstractChars;
/** The deepest chain of @strings defined through one another. */
export const MAX_STRING_DEPTH = 16;

/** The library's own strings (its `default_strings`), which a file may redefine. */
const PREDEFINED: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'].map((month, index) => [month, String(index + 1).padStart(2, '0')]),
  ),
  ...Object.fromEntries(
    ['JANUARY', 'FEBRUARY', 'MARCH', 'APRIL', 'MAY', 'JUNE', 'JULY', 'AUGUST', 'SEPTEMBER', 'OCTOBER', 'NOVEMBER', 'DECEMBER'].map((month, index) => [month, String(index + 1).padStart(2, '0')]),
  ),
  ACMCS: 'ACM Computing Surveys',
  ACTA: 'Acta Informatica',
  CACM: 'Communications of the ACM',
  IBMJRD: 'IBM Journal of Research and Development',
  IBMSJ: 'IBM Systems Journal',
  IEEESE: 'IEEE Transactions on Software Engineering',
  IEEETC: 'IEEE Transactions on Computers',
  IEEETCAD: 'IEEE Transactions on Computer-Aided Design of Integrated Circuits',
  IPL: 'Information Processing Letters',
  JACM: 'Journal of the ACM',
  JCSS: 'Journal of Computer and System Sciences',
  SCP: 'Science of Computer Programming',
  SICOMP: 'SIAM Journal on Computing',
  TOCS: 'ACM Transactions on Computer Systems',
  TODS: 'ACM Transactions on Database Systems',
  TOG: 'ACM Transactions on Graphics',
  TOMS: 'ACM Transactions on Mathematical Software',
  TOOIS: 'ACM Transactions on Office Information Systems',
  TOPLAS: 'ACM Transactions on Programming Languages and Systems',
  TCS: 'Theoretical Computer Science',
};

/** A value measured: its length in the file's characters, its @string depth, and the names it uses. */
export interface Measured {
  readonly chars: number;
  readonly depth: number;
  /** Characters its @string references produce (counted against the file's budget). */
  readonly referenced: number;
  /** What the library must be given for each name used, by the upper-case name it looks up; predefined ones are left to it. */
  readonly strings: ReadonlyMap<string, string>;
  /** Names used that nothing defines: the library would use `{{name}}` and say so. */
  readonly unresolved: readonly string[];
}

/** Why a value cannot be read, worded to follow "the entry" or a field name. */
export interface Refusal {
  readonly refused: string;
}

/** A refused @string that is the cause: its name, line, and why. */
interface Root {
  readonly name: string;
  readonly line: number;
  readonly reason: string;
}
type Definition = { readonly text: string; readonly chars: number; readonly depth: number } | { readonly root: Root };

/** The @strings of one file, defined in order, and what their references have produced so far. */
export class StringTable {
  readonly #strings = new Map<string, Definition>();
  #expanded = 0;
  readonly #budget: number;
  readonly #text: string;
  readonly #chars: (start: number, end: number) => number;

  /**
   * `text` is the text the pieces point into, `chars` the length of one of its spans in the
   * file as written. References may produce up to twice the file's length plus a million
   * characters in all: far more than journal-name macros need, never gigabytes.
   */
  constructor(text: string, chars: (start: number, end: number) => number) {
    this.#text = text;
    this.#chars = chars;
    this.#budget = 2 * text.length + 1_000_000;
  }

  /** Measures the value joined from `pieces`, stopping past `limit` characters. */
  measure(pieces: readonly ValuePiece[], limit: number): Measured | Refusal {
    let chars = 0;
    let depth = 0;
    let referenced = 0;
    const strings = new Map<string, string>();
    const unresolved: string[] = [];
    for (const piece of pieces) {
      if (piece.kind === 'text') chars += this.#chars(piece.start, piece.end);
      else if (piece.kind === 'number') chars += piece.text.length;
      else {
        const upper = piece.name.toUpperCase();
        const own = this.#strings.get(upper);
        if (own && 'root' in own) {
          const { name, line, reason } = own.root;
          const uses = `uses @string ${quote(piece.name)}`;
          return { refused: name.toUpperCase() === upper ? `${uses} (line ${line}), which ${reason}` : `${uses}, and @string ${quote(name)} (line ${line}) ${reason}` };
        }
        // As the library: a string defined empty falls back to the predefined one, then to `{{name}}`.
        let length: number;
        if (own && own.text !== '') {
          strings.set(upper, own.text);
          length = own.chars;
          depth = Math.max(depth, own.depth + 1);
        } else if (PREDEFINED[upper] !== undefined) {
          length = PREDEFINED[upper].length;
          depth = Math.max(depth, 1);
        } else {
          if (!strings.has(upper)) unresolved.push(piece.name);
          strings.set(upper, `{{${piece.name}}}`);
          length = piece.name.length + 4;
        }
        chars += length;
        referenced += length;
      }
      if (chars > limit) return { refused: `is more than ${limit} characters long${referenced > 0 ? ' once its @strings are expanded' : ''}` };
    }
    return { chars, depth, referenced, strings, unresolved };
  }

  /** Counts `measured`'s references against the file's budget: a Refusal once it is spent. */
  spend(measured: Measured): Refusal | null {
    this.#expanded += measured.referenced;
    if (this.#expanded <= this.#budget) return null;
    return { refused: `takes what this file's @string references expand to past ${this.#budget} characters (twice the file's length plus 1,000,000)` };
  }

  /**
   * Defines (or redefines) the @string `name` at `line`. `refused` says why it is refused when
   * it is the cause (too long, too deep, over the budget); it is null when the string is fine,
   * or refused only because it uses one refused before (that one was reported, and stays the
   * cause). `unresolved` lists the names it uses that nothing defines.
   */
  define(name: string, pieces: readonly ValuePiece[], line: number): { refused: string | null; unresolved: readonly string[] } {
    const upper = name.toUpperCase();
    for (const piece of pieces) {
      const used = piece.kind === 'name' ? this.#strings.get(piece.name.toUpperCase()) : undefined;
      if (used && 'root' in used) {
        this.#strings.set(upper, used);
        return { refused: null, unresolved: [] };
      }
    }
    const measured = this.measure(pieces, MAX_VALUE_CHARS);
    const refusal = 'refused' in measured ? measured : measured.depth > MAX_STRING_DEPTH ? { refused: `is built from @strings more than ${MAX_STRING_DEPTH} deep` } : this.spend(measured);
    if ('refused' in measured || refusal !== null) {
      const reason = refusal?.refused ?? '';
      this.#strings.set(upper, { root: { name, line, reason } });
      return { refused: reason, unresolved: [] };
    }
    const text = pieces
      .map((piece) => (piece.kind === 'text' ? this.#text.slice(piece.start, piece.end) : piece.kind === 'number' ? piece.text : (measured.strings.get(piece.name.toUpperCase()) ?? PREDEFINED[piece.name.toUpperCase()] ?? '')))
      .join('');
    this.#strings.set(upper, { text, chars: measured.chars, depth: measured.depth });
    return { refused: null, unresolved: measured.unresolved };
  }
}
