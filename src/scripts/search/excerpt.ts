/**
 * Pagefind's excerpts are HTML: the page text, entity-escaped, with `<mark>` around matches.
 * Rather than trusting that string as markup, it is cut into plain-text pieces, each either
 * highlighted or not, which the page then inserts as text nodes.
 */

/** A run of excerpt text, and whether it matched the query. */
export interface ExcerptPiece {
  readonly text: string;
  readonly mark: boolean;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the entities an escaper produces (named basics and numeric ones), nothing more. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Splits an excerpt into text pieces; any tag other than `<mark>` is dropped, never interpreted. */
export function parseExcerpt(html: string): ExcerptPiece[] {
  const pieces: ExcerptPiece[] = [];
  let mark = false;
  for (const part of html.split(/(<\/?[a-z][^>]*>)/i)) {
    if (/^<\/?mark\b/i.test(part)) {
      mark = !part.startsWith('</');
      continue;
    }
    if (part.startsWith('<') && /^<\/?[a-z]/i.test(part)) continue;
    if (part !== '') pieces.push({ text: decodeEntities(part), mark });
  }
  return pieces;
}
