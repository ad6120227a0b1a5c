/**
 * Math spans in BibTeX field text (`$…$`, `$$…$$`, `\(…\)`), as one rule that the ingest's
 * reader (src/pipeline/ingest/parse-bibtex.ts) and the writer (bibtex-text.ts) share, so what
 * is written as math is read back as math. Pure.
 */

/** True when the character at `i` is escaped by an odd run of backslashes (`\$`, but not `\\$`). */
export function escapedAt(text: string, i: number): boolean {
  let count = 0;
  while (text[i - 1 - count] === '\\') count += 1;
  return count % 2 === 1;
}

/** Where the math span opening at `start` ends (exclusive), or -1 when it is not math. */
export function mathEnd(text: string, start: number): number {
  const [open, close] = text.startsWith('$$', start) ? ['$$', '$$'] : text.startsWith('\\(', start) ? ['\\(', '\\)'] : ['$', '$'];
  let depth = 0;
  for (let i = start + open.length; i < text.length; i += 1) {
    if (text.startsWith(close, i) && (close !== '$' || text[i + 1] !== '$') && (close === '\\)' || !escapedAt(text, i))) {
      return depth === 0 ? i + close.length : -1;
    }
    const char = text[i];
    if (char === '\\') i += 1;
    else if (char === '{') depth += 1;
    else if (char === '}') depth -= 1;
    // Braces out of balance or a blank line: the `$` was a stray one, not an opening.
    if (depth < 0 || (char === '\n' && /^\n[ \t]*\n/.test(text.slice(i, i + 80)))) return -1;
  }
  return -1;
}
