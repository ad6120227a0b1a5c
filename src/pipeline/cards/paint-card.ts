/** Draws a card's layout into palette pixels and encodes it as PNG. */
import { CARD_HEIGHT, CARD_WIDTH } from '../../lib/social-card.ts';
import type { CardItem, Ink } from './card-layout.ts';
import { encodeIndexedPng } from './encode-png.ts';
import { COVERAGE_LEVELS, type Typesetter } from './glyph-atlas.ts';

/** The inks, those of the light theme (`--text`, `--text-soft`, `--accent` in src/styles/site.css); each drawn over white. */
const TEXT = [0x1b, 0x1e, 0x23] as const;
const ACCENT = [0x1d, 0x5f, 0xc9] as const;
/** Steps of the text ink's blend with white, and of the accent's. With white they make the 16 colours of a 4-bit palette. */
const TEXT_STEPS = 12;
const ACCENT_STEPS = 3;

/**
 * A 4-bit palette — half the bytes of an 8-bit one to compress, and smaller files (measured:
 * about 12 KB a card against 16 KB). Index 0 is white, 1…12 the text ink blended with white in
 * twelve steps, 13…15 the accent in three. Muted text is the text ink at lower coverage, a
 * grey close to `--text-soft`.
 */
const PALETTE = Uint8Array.from(
  [
    ...Array.from({ length: TEXT_STEPS + 1 }, (_, step) => TEXT.map((value) => Math.round(255 + ((value - 255) * step) / TEXT_STEPS))),
    ...Array.from({ length: ACCENT_STEPS }, (_, step) => ACCENT.map((value) => Math.round(255 + ((value - 255) * (step + 1)) / ACCENT_STEPS))),
  ].flat(),
);
/** How far each ink may darken a pixel, in steps of its ramp, and where its ramp starts. */
const RAMPS: Record<Ink, { readonly first: number; readonly steps: number }> = {
  text: { first: 0, steps: TEXT_STEPS },
  muted: { first: 0, steps: 7 },
  accent: { first: TEXT_STEPS, steps: ACCENT_STEPS },
};
const INK_ORDER: readonly Ink[] = ['text', 'muted', 'accent'];
const FULL = COVERAGE_LEVELS - 1;

/**
 * The palette index of each ink at each coverage, at `ink × 16 + coverage`. Within an ink's
 * ramp a larger index is darker, so where glyphs of one ink touch the pixel keeps the larger;
 * anti-aliasing is exact because glyphs only ever overlap the background or their own ink.
 */
const TO_PALETTE = Uint8Array.from({ length: INK_ORDER.length * COVERAGE_LEVELS }, (_, value) => {
  const { first, steps } = RAMPS[INK_ORDER[Math.floor(value / COVERAGE_LEVELS)]!];
  const coverage = value % COVERAGE_LEVELS;
  return coverage === 0 ? 0 : first + Math.max(1, Math.round((coverage * steps) / FULL));
});

/** The composed card, reused card after card: a new buffer each time keeps the collector busy. */
const pixels = new Uint8Array(CARD_WIDTH * CARD_HEIGHT);
const ROW_BYTES = Math.ceil(CARD_WIDTH / 2) + 1; // a filter byte (0), then two pixels a byte
const scanlines = new Uint8Array(ROW_BYTES * CARD_HEIGHT);

/** Draws `items` into `pixels`, one palette index a pixel. */
function compose(items: readonly CardItem[], typesetter: Typesetter): void {
  pixels.fill(0);
  for (const item of items) {
    const base = INK_ORDER.indexOf(item.kind === 'box' ? item.ink : item.style.ink) * COVERAGE_LEVELS;
    if (item.kind === 'box') {
      const left = Math.max(0, item.x);
      const right = Math.min(CARD_WIDTH, item.x + item.width);
      for (let y = Math.max(0, item.y); y < Math.min(CARD_HEIGHT, item.y + item.height); y += 1) pixels.fill(TO_PALETTE[base + FULL]!, y * CARD_WIDTH + left, y * CARD_WIDTH + right);
      continue;
    }
    for (const { x, bitmap } of typesetter.place(item.text, item.style)) {
      const originX = item.x + x + bitmap.left;
      const originY = item.baseline + bitmap.top;
      for (let row = 0; row < bitmap.height; row += 1) {
        const y = originY + row;
        if (y < 0 || y >= CARD_HEIGHT) continue;
        for (let column = 0; column < bitmap.width; column += 1) {
          const level = bitmap.coverage[row * bitmap.width + column]!;
          const px = originX + column;
          if (level === 0 || px < 0 || px >= CARD_WIDTH) continue;
          const at = y * CARD_WIDTH + px;
          const index = TO_PALETTE[base + level]!;
          if (index > pixels[at]!) pixels[at] = index;
        }
      }
    }
  }
}

/** The PNG of a card laid out as `items`. */
export function paintCard(items: readonly CardItem[], typesetter: Typesetter): Buffer {
  compose(items, typesetter);
  // Two pixels a byte; integer counters only, this loop runs 170,000 times a card.
  const pairs = CARD_WIDTH >> 1;
  for (let y = 0; y < CARD_HEIGHT; y += 1) {
    let from = y * CARD_WIDTH;
    let to = y * ROW_BYTES + 1;
    for (let pair = 0; pair < pairs; pair += 1, from += 2, to += 1) scanlines[to] = (pixels[from]! << 4) | pixels[from + 1]!;
    if (CARD_WIDTH & 1) scanlines[to] = pixels[from]! << 4;
  }
  return encodeIndexedPng(CARD_WIDTH, CARD_HEIGHT, 4, PALETTE, scanlines);
}
