/**
 * Entry text as the pages show it: runs of plain text (bold, italic or code where text-mode TeX
 * says so, see text-markup.ts), and formulas rendered by KaTeX. A formula KaTeX cannot render
 * faithfully stays text, exactly as written. Pure, given KaTeX.
 */
import { findMath } from './find-math.ts';
import { renderMath } from './render-math.ts';
import { textRuns, type TextStyle } from './text-markup.ts';

/** A run of text (to escape) in a style, or a formula with its HTML and its TeX source as written (delimiters included). */
export type RenderedPiece =
  | { readonly kind: 'text'; readonly text: string; readonly style: TextStyle }
  | { readonly kind: 'math'; readonly html: string; readonly source: string; readonly display: boolean };

/** `text` cut into runs of text and rendered formulas, in order. */
export function renderPieces(text: string): RenderedPiece[] {
  const pieces: RenderedPiece[] = [];
  // Adjacent text in one style is one piece.
  const push = (more: string, style: TextStyle) => {
    const last = pieces.at(-1);
    if (last?.kind === 'text' && last.style === style) pieces[pieces.length - 1] = { kind: 'text', text: last.text + more, style };
    else pieces.push({ kind: 'text', text: more, style });
  };
  const addText = (text: string) => textRuns(text).forEach((run) => push(run.text, run.style));
  for (const piece of findMath(text)) {
    if (piece.kind === 'text') {
      addText(piece.text);
      continue;
    }
    const html = renderMath(piece.tex, piece.display);
    // A formula KaTeX refused stays exactly as written: its commands are not read as text-mode TeX.
    if (html === null) push(piece.source, null);
    else pieces.push({ kind: 'math', html, source: piece.source, display: piece.display });
  }
  return pieces;
}
