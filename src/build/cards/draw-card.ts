/**
 * A card's PNG from its text: the entry point of the cards' drawing. The fonts are parsed and
 * the typesetter made on first use, once per thread, and its glyphs held for every later card.
 */
import { paperCardLayout, siteCardLayout, type CardText } from './card-layout.ts';
import { createTypesetter, loadFonts, type Typesetter } from './glyph-atlas.ts';
import { paintCard } from './paint-card.ts';

let shared: Typesetter | null = null;
const typesetter = (): Typesetter => (shared ??= createTypesetter(loadFonts()));

/** The PNG of a paper's card. */
export function drawPaperCard(card: CardText): Buffer {
  const set = typesetter();
  return paintCard(paperCardLayout(card, set.measure), set);
}

/** The PNG of the site's card, for every page that is not a paper's. */
export function drawSiteCard(): Buffer {
  return paintCard(siteCardLayout(), typesetter());
}
