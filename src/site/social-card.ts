/**
 * The link-preview ("social") card every page names in its Open Graph and Twitter meta: where
 * each card lives and how big it is. Shared by the pages (src/components/SocialMeta.astro) and
 * the build step that draws the cards (src/build/cards/), so the two cannot disagree.
 */

/**
 * Pixels: the 1.91:1 of Open Graph's and Twitter's large cards, at two thirds of the 1200 × 630
 * they suggest — above the 600 × 315 they show large, at four ninths of the pixels to draw and
 * compress for every paper.
 */
export const CARD_WIDTH = 800;
export const CARD_HEIGHT = 418;

/** The folder below the base that holds every card; not saved for reading offline. */
export const CARDS_FOLDER = 'cards';

/** A paper's card, below the base. Slugs are `[a-z0-9.-]`, so they are safe file names. */
export const paperCardPath = (slug: string): string => `${CARDS_FOLDER}/papers/${slug}.png`;

/** The card of every page that is not a paper's, below the base. */
export const SITE_CARD_PATH = `${CARDS_FOLDER}/site.png`;

/** Link previews show a line or two; longer descriptions are cut by the consumer, mid-word. */
const DESCRIPTION_LENGTH = 200;

/** `text` on one line, at most ~200 characters, cut at a word with `…` when longer. */
export function shareDescription(text: string, limit = DESCRIPTION_LENGTH): string {
  // Only the start can show: an abstract is flattened as far as `2 × limit` characters past its
  // leading white space, and whole only when white space shrinks those to within the limit.
  const start = text.search(/\S/);
  if (start === -1) return '';
  const end = start + 2 * limit + 1;
  const head = text.slice(start, end).replace(/\s+/g, ' ').trim();
  const flat = head.length > limit || end >= text.length ? head : text.replace(/\s+/g, ' ').trim();
  if (flat.length <= limit) return flat;
  const cut = flat.slice(0, limit - 1);
  const space = cut.lastIndexOf(' ');
  // A word longer than half the limit is cut inside rather than dropped whole.
  return `${(space > limit / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}
