/**
 * Where each step of @retorquere/bibtex-parser's first pass would stop, computed for every
 * start at once in a few linear passes, so that scan-bibtex.ts reads a file the way the
 * library does without scanning any stretch of it twice: the end of white space and `%`
 * comments, the end of a key, and the end of a `{…}` or `"…"` value.
 *
 * A value is read by tokens — a backslash with the character after it, or one character —
 * and a value always starts a token (the character before it is its `{` or `"`), so every
 * value walks the tokens of one pass from the start of the text. That pass records the brace
 * depth before each token; a `{…}` value then ends at the first `}` at its starting depth,
 * and a `"…"` value at the first `"` at or below it.
 */

/** Characters of a key besides letters (the library's `/[+'a-zA-Z0-9&;_:\\./-]/`). */
const KEY_PUNCTUATION = new Set("+'&;_:\\./-".split(''));
/** The library's letters: a UTF-16 unit in one of these categories (so no astral letters). */
const LETTER = /[\p{Lu}\p{Lt}\p{Ll}\p{Lm}\p{Lo}]/u;
/** What the library's entry keys may hold besides key characters. */
const ENTRY_KEY_EXTRA = new Set(['[', ']', '*', '"']);

function isKeyChar(char: string): boolean {
  const code = char.charCodeAt(0);
  if (code < 0x80)
    return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || KEY_PUNCTUATION.has(char);
  return LETTER.test(char);
}

/** Where steps of the library's reader stop, for any start; `-1` where a value never ends. */
export interface BibtexTables {
  /** The index after white space and `%` comments from `at` (`skipWhitespace`). */
  readonly afterSpace: (at: number) => number;
  /** The index after the key characters from `at`; `entryKey` also takes `[ ] * "`. */
  readonly keyEnd: (at: number, entryKey: boolean) => number;
  /** The `}` ending a `{…}` value whose text starts at `at`, or -1; and whether a `$` inside is left open. */
  readonly braceEnd: (at: number) => { readonly end: number; readonly openMath: boolean };
  /** The `"` ending a `"…"` value whose text starts at `at`, or -1. */
  readonly quoteEnd: (at: number) => number;
  /** `line L, column C` of index `at`, as the library words a position. */
  readonly location: (at: number) => string;
}

/** Builds the tables for `text`. */
export function bibtexTables(text: string): BibtexTables {
  const n = text.length;
  // 1. Forward: brace depth and `$` count before each token; where each line starts.
  const depth = new Int32Array(n + 1);
  const dollars = new Uint8Array(n + 1);
  const isToken = new Uint8Array(n + 1);
  const lineStarts = [0];
  let level = 0;
  let parity = 0;
  for (let i = 0; i < n; i += 1) if (text.charCodeAt(i) === 0x0a) lineStarts.push(i + 1);
  for (let i = 0; i < n;) {
    isToken[i] = 1;
    depth[i] = level;
    dollars[i] = parity;
    const char = text[i];
    if (char === '\\') i += 2;
    else {
      if (char === '{') level += 1;
      else if (char === '}') level -= 1;
      else if (char === '$') parity ^= 1;
      i += 1;
    }
  }
  depth[n] = level;
  dollars[n] = parity;

  // 2. Backward: ends of white space, of keys, and of `{…}` values.
  const space = new Int32Array(n + 1);
  const key = new Int32Array(n + 1);
  const entryKey = new Int32Array(n + 1);
  const brace = new Int32Array(n + 1).fill(-1);
  space[n] = key[n] = entryKey[n] = n;
  let nextLineEnd = n;
  const closeAtDepth = new Map<number, number>();
  for (let i = n - 1; i >= 0; i -= 1) {
    const char = text[i]!;
    if (char === '\n') nextLineEnd = i;
    // A comment runs to its line end, which is white space itself.
    space[i] = char === ' ' || char === '\t' || char === '\r' || char === '\n' ? space[i + 1]! : char === '%' ? space[nextLineEnd]! : i;
    const keyChar = isKeyChar(char);
    key[i] = keyChar ? key[i + 1]! : i;
    entryKey[i] = keyChar || ENTRY_KEY_EXTRA.has(char) ? entryKey[i + 1]! : i;
    if (!isToken[i]) continue;
    if (char === '}') closeAtDepth.set(depth[i]!, i);
    brace[i] = closeAtDepth.get(depth[i]!) ?? -1;
  }

  // 3. `"…"` values: the first `"` token at or after `at` whose depth is at most `at`'s, found
  // in a tree of the quotes' minimum depths (a `}` inside quotes does not end the value).
  const quotes: number[] = [];
  for (let i = 0; i < n; i += 1) if (isToken[i] && text[i] === '"') quotes.push(i);
  let size = 1;
  while (size < quotes.length) size *= 2;
  const tree = new Int32Array(2 * size).fill(2 ** 31 - 1);
  quotes.forEach((at, k) => (tree[size + k] = depth[at]!));
  for (let k = size - 1; k >= 1; k -= 1) tree[k] = Math.min(tree[2 * k]!, tree[2 * k + 1]!);
  const quoteEnd = (at: number): number => {
    // The first quote at or after `at`, by bisection, then the first leaf from there with depth ≤ d.
    let low = 0;
    let high = quotes.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (quotes[mid]! < at) low = mid + 1;
      else high = mid;
    }
    return firstAtMost(tree, size, low, depth[at]!, quotes);
  };

  return {
    afterSpace: (at) => (at >= n ? at : space[at]!),
    keyEnd: (at, entry) => (at >= n ? n : (entry ? entryKey : key)[at]!),
    braceEnd: (at) => {
      const end = at > n ? -1 : brace[at]!;
      return { end, openMath: end !== -1 && (dollars[end]! ^ dollars[at]!) === 1 };
    },
    quoteEnd: (at) => (at > n ? -1 : quoteEnd(at)),
    location: (at) => {
      const offset = Math.min(at, n);
      let low = 0;
      let high = lineStarts.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (lineStarts[mid]! <= offset) low = mid;
        else high = mid - 1;
      }
      return `line ${low + 1}, column ${offset - lineStarts[low]! + 1}`;
    },
  };
}

/** The position of the first leaf at index ≥ `from` whose value is ≤ `limit`, or -1. */
function firstAtMost(tree: Int32Array, size: number, from: number, limit: number, positions: readonly number[]): number {
  if (from >= positions.length) return -1;
  // Walk up from the leaf, looking right for a subtree holding a small enough value.
  let node = size + from;
  if (tree[node]! <= limit) return positions[from]!;
  for (;;) {
    while (node % 2 === 1) {
      node >>= 1;
      if (node <= 1) return -1;
    }
    node += 1;
    if (tree[node]! <= limit) break;
  }
  // Then down to its leftmost leaf within the limit.
  while (node < size) node = tree[2 * node]! <= limit ? 2 * node : 2 * node + 1;
  return positions[node - size] ?? -1;
}
