/**
 * A card's PNG from its text: the entry point of the cards' drawing. The fonts are parsed and
 * the typesetter made on first use, once per thread, and its glyphs held for every later card.
 */
import { paperCardLayout, siteCardLayout, type CardBrand, type CardText } from './card-layout.ts';
import { createTypesetter, loadFonts, type Typesetter } from './glyph-atlas.ts';
import { paintCard } from './paint-card.ts';

let shared: Typesetter | null = null;
const typesetter = (): Typesetter => (shared ??= createTypesetter(loadFonts()));

/** The PNG of a paper's card, naming the archive `brand` (default Papershelf). */
export function drawPaperCard(card: CardText, brand?: CardBrand): Buffer {
  const set = typesetter();
  return paintCard(paperCardLayout(card, set.measure, brand), set, brand?.accent);
}

/** The PNG of the site's card, for every page that is not a paper's. */
export function drawSiteCard(brand?: CardBrand): Buffer {
  const set = typesetter();
  return paintCard(siteCardLayout(set.measure, brand), set, brand?.accent);
}
