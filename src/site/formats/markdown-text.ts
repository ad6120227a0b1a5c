/**
 * Entry text — a title, an abstract — as Markdown phrasing that any renderer shows as the text
 * it is, and that can become no heading, list, link, image or HTML. Formulas (`$…$`, `\(…\)`,
 * `$$…$$`, `\[…\]`, found as the pages find them: src/site/math/find-math.ts) are written as their
 * TeX source, delimiters included, so a renderer with math support typesets them. The prose
 * between them is a `text` node: mdast-util-to-markdown escapes what Markdown would read as
 * markup, and `ENTRY_TEXT_UNSAFE` adds `$` (which would open math in such renderers), `]`, `{`,
 * `~` and `|` (GFM's strikethrough and tables), and what GFM would make a link of by itself
 * (`https://…`, `www.…`, `a@b.c`). Escapes change the file, never what a renderer shows. (Some GFM renderers, comrak among them, look for such
 * links after escapes are read: there a bare address in a title stays a link to itself, the
 * address shown, which no escape can prevent without changing the text.)
 *
 * A formula's source is kept as written but for three changes TeX does not see, since white
 * space in math is not read: a line break becomes a space (else the next line could open a
 * block), a space follows a `<` that would open an HTML tag or autolink, one parts `]` from a
 * following `(` or `[` (which would close a link), and one breaks what GFM would take for a
 * bare address (`https://`, `www.`, `a@b`), which could run on past the formula and swallow
 * the escape after it. A renderer without math support may then set
 * part of a formula in italics or as code, but can find no link, image, HTML or block in it. Pure.
 */
import type { Literal, PhrasingContent } from 'mdast';
import type { ConstructName, Handle, Unsafe } from 'mdast-util-to-markdown';
import { findMath } from '../math/find-math.ts';

/** A formula, written as its TeX source (see `texSource`). */
export interface Tex extends Literal {
  type: 'tex';
}

declare module 'mdast' {
  interface PhrasingContentMap {
    tex: Tex;
  }
  interface RootContentMap {
    tex: Tex;
  }
}

/** `source` (a formula with its delimiters) with the changes TeX does not see that keep it inert in Markdown. */
export function texSource(source: string): string {
  return (
    source
      .replace(/[^\S\r\n]*[\r\n][\s]*/g, ' ')
      .replace(/<(?=[A-Za-z/!?])/g, '< ')
      .replace(/\](?=[([])/g, '] ')
      // What GFM would make a link of by itself, running on past the formula's end: `https://`,
      // `www.`, `a@b`. A space in each, which TeX does not see.
      .replace(/:(?=\/\/)/g, ': ')
      .replace(/\b(www)\./gi, '$1 .')
      .replace(/@/g, '@ ')
  );
}

/** Writes a formula. */
export const texHandle: Handle = (node: Tex) => texSource(node.value);

/** The parts of a link that are not text: its address and title, which have escapes of their own. */
const NOT_IN_TEXT: ConstructName[] = ['autolink', 'destinationLiteral', 'destinationRaw', 'reference', 'titleQuote', 'titleApostrophe'];

/**
 * What the prose of entry text escapes beyond mdast-util-to-markdown's defaults: `$`, which opens
 * math in renderers that typeset it; every `]`, so none closes a link a formula's `[` opened;
 * every `{`, which opens heading attributes (Pandoc, kramdown) and MDX expressions; every `~`,
 * as mdast-util-gfm-strikethrough escapes it; every `|`, without which no table can start; and
 * the characters GFM's autolink literals hinge on, as mdast-util-gfm-autolink-literal escapes them.
 */
export const ENTRY_TEXT_UNSAFE: Unsafe[] = [
  { character: '$', inConstruct: 'phrasing', notInConstruct: NOT_IN_TEXT },
  { character: ']', inConstruct: 'phrasing', notInConstruct: NOT_IN_TEXT },
  { character: '{', inConstruct: 'phrasing', notInConstruct: NOT_IN_TEXT },
  { character: '~', inConstruct: 'phrasing', notInConstruct: NOT_IN_TEXT },
  { character: '|', inConstruct: 'phrasing', notInConstruct: NOT_IN_TEXT },
  { character: '@', before: '[+\\-.\\w]', after: '[\\-.\\w]', inConstruct: 'phrasing', notInConstruct: NOT_IN_TEXT },
  { character: '.', before: '[Ww]', after: '[\\-.\\w]', inConstruct: 'phrasing', notInConstruct: NOT_IN_TEXT },
  { character: ':', before: '[ps]', after: '\\/', inConstruct: 'phrasing', notInConstruct: NOT_IN_TEXT },
];

/** `text` as phrasing: prose as `text` nodes, formulas as `tex` nodes, line breaks kept. */
export function entryPhrasing(text: string): PhrasingContent[] {
  return findMath(text).map((piece) =>
    piece.kind === 'math' ? { type: 'tex', value: piece.source } : { type: 'text', value: piece.text },
  );
}
