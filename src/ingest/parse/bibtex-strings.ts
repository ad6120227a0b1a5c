/**
 * BibTeX `@string`s, measured before anything is expanded. @retorquere/bibtex-parser expands
 * each `@string` into its full text as soon as it is defined, with no limit and no way to set
 * one: a few hundred bytes of strings that each double the one before (`@string{a1=a0#a0}`…)
 * exhaust its time and memory, then end in a RangeError (docs/benchmarks.md). Here a
 * definition's length (in characters of the file as written) and nesting depth come from the
 * lengths of its pieces, in constant time per piece; a string too long or too deep is refused,
 * and so is anything that uses it. The library never sees an @string: each entry is handed to
 * it with the values of the strings it uses.
 */
import { LIMITS } from '../../schema/paper.ts';
import { quote } from '../../messages/errors.ts';
import type { ValuePiece } from './scan-bibtex.ts';

/**
 * The longest value (field or @string, after expansion) read: an abstract's cap and a quarter
 * more for its TeX markup. The library's work on one value grows with the square of its
 * length (it takes each word off the front of the list of all of them).
 */
export const MAX_VALUE_CHARS = (5 * LIMITS.abstractChars) / 4;
/** The deepest chain of @strings defined through one another. */
export const MAX_STRING_DEPTH = 16;
/**
 * The deepest nesting of braces in a value: the library's LaTeX parser takes time quadratic
 * in it, and real fields nest a few levels.
 */
export const MAX_BRACE_DEPTH = 64;

/** How deeply braces nest in `text` from `start` to `end` (a backslash escapes the next character). */
function braceDepth(text: string, start: number, end: number): number {
  let depth = 0;
  let deepest = 0;
  for (let i = start; i < end; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0x5c) i += 1;
    else if (code === 0x7b) deepest = Math.max(deepest, (depth += 1));
    else if (code === 0x7d) depth -= 1;
  }
  return deepest;
}

/** The library's own strings (its `default_strings`), which a file may redefine. */
const PREDEFINED: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'].map((month, index) => [
      month,
      String(index + 1).padStart(2, '0'),
    ]),
  ),
  ...Object.fromEntries(
    ['JANUARY', 'FEBRUARY', 'MARCH', 'APRIL', 'MAY', 'JUNE', 'JULY', 'AUGUST', 'SEPTEMBER', 'OCTOBER', 'NOVEMBER', 'DECEMBER'].map(
      (month, index) => [month, String(index + 1).padStart(2, '0')],
    ),
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
  /** How deeply braces nest in it. */
  readonly nesting: number;
  /** Characters its @string references produce (counted against the file's budget). */
  readonly referenced: number;
  /** What the library must be given for each name used, by the upper-case name it looks up (`''` for one nothing defines). */
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
type Definition =
  { readonly text: string; readonly chars: number; readonly depth: number; readonly nesting: number } | { readonly root: Root };

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
    let nesting = 0;
    let referenced = 0;
    const strings = new Map<string, string>();
    const unresolved = new Set<string>();
    for (const piece of pieces) {
      if (piece.kind === 'text') {
        chars += this.#chars(piece.start, piece.end);
        nesting = Math.max(nesting, braceDepth(this.#text, piece.start, piece.end));
      } else if (piece.kind === 'number') chars += piece.text.length;
      else {
        const upper = piece.name.toUpperCase();
        const own = this.#strings.get(upper);
        if (own && 'root' in own) {
          const { name, line, reason } = own.root;
          const uses = `uses @string ${quote(piece.name)}`;
          return {
            refused:
              name.toUpperCase() === upper
                ? `${uses} (line ${line}), which ${reason}`
                : `${uses}, and @string ${quote(name)} (line ${line}) ${reason}`,
          };
        }
        // As the library: a string defined empty falls back to the predefined one, then to `{{name}}`.
        let length: number;
        if (own && own.text !== '') {
          strings.set(upper, own.text);
          length = own.chars;
          depth = Math.max(depth, own.depth + 1);
          nesting = Math.max(nesting, own.nesting);
        } else if (PREDEFINED[upper] !== undefined) {
          // The library knows it; given all the same, so entries read together can be compared.
          strings.set(upper, PREDEFINED[upper]);
          length = PREDEFINED[upper].length;
          depth = Math.max(depth, 1);
        } else {
          // Given as empty, the library writes `{{name}}` in each reference's own spelling, and
          // does not list the name as unresolved (a search per name: quadratic in their number).
          // As the library, each spelling of the name is reported.
          unresolved.add(piece.name);
          strings.set(upper, '');
          length = piece.name.length + 4;
        }
        chars += length;
        referenced += length;
      }
      if (chars > limit)
        return { refused: `is more than ${limit} characters long${referenced > 0 ? ' once its @strings are expanded' : ''}` };
      if (nesting > MAX_BRACE_DEPTH) return { refused: `nests braces more than ${MAX_BRACE_DEPTH} deep` };
    }
    return { chars, depth, nesting, referenced, strings, unresolved: [...unresolved] };
  }

  /** Counts `measured`'s references against the file's budget: a Refusal once it is spent. */
  spend(measured: Measured): Refusal | null {
    this.#expanded += measured.referenced;
    if (this.#expanded <= this.#budget) return null;
    return {
      refused: `takes what this file's @string references expand to past ${this.#budget} characters (twice the file's length plus 1,000,000)`,
    };
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
    const refusal =
      'refused' in measured
        ? measured
        : measured.depth > MAX_STRING_DEPTH
          ? { refused: `is built from @strings more than ${MAX_STRING_DEPTH} deep` }
          : this.spend(measured);
    if ('refused' in measured || refusal !== null) {
      const reason = refusal?.refused ?? '';
      this.#strings.set(upper, { root: { name, line, reason } });
      return { refused: reason, unresolved: [] };
    }
    const text = pieces
      .map((piece) =>
        piece.kind === 'text'
          ? this.#text.slice(piece.start, piece.end)
          : piece.kind === 'number'
            ? piece.text
            : this.#resolve(piece.name, measured.strings),
      )
      .join('');
    this.#strings.set(upper, { text, chars: measured.chars, depth: measured.depth, nesting: measured.nesting });
    return { refused: null, unresolved: measured.unresolved };
  }

  /** The text a name stands for where it is used, as the library expands it. */
  #resolve(name: string, strings: ReadonlyMap<string, string>): string {
    const upper = name.toUpperCase();
    return strings.get(upper) || PREDEFINED[upper] || `{{${name}}}`;
  }
}
