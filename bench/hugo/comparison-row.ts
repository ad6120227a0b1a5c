/** How `npm run bench -- --hugo` prints the Hugo comparison: a header once, a row per size. Pure. */
import type { HugoFigures } from './compare-with-hugo.ts';

const seconds = (ms: number) => (ms / 1000).toFixed(1);

/** The header of the comparison rows. */
export const COMPARISON_HEADER =
  '  vs Hugo + Pagefind: papers | ours s | hugo s | pagefind s | hugo + pagefind s | ours / (hugo + pagefind) | peak process MB (hugo / pagefind) | peak tree MB | dist MB | dist files\n';

/**
 * One size's comparison. `oursMs` is our whole build (ingest + render + index) from scratch, as
 * Hugo's always is: the median of the runs, each into a new folder, as Hugo + Pagefind's is.
 */
export function comparisonRow(figures: HugoFigures, oursMs: number): string {
  return `  vs Hugo + Pagefind: ${[
    figures.papers,
    seconds(oursMs),
    seconds(figures.hugoMs),
    seconds(figures.pagefindMs),
    seconds(figures.totalMs),
    `${(oursMs / figures.totalMs).toFixed(2)}×`,
    `${figures.hugoPeakMb} / ${figures.pagefindPeakMb}`,
    figures.peakTreeMb,
    (figures.distBytes / 2 ** 20).toFixed(1),
    figures.distFiles,
  ].join(' | ')}\n`;
}
