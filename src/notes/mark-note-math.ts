/**
 * Takes a note's formulas out of MDX's hands before it reads the note: each formula's every
 * ASCII punctuation character is backslash-escaped, so MDX reads `$\frac{a}{b}$` as the text
 * it is — not `{a}` as code, `*` as emphasis or `<` as a tag — and the formula is fenced by two
 * Unicode noncharacters, which no text holds, so the notes' math plugin
 * (note-math-plugin.ts) finds exactly the formulas found here and renders them with KaTeX.
 *
 * Line breaks stay, so MDX's line numbers stay the note's own. What Markdown would read as more
 * than text inside a formula is left as it is only where it is the page's structure: the `>`
 * markers a quoted formula's later lines start with. Spaces before a line break inside a
 * formula go (two of them would be a hard break, cutting the formula in two). Pure.
 */
import { findNoteMath } from './find-note-math.ts';

/** Opens a formula in marked notes (U+FDD0, a noncharacter: free for a program's own use). */
export const FORMULA_START = '\uFDD0';
/** Closes a formula in marked notes (U+FDD1). */
export const FORMULA_END = '\uFDD1';

/** ASCII punctuation: what CommonMark lets a backslash escape. */
const PUNCTUATION = /[!-/:-@[-`{-~]/g;

/** A formula's source, escaped for MDX, line by line. */
function escapeFormula(source: string, quoted: boolean): string {
  // Lines at even indexes, their line endings between them.
  const parts = source.split(/(\r?\n)/);
  return parts
    .map((part, index) => {
      if (index % 2 === 1) return part;
      const kept = index > 0 && quoted ? /^[ \t>]*/.exec(part)![0] : '';
      const text = index === parts.length - 1 ? part.slice(kept.length) : part.slice(kept.length).replace(/[ \t]+$/, '');
      return kept + text.replace(PUNCTUATION, '\\$&');
    })
    .join('');
}

/** `notes` with every formula escaped and fenced (see the module comment). */
export function markNoteMath(notes: string): string {
  let out = '';
  let at = 0;
  for (const formula of findNoteMath(notes)) {
    out +=
      notes.slice(at, formula.start) + FORMULA_START + escapeFormula(notes.slice(formula.start, formula.end), formula.quoted) + FORMULA_END;
    at = formula.end;
  }
  return out + notes.slice(at);
}
