/**
 * A small stand-in for the Unicode bidirectional algorithm, enough for a title on a card:
 * right-to-left runs (Hebrew, Arabic, …) are reversed into the order they are seen in, and in
 * a right-to-left title the runs are laid from the right, while numbers and Latin words keep
 * their own order. Not handled (the card then shows letters in a plainer form, but never
 * fails): Arabic joining forms (letters are drawn unjoined), mirrored brackets, and explicit
 * direction marks.
 */

/** Letters of right-to-left scripts: Hebrew, Arabic, Syriac, Thaana, N'Ko… and their presentation forms. */
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/u;
/** Letters of left-to-right text: any other letter. */
const LTR_LETTER = /\p{L}/u;
/** What keeps its order inside a line: those letters, and digits, which also run left to right in a right-to-left line. */
const LTR = /[\p{L}\p{N}]/u;

type Direction = 'rtl' | 'ltr';

/** The direction of a title: that of its first letter (the rule browsers apply to `dir="auto"`). */
export function baseDirection(text: string): Direction {
  for (const char of text) {
    if (RTL.test(char)) return 'rtl';
    if (LTR_LETTER.test(char)) return 'ltr';
  }
  return 'ltr';
}

/** The code points of `line` in the order they are drawn from left to right. */
export function visualOrder(line: string, direction: Direction): string {
  if (direction === 'ltr' && !RTL.test(line)) return line;
  const chars = [...line];
  const strong = chars.map((char): Direction | null => (RTL.test(char) ? 'rtl' : LTR.test(char) ? 'ltr' : null));
  // A neutral (space, punctuation) between two letters of one direction takes it; otherwise the line's.
  const levels = strong.map((own, index) => {
    if (own) return own;
    const before = strong.slice(0, index).findLast((value) => value !== null) ?? direction;
    const after = strong.slice(index + 1).find((value) => value !== null) ?? direction;
    return before === after ? before : direction;
  });
  const runs: { direction: Direction; chars: string[] }[] = [];
  chars.forEach((char, index) => {
    const last = runs.at(-1);
    if (last && last.direction === levels[index]) last.chars.push(char);
    else runs.push({ direction: levels[index]!, chars: [char] });
  });
  const drawn = runs.map((run) => (run.direction === 'rtl' ? run.chars.reverse() : run.chars).join(''));
  return (direction === 'rtl' ? drawn.reverse() : drawn).join('');
}
