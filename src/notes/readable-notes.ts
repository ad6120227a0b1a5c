/**
 * A paper's notes with their formulas made readable as plain text (`$\alpha \leq 1$` → α ≤ 1),
 * as src/site/math/readable-text.ts makes an abstract's, for the search index and its excerpts.
 * Everything else stays as written. Pure.
 */
import { readableTex } from '../site/math/readable-text.ts';
import { findNoteMath } from './find-note-math.ts';

/** `notes` with each formula read as plain text. */
export function readableNotes(notes: string): string {
  let out = '';
  let at = 0;
  for (const { start, end, piece } of findNoteMath(notes)) {
    out += notes.slice(at, start) + readableTex(piece.tex);
    at = end;
  }
  return out + notes.slice(at);
}
