/**
 * Math spans in BibTeX field text (`$…$`, `$$…$$`, `\(…\)`), as one rule that the ingest's
 * reader (src/ingest/parse/parse-bibtex.ts) and the writer (bibtex-text.ts) share, so what
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

/**
 * `mathEnd` for every start at once, in time linear in the text: `mathEnd` itself scans to the
 * end of the text for each opening it is asked about, quadratic on `\(\(\(…` or `${${${…`.
 * Returns a lookup giving, for any index, what `mathEnd(text, start)` gives.
 *
 * The scan of `mathEnd` moves over tokens — a backslash and the character after it, or one
 * character — and every opening starts a token, so every scan walks the same tokens as one
 * pass from the start of the text. A scan from `from` (just after the opening) stops at the
 * first of: its closing delimiter (the span is math when the brace depth there equals the
 * depth at `from`), a `}` at the depth of `from` (depth would go below zero), or a blank line.
 * The pass records each token's depth; a backward pass then knows, at each token, the next
 * closing delimiter of each kind, the next blank line, and the next `}` at each depth.
 */
export function mathEnds(text: string): (start: number) => number {
  const n = text.length;
  // 1. Forward: which indices start a token, and the brace depth before each.
  const isToken = new Uint8Array(n + 1);
  const depth = new Int32Array(n + 1);
  let level = 0;
  for (let i = 0; i < n;) {
    isToken[i] = 1;
    depth[i] = level;
    const char = text[i];
    if (char === '\\') {
      if (i + 1 < n) depth[i + 1] = level;
      i += 2;
      continue;
    }
    if (char === '{') level += 1;
    else if (char === '}') level -= 1;
    i += 1;
  }
  isToken[n] = 1;
  depth[n] = level;

  // 2. Backward: the answer for each opening, computed at the token just after it.
  const answers = new Map<number, number>();
  const NONE = n + 1;
  let single = NONE;
  let double = NONE;
  let paren = NONE;
  let blank = NONE;
  let notBlankSpace = n;
  const closeAtDepth = new Map<number, number>();
  const answer = (from: number, close: number, closeLength: number) => {
    const stop = Math.min(blank, closeAtDepth.get(depth[from]!) ?? NONE);
    return close < stop && close < n && depth[close] === depth[from] ? close + closeLength : -1;
  };
  for (let i = n; i >= 0; i -= 1) {
    // The first index after i that is not a space or tab.
    const afterSpaces = notBlankSpace;
    if (i < n && text[i] !== ' ' && text[i] !== '\t') notBlankSpace = i;
    if (!isToken[i]) continue;
    if (i < n) {
      const char = text[i];
      if (char === '$') {
        if (text[i + 1] === '$') double = i;
        else single = i;
      } else if (char === '\\' && text[i + 1] === ')') paren = i;
      else if (char === '}') closeAtDepth.set(depth[i]!, i);
      // The blank line `mathEnd` sees: the `\n`, spaces or tabs, another `\n`, within 80 characters.
      else if (char === '\n' && text[afterSpaces] === '\n' && afterSpaces - i < 80) blank = i;
    }
    // Openings whose scan starts here: `$` at i - 1, or `$$` / `\(` at i - 2.
    if (i >= 1 && text[i - 1] === '$' && text[i] !== '$' && isToken[i - 1]) answers.set(i - 1, answer(i, single, 1));
    if (i >= 2 && isToken[i - 2] && text.startsWith('$$', i - 2)) answers.set(i - 2, answer(i, double, 2));
    if (i >= 2 && isToken[i - 2] && text.startsWith('\\(', i - 2)) answers.set(i - 2, answer(i, paren, 2));
  }
  // An index inside a token (an escaped `$`) opens nothing a reader asks about; mathEnd answers it.
  return (start) => answers.get(start) ?? mathEnd(text, start);
}
