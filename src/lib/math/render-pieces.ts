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
  // Text between formulas is gathered first, so a command's braces are read across a formula that failed.
  let pending = '';
  const addText = (more: string) => (pending += more);
  const flush = () => {
    for (const run of textRuns(pending)) pieces.push({ kind: 'text', text: run.text, style: run.style });
    pending = '';
  };
  for (const piece of findMath(text)) {
    if (piece.kind === 'text') {
      addText(piece.text);
      continue;
    }
    const html = renderMath(piece.tex, piece.display);
    if (html === null) addText(piece.source);
    else {
      flush();
      pieces.push({ kind: 'math', html, source: piece.source, display: piece.display });
    }
  }
  flush();
  return pieces;
}
