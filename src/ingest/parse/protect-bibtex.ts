/**
 * What @retorquere/bibtex-parser would mangle, hidden behind placeholders before it reads a
 * BibTeX file, and put back after: math spans and math delimiters that open none (to stay
 * exactly as written), and `<` / `>` (which it renders as `¡` / `¿`, and which would be
 * indistinguishable from its HTML markup). Linear in the text: math spans are found by
 * `mathEnds`, not by a scan per `$`.
 */
import { escapedAt, mathEnds } from '../../site/formats/bibtex-math.ts';

// A placeholder is `OPEN <index> CLOSE`, both from Supplementary Private Use Area-A: the
// library silently drops BMP private-use characters (U+E000…) but passes these, and the
// digits between them, through every field mode untouched.
const OPEN = '\u{F0000}';
const CLOSE = '\u{F0001}';
const PLACEHOLDER = new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'gu');

/** One hidden span. */
export interface Replacement {
  /** Where the placeholder starts in the protected text, and how long it is. */
  readonly at: number;
  readonly length: number;
  /** The source text it hides. */
  readonly original: string;
  /** What it stands for in a field value: math as written, `\textless{}` as `<`. */
  readonly text: string;
}

/** Protected text, and what each of its placeholders hides (in order). */
export interface Protected {
  readonly text: string;
  readonly replacements: readonly Replacement[];
}

/** `\(`, `\)`, `\[`, `\]`. */
const MATH_DELIMITER = /^\\[()[\]]$/;

/** `\textless{}` / `\textgreater{}` (and the space TeX swallows after them), which the library turns into bare `<` / `>`. */
const TEXT_ANGLE = /^\\text(less|greater)(?![A-Za-z])(?:\{\}| )?/;

/** Hides math spans and `<` / `>` behind placeholders. */
export function protectBibtex(text: string): Protected {
  const replacements: Replacement[] = [];
  const mathEnd = mathEnds(text);
  let out = '';
  for (let i = 0; i < text.length;) {
    const char = text[i]!;
    let original: string | null = null;
    let meaning = '';
    const angle = char === '\\' ? TEXT_ANGLE.exec(text.slice(i, i + 20)) : null;
    if (char === '<' || char === '>' || angle) {
      original = angle ? angle[0] : char;
      meaning = char === '<' || angle?.[1] === 'less' ? '<' : '>';
    } else if ((char === '$' || text.startsWith('\\(', i)) && !escapedAt(text, i)) {
      const end = mathEnd(i);
      if (end !== -1) meaning = original = text.slice(i, end);
    }
    // A math delimiter that opens or closes no span stays as written: the library drops it, and
    // its LaTeX parser tries each one as the start of a formula (time quadratic in their number).
    if (original === null && char === '\\' && MATH_DELIMITER.test(text.slice(i, i + 2)) && !escapedAt(text, i))
      meaning = original = text.slice(i, i + 2);
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
export function restore(text: string, replacements: readonly Replacement[], asText = false): string {
  return text.replace(PLACEHOLDER, (whole, n: string) => {
    const replacement = replacements[Number(n)];
    return replacement === undefined ? whole : asText ? replacement.text : replacement.original;
  });
}

/**
 * Offset in the original text of an offset in the protected text, by bisection: every
 * placeholder wholly before the offset shifts it by the difference in length.
 */
export function originalOffsets(replacements: readonly Replacement[]): (offset: number) => number {
  const shiftBefore = [0];
  for (const { length, original } of replacements) shiftBefore.push(shiftBefore.at(-1)! + original.length - length);
  return (offset) => {
    let low = 0;
    let high = replacements.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      const { at, length } = replacements[mid]!;
      if (at + length <= offset) low = mid + 1;
      else high = mid;
    }
    return offset + shiftBefore[low]!;
  };
}
