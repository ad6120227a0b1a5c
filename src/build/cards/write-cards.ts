/**
 * I/O: the link-preview card of every paper and the site's own (src/site/social-card.ts), drawn
 * into the site folder at build time. Each card's hash covers its text (title, authors, day)
 * and the cards' code version; a card whose hash the last build recorded, and whose file there
 * is still the one it wrote, stays there instead of being drawn again (an incremental build
 * updates the last build's folder in place) — adding a day to a large archive draws only that
 * day's cards. Drawing runs on a worker thread, beside the Astro
 * processes and the search indexing.
 */
import { createHash } from 'node:crypto';
import { mkdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { eachInBatches } from '../../fs/in-batches.ts';
import type { FileDigest } from '../offline/digest-files.ts';
import { mapInWorkers } from '../workers/worker-pool.ts';
import { paperCardPath, SITE_CARD_PATH } from '../../site/social-card.ts';
import type { Paper } from '../../schema/paper.ts';
import { cardVersion } from './card-version.ts';
import { type CardJob } from './write-card-files.ts';
import { DEFAULT_CARD_BRAND, type CardBrand } from './card-layout.ts';
import { sortDate } from '../../site/paper-dates.ts';
import type { BuildRecord } from '../render/build-record.ts';

/** What `writeCards` needs: where the site goes, and the last build to reuse cards from. */
export interface WriteCardsOptions {
  readonly into: string;
  readonly previous?: { readonly dir: string; readonly record: BuildRecord } | undefined;
  /** The archive's name and what it is, on every card; default Papershelf's. In every card's hash. */
  readonly brand?: CardBrand | undefined;
  /**
   * Worker threads. Default: one (none for fewer than 500 cards to draw) — rendering and
   * indexing already keep the cores busy, so more threads would not finish the build sooner.
   */
  readonly threads?: number | undefined;
}

/** The cards' hashes by path, for the build record, and how many cards there are and were drawn. */
export interface WrittenCards {
  readonly hashes: Record<string, string>;
  readonly cards: number;
  readonly drawn: number;
  /** The cards the last build's folder keeps, which it had recorded as they are. */
  readonly reused: readonly string[];
  /** The digest of each card file drawn, by path. */
  readonly digests: ReadonlyMap<string, FileDigest>;
}

const digest = (text: string): string => createHash('sha256').update(text).digest('base64url').slice(0, 22);

/** Whether the last build's file at `path` is still the one it recorded. */
async function unchangedFile(previous: NonNullable<WriteCardsOptions['previous']>, path: string): Promise<boolean> {
  const known = previous.record.files[path];
  const found = await stat(join(previous.dir, path)).catch(() => null);
  return Boolean(known && found && found.size === known.size && found.mtimeMs === known.mtimeMs);
}

/** Writes every card of `papers`, and the site's card, into `options.into`. */
export async function writeCards(papers: readonly Paper[], options: WriteCardsOptions): Promise<WrittenCards> {
  const version = await cardVersion();
  const jobs: CardJob[] = [
    { path: SITE_CARD_PATH, text: null },
    ...papers.map((paper) => ({
      path: paperCardPath(paper.slug),
      text: { title: paper.title, authors: paper.authors, date: sortDate(paper) },
    })),
  ];
  const hashes: Record<string, string> = {};
  const brand = JSON.stringify(options.brand ?? DEFAULT_CARD_BRAND);
  for (const job of jobs) hashes[job.path] = digest(`${version}\0${brand}\0${JSON.stringify(job.text)}`);
  const { previous } = options;
  const same = new Set<string>();
  if (previous) {
    const candidates = jobs.filter((job) => previous.record.cards[job.path] === hashes[job.path]);
    await eachInBatches(candidates, async (job) => void ((await unchangedFile(previous, job.path)) && same.add(job.path)));
  }
  const reused = jobs.filter((job) => same.has(job.path)).map((job) => job.path);
  const toDraw = jobs.filter((job) => !same.has(job.path));

  for (const folder of new Set(toDraw.map((job) => dirname(job.path)))) await mkdir(join(options.into, folder), { recursive: true });
  const written = await mapInWorkers(toDraw, {
    task: 'cards',
    shared: { dir: options.into, brand: options.brand },
    threads: options.threads ?? (toDraw.length < 500 ? 0 : 1),
    // Many cards a message: the thread keeps drawing while this one is busy planning.
    chunkSize: 1_000,
  });
  const digests = new Map(toDraw.map((job, n) => [job.path, written[n]!]));
  return { hashes, cards: jobs.length, drawn: toDraw.length, reused, digests };
}
