/**
 * Finds TeX math in entry text: `$…$` and `\(…\)` inline, `$$…$$` and `\[…\]` displayed.
 * arXiv titles and abstracts mix math with prose that uses `$` as money, so a `$` is only a
 * delimiter where it reads as one (the rules Pandoc uses, adapted to what the listings hold):
 *
 * - an opening `$` is followed by a character that is not white space, a closing `$` is
 *   preceded by one: in "costs $5 and $10" neither `$` closes, so both stay text. Authors
 *   also pad formulas (`$ O(n^2) $`, `$4.7 \times $`): a padded formula counts when it holds
 *   TeX syntax (a command, `^`, `_`, a brace or `=`), which money and prose do not;
 * - the first `$` after an opening one decides: when it cannot close, the opening `$` was text
 *   and that `$` may open instead ("costs $5, uses $x$" → math `x`);
 * - `$5$10` is money, not math: a formula starting with a digit does not close before a digit
 *   (but `$\times$3` is math, as arXiv writes speed-ups);
 * - `\$` is an escaped dollar, never a delimiter, inside math or out;
 * - a delimiter without its partner, an empty formula, one across a blank line or one longer
 *   than `MAX_TEX` stays text, exactly as written.
 *
 * Pure; the text is never changed, only cut into pieces that join back to it.
 */

/** A run of plain text, exactly as written. */
export type TextPiece = { readonly kind: 'text'; readonly text: string };

/** A formula: its TeX without delimiters, whether it is displayed, and its source with them. */
export type MathPiece = { readonly kind: 'math'; readonly tex: string; readonly display: boolean; readonly source: string };

/** A piece of entry text. Joining every piece's `text` or `source` gives the text back. */
export type Piece = TextPiece | MathPiece;

/** The longest formula rendered, in characters: longer ones stay text (a page must stay small). */
export const MAX_TEX = 2_000;

/** What sets a padded formula apart from prose between two dollar signs. */
const TEX_SYNTAX = /\\[a-zA-Z!,;]|[\^_{}=]/;

const isSpace = (char: string | undefined) => char !== undefined && /\s/u.test(char);
const isDigit = (char: string | undefined) => char !== undefined && char >= '0' && char <= '9';

/** The index of the next unescaped `$` at or after `from`, or -1. Backslash pairs (`\$`, `\\`) are skipped. */
function nextDollar(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '$') return i;
  }
  return -1;
}

/** The index of `close` (`\)` or `\]`) after `from`, or -1; backslash pairs are skipped. */
function nextClosing(text: string, from: number, close: ')' | ']'): number {
  for (let i = from; i < text.length - 1; i++) {
    if (text[i] === '\\') {
      if (text[i + 1] === close) return i;
      i++;
    }
  }
  return -1;
}

/** True when `tex` is worth rendering: not blank, not across a paragraph break, not too long. */
const usable = (tex: string) => tex.trim() !== '' && !/\n\s*\n/.test(tex) && tex.length <= MAX_TEX;

/** A formula starting at `start`, or null when the delimiter there opens none. */
function formulaAt(text: string, start: number): MathPiece | null {
  const piece = (end: number, open: number, close: number, display: boolean): MathPiece | null => {
    const tex = text.slice(start + open, end);
    return usable(tex) ? { kind: 'math', tex, display, source: text.slice(start, end + close) } : null;
  };
  if (text[start] === '\\') {
    const open = text[start + 1];
    if (open !== '(' && open !== '[') return null;
    const end = nextClosing(text, start + 2, open === '(' ? ')' : ']');
    return end < 0 ? null : piece(end, 2, 2, open === '[');
  }
  if (text[start + 1] === '$') {
    const end = nextDollar(text, start + 2);
    return end >= 0 && text[end + 1] === '$' ? piece(end, 2, 2, true) : null;
  }
  const end = nextDollar(text, start + 1);
  if (end < 0) return null;
  const padded = isSpace(text[start + 1]) || isSpace(text[end - 1]);
  if (padded && !TEX_SYNTAX.test(text.slice(start + 1, end))) return null;
  if (isDigit(text[start + 1]) && isDigit(text[end + 1])) return null;
  return piece(end, 1, 1, false);
}

/** `text` cut into text and math pieces, in order. Adjacent text is one piece. */
export function findMath(text: string): Piece[] {
  const pieces: Piece[] = [];
  let plain = '';
  // Only `$` and `\` can start a formula: the text between them is copied in one go.
  const candidate = /[$\\]/g;
  for (let i = 0; i < text.length;) {
    candidate.lastIndex = i;
    const next = candidate.exec(text)?.index ?? text.length;
    plain += text.slice(i, next);
    if (next >= text.length) break;
    const formula = formulaAt(text, next);
    if (formula) {
      if (plain) pieces.push({ kind: 'text', text: plain });
      plain = '';
      pieces.push(formula);
      i = next + formula.source.length;
    } else {
      // `\$` and other escapes are text, and the escaped character cannot open anything.
      const length = text[next] === '\\' ? 2 : 1;
      plain += text.slice(next, next + length);
      i = next + length;
    }
  }
  if (plain) pieces.push({ kind: 'text', text: plain });
  return pieces;
}

/** True when `text` holds at least one formula. */
export const hasMath = (text: string): boolean => findMath(text).some((piece) => piece.kind === 'math');
