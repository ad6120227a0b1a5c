/**
 * The CPU time of drawing cards: 2,000 papers of a JSONL file, drawn once to fill the glyph
 * cache, then timed over several loops; prints the fastest loop's milliseconds a card (the
 * machine is shared, so the minimum is the least disturbed), the mean PNG size, and a hash of
 * every card's bytes, to check that a change left them alone.
 *
 *   node bench/cards.ts [papers.jsonl] [--loops 7] [--count 2000] [--cards <folder of draw-card.ts>]
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CardText } from '../src/build/cards/card-layout.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    loops: { type: 'string', default: '7' },
    count: { type: 'string', default: '2000' },
    cards: { type: 'string', default: fileURLToPath(new URL('../src/build/cards', import.meta.url)) },
  },
});
const source = positionals[0] ?? '/work/shared/data/arxiv-2026q1.jsonl';
const { drawPaperCard } = (await import(pathToFileURL(resolve(values.cards, 'draw-card.ts')).href)) as {
  drawPaperCard: (card: CardText) => Buffer;
};

const cards: CardText[] = readFileSync(source, 'utf8')
  .split('\n')
  .filter(Boolean)
  .slice(0, Number(values.count))
  .map((line) => {
    const { title, authors, date } = JSON.parse(line) as CardText;
    return { title, authors, date };
  });

// The first pass rasterises every glyph; later passes are what a long build sees.
const hash = createHash('sha256');
let bytes = 0;
for (const card of cards) {
  const png = drawPaperCard(card);
  bytes += png.length;
  hash.update(png);
}

const times: number[] = [];
for (let loop = 0; loop < Number(values.loops); loop += 1) {
  const start = process.cpuUsage();
  for (const card of cards) drawPaperCard(card);
  const { user, system } = process.cpuUsage(start);
  times.push((user + system) / 1000 / cards.length);
}
const fmt = (ms: number) => ms.toFixed(3);
console.log(`${cards.length} cards: min ${fmt(Math.min(...times))} ms/card (loops ${times.map(fmt).join(' ')})`);
console.log(`mean ${(bytes / cards.length).toFixed(0)} bytes/card, sha256 of all ${hash.digest('hex').slice(0, 16)}`);
