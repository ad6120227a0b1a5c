/**
 * `node bench/math.ts`: what math costs over the real arXiv entries of ../shared/data — the
 * KaTeX time for every title and abstract (as one Astro process would spend it, cold: no
 * formula rendered before), the formulas found and the ones left as text, and how much a
 * paper page with math grows (gzip bytes of the rendered title and abstract, with the hidden
 * TeX and the "TeX source" block, over the plain text). A benchmark: it asserts nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { renderPieces, type RenderedPiece } from '../src/site/math/render-pieces.ts';
import { findMath } from '../src/site/math/find-math.ts';

const data = join(import.meta.dirname, '..', '..', 'shared', 'data', 'arxiv-2026q1.jsonl');
const entries = readFileSync(data, 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as { id: string; title: string; abstract: string });

const escape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
/** Entry text as MathText.astro writes it. */
const asHtml = (pieces: RenderedPiece[]) =>
  pieces
    .map((piece) =>
      piece.kind === 'text'
        ? escape(piece.text)
        : `<span class="math"><span class="math-tex" aria-hidden="true">${escape(piece.source)}</span>${piece.html}</span>`,
    )
    .join('');

const started = performance.now();
const rendered = entries.map((entry) => ({ entry, title: renderPieces(entry.title), abstract: renderPieces(entry.abstract) }));
const ms = performance.now() - started;

const found = entries.reduce(
  (sum, entry) => sum + [entry.title, entry.abstract].flatMap(findMath).filter((piece) => piece.kind === 'math').length,
  0,
);
const shown = rendered.reduce((sum, paper) => sum + [...paper.title, ...paper.abstract].filter((piece) => piece.kind === 'math').length, 0);
const growth = rendered
  .filter((paper) => [...paper.title, ...paper.abstract].some((piece) => piece.kind === 'math'))
  .map(({ entry, title, abstract }) => {
    const plain = escape(`${entry.title}\n${entry.abstract}`);
    const html = `${asHtml(title)}\n${asHtml(abstract)}<pre>${plain}</pre>`;
    return gzipSync(html, { level: 9 }).length - gzipSync(plain, { level: 9 }).length;
  })
  .sort((a, b) => a - b);
const at = (share: number) => growth[Math.floor(share * (growth.length - 1))];

console.log(
  `${entries.length} papers, ${growth.length} with math: ${found} formulas found, ${shown} rendered, ${found - shown} shown as written (KaTeX could not render them)`,
);
console.log(`KaTeX: ${ms.toFixed(0)} ms in all, ${(ms / entries.length).toFixed(3)} ms per paper`);
console.log(`a paper page with math grows by (gzip bytes): median ${at(0.5)}, 90th percentile ${at(0.9)}, largest ${at(1)}`);
