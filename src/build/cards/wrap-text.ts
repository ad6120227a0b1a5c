/**
 * Line breaking for the cards, as pure functions of a `measure` callback (the width of a
 * string in the font it will be drawn in), so the rules are tested without a font.
 */

/** The width of `text` as it will be drawn. */
export type Measure = (text: string) => number;

export const ELLIPSIS = '…';

/** Trailing spaces and separators that should not stand before an ellipsis. */
const BEFORE_ELLIPSIS = /[\s,;:.·–—-]+$/u;

/** The longest prefix of `text` (whole code points) that `measure` says fits in `width`; at least one code point. */
function fittingPrefix(text: string, width: number, measure: Measure): string {
  const chars = [...text];
  let low = 1;
  let high = chars.length;
  // Widths grow with length, so a binary search finds the cut.
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (measure(chars.slice(0, middle).join('')) <= width) low = middle;
    else high = middle - 1;
  }
  return chars.slice(0, low).join('');
}

/** `text` with `…` appended, shortened until both fit in `width`. */
export function withEllipsis(text: string, width: number, measure: Measure): string {
  const chars = [...text.replace(BEFORE_ELLIPSIS, '')];
  while (chars.length > 0 && measure(`${chars.join('')}${ELLIPSIS}`) > width) {
    chars.pop();
    while (chars.length > 0 && BEFORE_ELLIPSIS.test(chars.at(-1)!)) chars.pop();
  }
  return `${chars.join('')}${ELLIPSIS}`;
}

/**
 * `text` broken into at most `maxLines` lines no wider than `width`: at spaces, and inside a
 * word only when the word alone is too wide (so text without spaces, such as Chinese, still
 * wraps). Text left over ends the last line with `…`. `fits` says whether it all fitted.
 */
export function wrapText(text: string, width: number, maxLines: number, measure: Measure): { lines: string[]; fits: boolean } {
  const words = text.split(/\s+/u).filter((word) => word !== '');
  const lines: string[] = [];
  let current = '';
  for (let index = 0; index < words.length; index += 1) {
    let word = words[index]!;
    const joined = current === '' ? word : `${current} ${word}`;
    if (measure(joined) <= width) {
      current = joined;
      continue;
    }
    if (current !== '') lines.push(current);
    current = '';
    while (measure(word) > width && lines.length <= maxLines) {
      const head = fittingPrefix(word, width, measure);
      lines.push(head);
      word = word.slice(head.length);
    }
    current = word;
    // Past the last line nothing more can show: stop measuring.
    if (lines.length > maxLines) break;
  }
  if (current !== '') lines.push(current);
  if (lines.length <= maxLines) return { lines, fits: true };
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = withEllipsis(kept[maxLines - 1]!, width, measure);
  return { lines: kept, fits: false };
}

/**
 * Names joined by `, ` on one line of `width`: as many as fit, the rest summed up as
 * `and 12 more`; a first name too long on its own is cut with `…`.
 */
export function namesLine(names: readonly string[], width: number, measure: Measure): string {
  // How many names fit without a summary: few, so counting up is cheap even for hundreds of authors.
  let fitted = 0;
  while (fitted < names.length && measure(names.slice(0, fitted + 1).join(', ')) <= width) fitted += 1;
  if (fitted === names.length) return names.join(', ');
  // A summary only adds width, so no more than `fitted` names can come before it.
  for (let shown = fitted; shown >= 1; shown -= 1) {
    const line = `${names.slice(0, shown).join(', ')} and ${names.length - shown} more`;
    if (measure(line) <= width) return line;
  }
  return withEllipsis(names[0]!, width, measure);
}
