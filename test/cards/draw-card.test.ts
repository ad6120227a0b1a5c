import { describe, expect, it } from 'vitest';
import { paperCardLayout, type CardText, type TextItem } from '../../src/build/cards/card-layout.ts';
import { drawPaperCard, drawSiteCard } from '../../src/build/cards/draw-card.ts';
import { createTypesetter, loadFonts } from '../../src/build/cards/glyph-atlas.ts';
import { CARD_HEIGHT, CARD_WIDTH } from '../../src/site/social-card.ts';
import { readPng } from './read-png.ts';

const paper: CardText = {
  title: 'Successor Heads: Recurring, Interpretable Attention Heads In The Wild',
  authors: ['Rhys Gould', 'Euan Ong', 'George Ogden', 'Arthur Conmy'],
  date: '2025-03-19',
};

/** Pixels of a 4-bit scanline buffer that are not the background. */
function inked(scanlines: Buffer): number {
  const rowBytes = Math.ceil(CARD_WIDTH / 2) + 1;
  let count = 0;
  for (let y = 0; y < CARD_HEIGHT; y += 1) {
    for (let x = 1; x < rowBytes; x += 1) {
      const byte = scanlines[y * rowBytes + x]!;
      count += (byte >> 4 ? 1 : 0) + (byte & 15 ? 1 : 0);
    }
  }
  return count;
}

describe('a paper’s card', () => {
  it('is a valid PNG of the declared size: a 4-bit palette image with its filter bytes', () => {
    const png = readPng(drawPaperCard(paper));
    expect(png.types).toEqual(['IHDR', 'PLTE', 'IDAT', 'IEND']);
    expect([png.width, png.height]).toEqual([CARD_WIDTH, CARD_HEIGHT]);
    expect([png.bitDepth, png.colourType]).toEqual([4, 3]);
    expect(png.palette.length).toBe(16 * 3);
    const rowBytes = Math.ceil(CARD_WIDTH / 2) + 1;
    expect(png.scanlines.length).toBe(rowBytes * CARD_HEIGHT);
    for (let y = 0; y < CARD_HEIGHT; y += 1) expect(png.scanlines[y * rowBytes]).toBe(0);
    // White, with text: a fair share of the card is ink, most of it is not.
    const share = inked(png.scanlines) / (CARD_WIDTH * CARD_HEIGHT);
    expect(share).toBeGreaterThan(0.03);
    expect(share).toBeLessThan(0.4);
  });

  it('has the same bytes every time, whatever was drawn before it', () => {
    const first = drawPaperCard(paper);
    drawPaperCard({ title: 'Ωmega ∑ ≤ ∞ and other glyphs not yet drawn: ĳ ŋ ж', authors: ['Zoë'], date: '2024-02-29' });
    expect(drawPaperCard(paper).equals(first)).toBe(true);
  });

  it('changes when its text does', () => {
    expect(drawPaperCard({ ...paper, title: `${paper.title}: revised` }).equals(drawPaperCard(paper))).toBe(false);
    expect(drawPaperCard({ ...paper, date: '2025-03-20' }).equals(drawPaperCard(paper))).toBe(false);
  });

  it('draws any title without failing: right to left, CJK, emoji, very long, no authors, hundreds of authors', () => {
    const titles = [
      'מודל שפה גדול 2025',
      'نموذج لغوي كبير',
      '大型语言模型的研究与应用',
      '🤖 Robots 🚀',
      'x'.repeat(2000),
      '   ',
      'a\u0301\u200d\u202e reversed?',
    ];
    for (const title of titles) {
      for (const authors of [[], Array.from({ length: 484 }, (_, index) => `Author ${index}`)]) {
        const png = readPng(drawPaperCard({ title, authors, date: '2026-01-02' }));
        expect([png.width, png.height]).toEqual([CARD_WIDTH, CARD_HEIGHT]);
      }
    }
  });
});

describe('the layout of a paper’s card', () => {
  const typesetter = createTypesetter(loadFonts());

  it('keeps every line of text inside the card’s margins, shrinking a long title before cutting it', () => {
    const long = {
      ...paper,
      title: 'A '.repeat(10) + 'Very Long Title About Transformers, Mixture-of-Experts and Scaling Laws '.repeat(4),
    };
    for (const card of [paper, long]) {
      const items = paperCardLayout(card, typesetter.measure);
      for (const item of items) {
        if (item.kind !== 'text') continue;
        expect(item.x).toBeGreaterThanOrEqual(0);
        expect(item.x + typesetter.measure(item.text, item.style)).toBeLessThanOrEqual(CARD_WIDTH - item.x + 1);
        expect(item.baseline).toBeLessThan(CARD_HEIGHT);
      }
    }
    const titleLines = (card: CardText) =>
      paperCardLayout(card, typesetter.measure).filter(
        (item): item is TextItem => item.kind === 'text' && item.style.face === 'bold' && item.text !== 'Papershelf',
      );
    const longLines = titleLines(long);
    expect(longLines.length).toBeGreaterThan(4);
    expect(longLines.at(-1)!.text.endsWith('…')).toBe(true);
    expect(longLines[0]!.style.size).toBeLessThan(titleLines(paper)[0]!.style.size);
  });

  it('right-aligns a right-to-left title', () => {
    const items = paperCardLayout({ ...paper, title: 'מודל שפה גדול' }, typesetter.measure);
    const title = items.find((item) => item.kind === 'text' && item.style.face === 'bold' && item.style.ink === 'text')!;
    expect(title.kind === 'text' && title.x).toBeGreaterThan(CARD_WIDTH / 3);
  });
});

describe('the site’s card', () => {
  it('is a PNG of the declared size', () => {
    const png = readPng(drawSiteCard());
    expect([png.width, png.height]).toEqual([CARD_WIDTH, CARD_HEIGHT]);
    expect(drawSiteCard().equals(drawSiteCard())).toBe(true);
  });
});
