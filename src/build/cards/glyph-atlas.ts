/**
 * The glyphs the cards are drawn with. A card is mostly one short title, and 100,000 of them
 * have to be drawn within a couple of minutes of one core. A full vector render per card took
 * far longer (resvg from SVG, skia through @napi-rs/canvas, satori's SVG alone), so the work is
 * split: resvg, a real rasteriser, draws each glyph of each size once, from the font's outline,
 * into an anti-aliased coverage bitmap; every card is then composed by copying those bitmaps
 * (src/build/cards/paint-card.ts).
 *
 * The trade-off: glyphs sit on whole pixels (no subpixel positioning) and text is not shaped —
 * each character is one glyph, with the font's advance and kerning, so there are no ligatures
 * and Arabic letters are drawn unjoined. For a 30–64 px title neither is visible in Latin,
 * Greek or Cyrillic text. Characters Inter lacks come from DejaVu Sans (maths, Hebrew, Arabic,
 * Armenian, Georgian…); those neither has (CJK, for one) are drawn as the font's empty box.
 * Bitmaps depend only on glyph and size, never on what was drawn before, so cards are
 * byte-identical whichever thread draws them and in whatever order.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import opentype, { type Font } from 'opentype.js';
import type { Face, TextStyle } from './card-layout.ts';

/** The font files, from npm packages: Inter (OFL-1.1) first, DejaVu Sans (Bitstream Vera licence) for what Inter lacks. */
export const FONT_FILES: Record<Face, readonly string[]> = {
  bold: ['@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf', 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'],
  regular: ['@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf', 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf'],
};

/** Levels of coverage stored per pixel: 16, so a colour and its blends with white fit a small palette. */
export const COVERAGE_LEVELS = 16;

/** One glyph at one size: coverage 0…15 per pixel, placed relative to the pen on the baseline. */
export interface GlyphBitmap {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly coverage: Uint8Array;
}

/** A glyph placed on a line: its bitmap and the whole-pixel offset of its pen from the line's start. */
export interface PlacedGlyph {
  readonly x: number;
  readonly bitmap: GlyphBitmap;
}

/** Measures and places text; keeps every glyph it drew for the next card. */
export interface Typesetter {
  /** The width of `text` in pixels, as `place` lays it out. */
  measure(text: string, style: TextStyle): number;
  /** The glyphs of `text`, left to right. */
  place(text: string, style: TextStyle): PlacedGlyph[];
}

/** A character's glyph: which font of the face has it, and its index there. */
interface Mapped {
  readonly font: number;
  readonly glyph: number;
  readonly advance: number;
}

const EMPTY: GlyphBitmap = { left: 0, top: 0, width: 0, height: 0, coverage: new Uint8Array(0) };

/** The faces' fonts, parsed. */
export function loadFonts(): Record<Face, Font[]> {
  const require = createRequire(import.meta.url);
  const load = (name: string) => opentype.parse(readFileSync(require.resolve(name)));
  return { bold: FONT_FILES.bold.map(load), regular: FONT_FILES.regular.map(load) };
}

/** The coverage bitmap of one glyph outline at `size` pixels per em, drawn by resvg. */
function rasterise(font: Font, glyph: number, size: number): GlyphBitmap {
  const path = font.glyphs.get(glyph).getPath(0, 0, size);
  const box = path.getBoundingBox();
  if (!Number.isFinite(box.x1) || box.x2 <= box.x1 || box.y2 <= box.y1) return EMPTY;
  const left = Math.floor(box.x1);
  const top = Math.floor(box.y1);
  const width = Math.ceil(box.x2) - left;
  const height = Math.ceil(box.y2) - top;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><path transform="translate(${-left} ${-top})" d="${path.toPathData({ decimalPlaces: 3, flipY: false })}"/></svg>`;
  const rgba = new Resvg(svg, { font: { loadSystemFonts: false } }).render().pixels;
  const coverage = new Uint8Array(width * height);
  for (let index = 0; index < coverage.length; index += 1)
    coverage[index] = Math.round((rgba[index * 4 + 3]! * (COVERAGE_LEVELS - 1)) / 255);
  return { left, top, width, height, coverage };
}

/** A typesetter over `fonts`, each face a list tried in order for every character. */
export function createTypesetter(fonts: Record<Face, Font[]>): Typesetter {
  // Caches with number keys: every card measures its title many times while wrapping it.
  const mapped: Record<Face, Map<number, Mapped>> = { bold: new Map(), regular: new Map() };
  const kerning: Record<Face, Map<number, number>> = { bold: new Map(), regular: new Map() };
  const bitmaps: Record<Face, Map<number, GlyphBitmap>> = { bold: new Map(), regular: new Map() };

  const map = (face: Face, char: string): Mapped => {
    const code = char.codePointAt(0)!;
    let found = mapped[face].get(code);
    if (!found) {
      const list = fonts[face];
      const index = Math.max(
        0,
        list.findIndex((font) => font.charToGlyphIndex(char) > 0),
      );
      const font = list[index]!;
      const glyph = font.charToGlyphIndex(char);
      found = { font: index, glyph, advance: (font.glyphs.get(glyph).advanceWidth ?? 0) / font.unitsPerEm };
      mapped[face].set(code, found);
    }
    return found;
  };
  const kern = (face: Face, left: Mapped, right: Mapped): number => {
    if (left.font !== right.font) return 0;
    const key = (left.font * 65536 + left.glyph) * 65536 + right.glyph;
    let value = kerning[face].get(key);
    if (value === undefined) {
      const font = fonts[face][left.font]!;
      value = font.getKerningValue(left.glyph, right.glyph) / font.unitsPerEm;
      kerning[face].set(key, value);
    }
    return value;
  };
  /** Calls `visit` with each character's glyph and pen position in ems; returns the total advance. */
  const layout = (text: string, face: Face, visit?: (glyph: Mapped, at: number) => void): number => {
    let pen = 0;
    let previous: Mapped | null = null;
    for (const char of text) {
      const glyph = map(face, char);
      if (previous) pen += kern(face, previous, glyph);
      visit?.(glyph, pen);
      pen += glyph.advance;
      previous = glyph;
    }
    return pen;
  };

  return {
    measure: (text, style) => layout(text, style.face) * style.size,
    place(text, style) {
      const placed: PlacedGlyph[] = [];
      layout(text, style.face, (glyph, at) => {
        const key = (glyph.font * 65536 + glyph.glyph) * 1024 + style.size;
        let bitmap = bitmaps[style.face].get(key);
        if (!bitmap) {
          bitmap = rasterise(fonts[style.face][glyph.font]!, glyph.glyph, style.size);
          bitmaps[style.face].set(key, bitmap);
        }
        placed.push({ x: Math.round(at * style.size), bitmap });
      });
      return placed;
    },
  };
}
