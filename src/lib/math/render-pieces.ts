/**
 * Entry text as the pages show it: plain text, and formulas rendered by KaTeX. A formula
 * KaTeX cannot render faithfully stays text, exactly as written. Pure, given KaTeX.
 */
import { findMath } from './find-math.ts';
import { renderMath } from './render-math.ts';

/** A run of text (to escape), or a formula with its HTML and its TeX source as written (delimiters included). */
export type RenderedPiece =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'math'; readonly html: string; readonly source: string; readonly display: boolean };

/** `text` cut into text and rendered formulas, in order; adjacent text is one piece. */
export function renderPieces(text: string): RenderedPiece[] {
  const pieces: RenderedPiece[] = [];
  const addText = (more: string) => {
    const last = pieces.at(-1);
    if (last?.kind === 'text') pieces[pieces.length - 1] = { kind: 'text', text: last.text + more };
    else pieces.push({ kind: 'text', text: more });
  };
  for (const piece of findMath(text)) {
    if (piece.kind === 'text') {
      addText(piece.text);
      continue;
    }
    const html = renderMath(piece.tex, piece.display);
    if (html === null) addText(piece.source);
    else pieces.push({ kind: 'math', html, source: piece.source, display: piece.display });
  }
  return pieces;
}
