/**
 * Excerpts are built here from the indexed text and the positions of the matching words,
 * not taken from Pagefind's ready-made excerpt: that one escapes `<` and `>` but not `&`, so
 * text that itself reads `&lt;b&gt;` could not be told apart from an escaped `<b>`. Built
 * from the plain text, every piece is inserted as a text node and shows exactly as written.
 */

/** A run of excerpt text, and whether it matched the query. */
export interface ExcerptPiece {
  readonly text: string;
  readonly mark: boolean;
}

/**
 * The `length` words of `content` around the matches (`locations` are word indices, as
 * Pagefind counts them: runs of white space separate words), with matched words marked.
 * The window chosen is the one holding the most matches, earliest first.
 */
export function buildExcerpt(content: string, locations: readonly number[], length = 30): ExcerptPiece[] {
  const words = content.split(/\s+/).filter((word) => word !== '');
  if (words.length === 0) return [];
  const marked = new Set(locations);
  const sorted = [...marked].filter((index) => index >= 0 && index < words.length).sort((a, b) => a - b);
  // Slide a window over the matches and keep the start that covers the most of them.
  let start = 0;
  let best = 0;
  for (let first = 0, last = 0; first < sorted.length; first += 1) {
    while (last < sorted.length && sorted[last]! < sorted[first]! + length) last += 1;
    if (last - first > best) {
      best = last - first;
      start = sorted[first]!;
    }
  }
  // Show a little context before the first match, without running past the end.
  start = Math.max(0, Math.min(start - Math.floor(length / 5), words.length - length));
  const end = Math.min(words.length, start + length);
  const pieces: ExcerptPiece[] = [];
  const push = (text: string, mark: boolean) => {
    const previous = pieces.at(-1);
    if (previous && previous.mark === mark) pieces[pieces.length - 1] = { text: previous.text + text, mark };
    else pieces.push({ text, mark });
  };
  if (start > 0) push('… ', false);
  for (let index = start; index < end; index += 1) {
    if (index > start) push(' ', marked.has(index - 1) && marked.has(index));
    push(words[index]!, marked.has(index));
  }
  if (end < words.length) push(' …', false);
  return pieces;
}
