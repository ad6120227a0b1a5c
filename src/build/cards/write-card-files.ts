/**
 * I/O: draws cards and writes each to its file — the task `writeCards` runs on a worker
 * thread (src/build/workers/worker-tasks.ts) or in its own. Synchronous: in a worker nothing
 * else waits, and a card is little work.
 */
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { digestOf, type FileDigest } from '../offline/digest-files.ts';
import type { CardBrand, CardText } from './card-layout.ts';
import { drawPaperCard, drawSiteCard } from './draw-card.ts';

/** One card to draw: its path below the site folder, and a paper's text, or null for the site's card. */
export interface CardJob {
  readonly path: string;
  readonly text: CardText | null;
}

/** Draws and writes `jobs` under `site.dir` (their folders must exist), naming the archive `site.brand`; returns each card file's digest. */
export function writeCardFiles(
  site: { readonly dir: string; readonly brand?: CardBrand | undefined },
  jobs: readonly CardJob[],
): FileDigest[] {
  return jobs.map((job) => {
    const png = job.text ? drawPaperCard(job.text, site.brand) : drawSiteCard(site.brand);
    const file = join(site.dir, job.path);
    writeFileSync(file, png);
    return digestOf(png, statSync(file).mtimeMs);
  });
}
