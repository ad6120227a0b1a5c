/**
 * What a card shows and where, as pure functions of the text and a `measure` callback: a
 * paper's card (title over up to six lines, authors, listing day) and the site's own card.
 * The result is a list of boxes and lines of text in pixels of a CARD_WIDTH × CARD_HEIGHT card.
 */
import { formatPartialDate } from '../../site/format-date.ts';
import { CARD_WIDTH } from '../../site/social-card.ts';
import { baseDirection, visualOrder } from './visual-order.ts';
import { namesLine, wrapText } from './wrap-text.ts';

/** A paper's text on its card: the card's inputs, and all that its hash covers. */
export interface CardText {
  readonly title: string;
  readonly authors: readonly string[];
  /** The listing day, `YYYY-MM-DD`; for a paper listed on no day, its publication date (`YYYY`, `YYYY-MM`). */
  readonly date: string;
}

/** What every card says of the archive itself: its name, and on the site's card what it is. */
export interface CardBrand {
  readonly title: string;
  readonly description: string;
  /** The accent's red, green and blue, when the config's `accentColor` is a hex colour; else Papershelf's blue. */
  readonly accent?: readonly [number, number, number] | undefined;
}

/** Papershelf's own, when the config names none. */
export const DEFAULT_CARD_BRAND: CardBrand = { title: 'Papershelf', description: 'A searchable archive of research papers' };

/** The card's colours; each is drawn over the white background. */
export type Ink = 'text' | 'muted' | 'accent';
export type Face = 'bold' | 'regular';

export interface TextStyle {
  readonly face: Face;
  /** Pixels per em. */
  readonly size: number;
  readonly ink: Ink;
}

/** A line of text, already in drawing order, with its left end and baseline. */
export interface TextItem {
  readonly kind: 'text';
  readonly text: string;
  readonly style: TextStyle;
  readonly x: number;
  readonly baseline: number;
}

/** A filled rectangle. */
export interface BoxItem {
  readonly kind: 'box';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly ink: Ink;
}

export type CardItem = TextItem | BoxItem;

/** The width of `text` drawn in `style`. */
export type StyleMeasure = (text: string, style: TextStyle) => number;

/**
 * The design is in pixels of a 1200 × 630 card and scaled to the card's size, so that the size
 * can change in one place (src/site/social-card.ts) without redrawing the design.
 */
const px = (design: number): number => Math.round((design * CARD_WIDTH) / 1200);
const MARGIN = px(80);
const TEXT_WIDTH = CARD_WIDTH - 2 * MARGIN;
/** Where the title's first line starts (the top of its em box). */
const TITLE_TOP = px(150);
/** Title sizes, largest first, each with the lines that fit above the byline at that size. */
const TITLE_SIZES = [
  { size: px(64), lines: 4 },
  { size: px(54), lines: 5 },
  { size: px(46), lines: 6 },
] as const;
const BRAND: TextStyle = { face: 'bold', size: px(30), ink: 'accent' };
const AUTHORS: TextStyle = { face: 'regular', size: px(30), ink: 'text' };
const DAY: TextStyle = { face: 'regular', size: px(28), ink: 'muted' };
const BAND = px(12);
const SITE_NAME: TextStyle = { face: 'bold', size: px(96), ink: 'text' };
const SITE_LINE: TextStyle = { face: 'regular', size: px(40), ink: 'muted' };

/** The band along the top and the mark and name of the site: on every card. */
function frame(siteName: string): CardItem[] {
  return [
    { kind: 'box', x: 0, y: 0, width: CARD_WIDTH, height: BAND, ink: 'accent' },
    { kind: 'box', x: MARGIN, y: px(62), width: px(28), height: px(28), ink: 'accent' },
    { kind: 'text', text: siteName, style: BRAND, x: MARGIN + px(44), baseline: px(86) },
  ];
}

/** Lines of one paragraph direction, each placed at the margin its direction starts from. */
function placeLines(
  lines: readonly string[],
  style: TextStyle,
  firstBaseline: number,
  lineHeight: number,
  measure: StyleMeasure,
  rtl: boolean,
): TextItem[] {
  return lines.map((line, index) => {
    const text = visualOrder(line, rtl ? 'rtl' : 'ltr');
    const x = rtl ? CARD_WIDTH - MARGIN - measure(line, style) : MARGIN;
    return { kind: 'text', text, style, x: Math.round(x), baseline: Math.round(firstBaseline + index * lineHeight) };
  });
}

/** A paper's card: the title as large as it fits in its lines, then authors and day. */
export function paperCardLayout(card: CardText, measure: StyleMeasure, brand: CardBrand = DEFAULT_CARD_BRAND): CardItem[] {
  const rtl = baseDirection(card.title) === 'rtl';
  let title: { style: TextStyle; lines: string[] } | null = null;
  for (const { size, lines: maxLines } of TITLE_SIZES) {
    const style: TextStyle = { face: 'bold', size, ink: 'text' };
    const { lines, fits } = wrapText(card.title, TEXT_WIDTH, maxLines, (text) => measure(text, style));
    title = { style, lines };
    if (fits) break;
  }
  const items = frame(namesLine([brand.title], TEXT_WIDTH, (text) => measure(text, BRAND)));
  if (title) items.push(...placeLines(title.lines, title.style, TITLE_TOP + title.style.size * 0.95, title.style.size * 1.2, measure, rtl));
  const authors = namesLine(card.authors, TEXT_WIDTH, (text) => measure(text, AUTHORS));
  if (authors) items.push(...placeLines([authors], AUTHORS, px(528), 0, measure, baseDirection(authors) === 'rtl'));
  items.push({ kind: 'text', text: formatPartialDate(card.date), style: DAY, x: MARGIN, baseline: px(576) });
  return items;
}

/** The card of every other page: the site's name and what it is, each cut to fit. */
export function siteCardLayout(measure: StyleMeasure, brand: CardBrand = DEFAULT_CARD_BRAND): CardItem[] {
  const fit = (text: string, style: TextStyle) =>
    wrapText(text, TEXT_WIDTH - (style === SITE_NAME ? px(104) : 0), 1, (line) => measure(line, style)).lines[0] ?? '';
  return [
    { kind: 'box', x: 0, y: 0, width: CARD_WIDTH, height: BAND, ink: 'accent' },
    { kind: 'box', x: MARGIN, y: px(228), width: px(72), height: px(72), ink: 'accent' },
    { kind: 'text', text: fit(brand.title, SITE_NAME), style: SITE_NAME, x: MARGIN + px(104), baseline: px(300) },
    {
      kind: 'text',
      text: fit(brand.description, SITE_LINE),
      style: SITE_LINE,
      x: MARGIN,
      baseline: px(400),
    },
  ];
}
