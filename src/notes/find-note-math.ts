/**
 * Finds the TeX formulas in a paper's notes, by the rules entry text follows
 * (src/site/math/find-math.ts: `$…$`, `$$…$$`, `\(…\)`, `\[…\]`; money such as `$5` stays
 * text). Notes are MDX, so the search skips what is not prose: fenced code blocks, code spans,
 * and `import`/`export` blocks. It runs one paragraph at a time, as Markdown would cut the
 * notes, so a formula never spans a blank line or the start of a heading, list item, quote or
 * tag; a `$$` block may hold lines that would start one (`- x`), as TeX does.
 *
 * Pure, and run on the raw notes, before MDX reads them: that is what keeps `{` and `}` in a
 * formula from being read as code (see mark-note-math.ts).
 */
import { findMath, type MathPiece } from '../site/math/find-math.ts';

/** A formula of the notes: where its source (delimiters included) starts and ends in the text. */
export interface NoteFormula {
  readonly start: number;
  readonly end: number;
  readonly piece: MathPiece;
  /** True when the formula sits in a block quote: its later lines start with the quote's `>`, which is not TeX. */
  readonly quoted: boolean;
}

/** A line of the notes: where it starts and ends (its line ending excluded). */
interface Line {
  readonly start: number;
  readonly end: number;
}

/** The block-quote markers a line starts with. */
const QUOTE_PREFIX = /^(?:[ \t]{0,3}>[ \t]?)*/;
/** The start of a line that begins a block of its own: heading, list item, quote, fence, rule, tag, ESM. */
const BLOCK_START = /^[ \t]*(?:#{1,6}(?:[ \t]|$)|[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|>|<|`{3,}|~{3,}|(?:[-*_][ \t]*){3,}$|=+[ \t]*$)/;
/** A heading: a paragraph of one line. */
const HEADING = /^[ \t]*#{1,6}(?:[ \t]|$)/;
/** A code fence, after any quote or list markers that hold it. */
const FENCE = /^[ \t]*(?:(?:>|[-*+]|\d{1,9}[.)])[ \t]*)*(`{3,}|~{3,})/;
/** An `import` or `export` line at the top level: MDX reads it, and the block it starts, as JavaScript. */
const ESM = /^(?:import|export)[ \t{*]/;

/** The lines of `text`, without their line endings (`\n` or `\r\n`). */
function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const match of text.matchAll(/\r?\n/g)) {
    lines.push({ start, end: match.index });
    start = match.index + match[0].length;
  }
  if (start <= text.length) lines.push({ start, end: text.length });
  return lines;
}

/** How many `$$` pairs of `content` are not escaped. */
function doubleDollars(content: string): number {
  let count = 0;
  for (let i = 0; i < content.length; i++) {
    if (content[i] === '\\') i++;
    else if (content[i] === '$' && content[i + 1] === '$') {
      count++;
      i++;
    }
  }
  return count;
}

/** A run of lines Markdown reads as one paragraph (or one `$$` block): where findMath may look. */
interface Chunk {
  readonly start: number;
  end: number;
  readonly depth: number;
}

/** The paragraphs of `text`, outside code fences and ESM blocks. */
function paragraphs(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  // The paragraph being read, null between paragraphs.
  let chunk: Chunk | null = null;
  let fence: { char: string; length: number } | null = null;
  let esm = false;
  // Inside a `$$` block opened on an earlier line of the paragraph: its lines are TeX, whatever they start with.
  let display = false;
  for (const { start, end } of linesOf(text)) {
    const line = text.slice(start, end);
    const prefix = QUOTE_PREFIX.exec(line)![0];
    const content = line.slice(prefix.length);
    const depth = prefix.split('>').length - 1;
    if (fence) {
      const closing = /^[ \t]*(`+|~+)[ \t]*$/.exec(content);
      if (closing && closing[1]![0] === fence.char && closing[1]!.length >= fence.length) fence = null;
      continue;
    }
    const opening = FENCE.exec(line)?.[1];
    if (content.trim() === '' || (opening && !(display && chunk))) {
      if (opening) fence = { char: opening[0]!, length: opening.length };
      else esm = false;
      chunk = null;
      display = false;
      continue;
    }
    if (esm || (chunk === null && depth === 0 && ESM.test(line))) {
      esm = true;
      continue;
    }
    if (chunk !== null && (display || (chunk.depth === depth && !BLOCK_START.test(content)))) chunk.end = end;
    else if (HEADING.test(content)) {
      // A heading is a paragraph of one line.
      chunks.push({ start, end, depth });
      chunk = null;
      continue;
    } else {
      chunk = { start, end, depth };
      chunks.push(chunk);
      display = false;
    }
    if (doubleDollars(content) % 2 === 1) display = !display;
  }
  return chunks;
}

/** The parts of `text` between `from` and `to` outside code spans, as [start, end) pairs. */
function outsideCodeSpans(text: string, from: number, to: number): [number, number][] {
  const parts: [number, number][] = [];
  let plain = from;
  for (let i = from; i < to;) {
    if (text[i] === '\\') {
      i += 2;
      continue;
    }
    if (text[i] !== '`') {
      i++;
      continue;
    }
    let run = i;
    while (run < to && text[run] === '`') run++;
    const length = run - i;
    // The span closes at the next run of exactly as many backticks; without one, the backticks are text.
    let close = -1;
    for (let j = run; j < to;) {
      if (text[j] !== '`') {
        j++;
        continue;
      }
      let k = j;
      while (k < to && text[k] === '`') k++;
      if (k - j === length) {
        close = k;
        break;
      }
      j = k;
    }
    if (close < 0) {
      i = run;
      continue;
    }
    parts.push([plain, i]);
    plain = close;
    i = close;
  }
  parts.push([plain, to]);
  return parts;
}

/** The formulas of `notes`, in order. */
export function findNoteMath(notes: string): NoteFormula[] {
  const formulas: NoteFormula[] = [];
  for (const chunk of paragraphs(notes)) {
    for (const [from, to] of outsideCodeSpans(notes, chunk.start, chunk.end)) {
      let at = from;
      for (const piece of findMath(notes.slice(from, to))) {
        const length = piece.kind === 'math' ? piece.source.length : piece.text.length;
        if (piece.kind === 'math') formulas.push({ start: at, end: at + length, piece, quoted: chunk.depth > 0 });
        at += length;
      }
    }
  }
  return formulas;
}

/** True when the notes hold a formula: their page then loads KaTeX's stylesheet. */
export const hasNoteMath = (notes: string): boolean => findNoteMath(notes).length > 0;
