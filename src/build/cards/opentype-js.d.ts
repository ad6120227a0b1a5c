/** The part of opentype.js (which ships no types) that the card glyph atlas uses. */
declare module 'opentype.js' {
  export interface BoundingBox {
    x1: number;
    y1: number;
    x2: number;
    y2: number;
  }
  export interface Path {
    getBoundingBox(): BoundingBox;
    toPathData(options?: { decimalPlaces?: number; flipY?: boolean }): string;
  }
  export interface Glyph {
    index: number;
    advanceWidth?: number;
    getPath(x: number, y: number, fontSize: number): Path;
  }
  export interface Font {
    unitsPerEm: number;
    glyphs: { get(index: number): Glyph };
    charToGlyphIndex(char: string): number;
    getKerningValue(left: Glyph | number, right: Glyph | number): number;
  }
  /** The package is CommonJS (UMD) to Node: its functions come on the default export. */
  const opentype: {
    /** Parses a TrueType/OpenType font. */
    parse(buffer: ArrayBuffer | Uint8Array): Font;
  };
  export default opentype;
}
