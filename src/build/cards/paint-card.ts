/** Draws a card's layout into palette pixels and encodes it as PNG. */
import { CARD_HEIGHT, CARD_WIDTH } from '../../site/social-card.ts';
import type { CardItem, Ink } from './card-layout.ts';
import { encodeIndexedPng } from './encode-png.ts';
import { COVERAGE_LEVELS, type GlyphBitmap, type Typesetter } from './glyph-atlas.ts';

/** The inks, those of the light theme (`--text`, `--text-soft`, `--accent` in src/styles/site.css); each drawn over white. */
const TEXT = [0x1b, 0x1e, 0x23] as const;
const ACCENT = [0x1d, 0x5f, 0xc9] as const;
/** Steps of the text ink's blend with white, and of the accent's. With white they make the 16 colours of a 4-bit palette. */
const TEXT_STEPS = 12;
const ACCENT_STEPS = 3;

/**
 * A 4-bit palette — half the bytes of an 8-bit one to compress, and smaller files (measured on
 * real cards). Index 0 is white, 1…12 the text ink blended with white in twelve steps, 13…15
 * the accent in three. Muted text is the text ink at lower coverage, a grey close to
 * `--text-soft`.
 */
const paletteOf = (accent: readonly [number, number, number]): Uint8Array =>
  Uint8Array.from(
    [
      ...Array.from({ length: TEXT_STEPS + 1 }, (_, step) => TEXT.map((value) => Math.round(255 + ((value - 255) * step) / TEXT_STEPS))),
      ...Array.from({ length: ACCENT_STEPS }, (_, step) =>
        accent.map((value) => Math.round(255 + ((value - 255) * (step + 1)) / ACCENT_STEPS)),
      ),
    ].flat(),
  );
const PALETTE = paletteOf(ACCENT);
/** The palettes of other accent colours (the config's `accentColor`), made once each. */
const palettes = new Map<string, Uint8Array>();
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

/**
 * The card's scanlines, reused card after card (a new buffer each time keeps the collector
 * busy): a filter byte (0) a row, then two pixels a byte, the left one in the high nibble.
 * Glyphs are drawn straight into them; there is no buffer of one byte a pixel to pack.
 */
const ROW_BYTES = Math.ceil(CARD_WIDTH / 2) + 1;
const scanlines = new Uint8Array(ROW_BYTES * CARD_HEIGHT);
/**
 * Rows the last card drew on (1) — all that must be cleared for the next one. About half of
 * a card's rows are blank, so clearing them all would be wasted.
 */
const drawnRows = new Uint8Array(CARD_HEIGHT);

/** The larger index in each nibble of `a` and `b`: two pixels where one ink's glyphs meet. */
const maxNibbles = (a: number, b: number): number => Math.max(a & 0xf0, b & 0xf0) | Math.max(a & 0x0f, b & 0x0f);

/**
 * A glyph's bitmap as palette indexes of one ink, packed like the scanlines for a glyph whose
 * left edge falls on an even (`phase` 0) or odd (1) pixel: `rowBytes` bytes a row.
 */
interface PackedGlyph {
  readonly rowBytes: number;
  readonly bytes: Uint8Array;
}

/** Packed glyphs by bitmap, at `ink × 2 + phase`: a card reuses the glyphs of the last, so each is packed once. */
const packedGlyphs = new WeakMap<GlyphBitmap, PackedGlyph[]>();

function packGlyph(bitmap: GlyphBitmap, base: number, phase: number): PackedGlyph {
  const rowBytes = (bitmap.width + phase + 1) >> 1;
  const bytes = new Uint8Array(rowBytes * bitmap.height);
  for (let row = 0; row < bitmap.height; row += 1) {
    for (let column = 0; column < bitmap.width; column += 1) {
      const level = bitmap.coverage[row * bitmap.width + column]!;
      if (level === 0) continue;
      const at = column + phase;
      bytes[row * rowBytes + (at >> 1)]! |= TO_PALETTE[base + level]! << (at & 1 ? 0 : 4);
    }
  }
  return { rowBytes, bytes };
}

function packedGlyph(bitmap: GlyphBitmap, ink: number, base: number, phase: number): PackedGlyph {
  let packed = packedGlyphs.get(bitmap);
  if (!packed) packedGlyphs.set(bitmap, (packed = []));
  return (packed[ink * 2 + phase] ??= packGlyph(bitmap, base, phase));
}

/** Sets the pixel at (x, y) to `index`, or to the larger of it and what is there when `keepDarker`. */
function setPixel(x: number, y: number, index: number, keepDarker: boolean): void {
  const at = y * ROW_BYTES + 1 + (x >> 1);
  const shift = x & 1 ? 0 : 4;
  const old = (scanlines[at]! >> shift) & 0x0f;
  if (!keepDarker || index > old) scanlines[at] = (scanlines[at]! & ~(0x0f << shift)) | (index << shift);
}

/** Fills the pixels from `left` to `right` (exclusive) of row `y` with `index`. */
function fillRow(y: number, left: number, right: number, index: number): void {
  if (left >= right) return;
  let x = left;
  if (x & 1) setPixel(x++, y, index, false);
  const end = right & ~1;
  if (x < end) scanlines.fill(index * 0x11, y * ROW_BYTES + 1 + (x >> 1), y * ROW_BYTES + 1 + (end >> 1));
  if (end >= x && end < right) setPixel(end, y, index, false);
}

/** Draws a glyph with its left edge at `originX` and top at `originY`; the parts off the card are left out. */
function drawGlyph(bitmap: GlyphBitmap, ink: number, base: number, originX: number, originY: number): void {
  const top = Math.max(0, originY);
  const bottom = Math.min(CARD_HEIGHT, originY + bitmap.height);
  if (originX < 0 || originX + bitmap.width > CARD_WIDTH) {
    // Rare: a glyph across the card's edge, drawn a pixel at a time.
    for (let y = top; y < bottom; y += 1) {
      drawnRows[y] = 1;
      for (let column = 0; column < bitmap.width; column += 1) {
        const level = bitmap.coverage[(y - originY) * bitmap.width + column]!;
        const x = originX + column;
        if (level !== 0 && x >= 0 && x < CARD_WIDTH) setPixel(x, y, TO_PALETTE[base + level]!, true);
      }
    }
    return;
  }
  const { rowBytes, bytes } = packedGlyph(bitmap, ink, base, originX & 1);
  for (let y = top; y < bottom; y += 1) {
    drawnRows[y] = 1;
    let from = (y - originY) * rowBytes;
    let to = y * ROW_BYTES + 1 + (originX >> 1);
    for (let end = from + rowBytes; from < end; from += 1, to += 1) {
      const pair = bytes[from]!;
      if (pair === 0) continue;
      const old = scanlines[to]!;
      scanlines[to] = old === 0 ? pair : maxNibbles(old, pair);
    }
  }
}

/** Draws `items` into `scanlines`, after clearing what the last card drew. */
function compose(items: readonly CardItem[], typesetter: Typesetter): void {
  for (let y = 0; y < CARD_HEIGHT; y += 1) {
    if (drawnRows[y] === 0) continue;
    scanlines.fill(0, y * ROW_BYTES, (y + 1) * ROW_BYTES);
    drawnRows[y] = 0;
  }
  for (const item of items) {
    const ink = INK_ORDER.indexOf(item.kind === 'box' ? item.ink : item.style.ink);
    const base = ink * COVERAGE_LEVELS;
    if (item.kind === 'box') {
      const left = Math.max(0, item.x);
      const right = Math.min(CARD_WIDTH, item.x + item.width);
      for (let y = Math.max(0, item.y); y < Math.min(CARD_HEIGHT, item.y + item.height); y += 1) {
        drawnRows[y] = 1;
        fillRow(y, left, right, TO_PALETTE[base + FULL]!);
      }
      continue;
    }
    for (const { x, bitmap } of typesetter.place(item.text, item.style))
      drawGlyph(bitmap, ink, base, item.x + x + bitmap.left, item.baseline + bitmap.top);
  }
}

/** The PNG of a card laid out as `items`, its accent `accent` (red, green, blue; default Papershelf's blue). */
export function paintCard(items: readonly CardItem[], typesetter: Typesetter, accent?: readonly [number, number, number]): Buffer {
  compose(items, typesetter);
  let palette = PALETTE;
  if (accent) {
    const key = accent.join(',');
    palette = palettes.get(key) ?? paletteOf(accent);
    palettes.set(key, palette);
  }
  return encodeIndexedPng(CARD_WIDTH, CARD_HEIGHT, 4, palette, scanlines);
}
