/**
 * I/O: the archive as one download, `papershelf-archive.jsonl.gz` at the top of the site: every
 * paper in the native entry format (src/site/formats/archive-dataset.ts), gzipped with the same
 * bytes for the same papers (labelled-gzip.ts). The home page shows its size, so it is made
 * before the pages are planned, while the search index and the cards are made.
 *
 * Its hash covers the text and what else its bytes depend on (the header's comment, the zlib
 * that deflates it); a build whose hash the last build recorded, and whose file there is still
 * the one it wrote, keeps that file, so an unchanged archive keeps a byte-identical download
 * without deflating it again. The text made to hash it is kept for deflating while it is small
 * (`KEPT_TEXT`); past that it is made again rather than held whole: at 100,000 papers it is
 * some 170 MB.
 */
import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Paper } from '../../schema/paper.ts';
import { DATASET_FILE, datasetPieces, type DatasetSummary } from '../../site/formats/archive-dataset.ts';
import type { LastBuild } from '../build-context.ts';
import type { FileDigest } from '../offline/digest-files.ts';
import { labelledGzip } from './labelled-gzip.ts';

/** Bumped when the download's format changes in a way its text does not show. */
const FORMAT = 1;
/** Characters of text kept between hashing and deflating (some 35,000 papers); a larger archive's text is made twice. */
const KEPT_TEXT = 64 * 2 ** 20;

/** What `writeDataset` needs. */
export interface WriteDatasetOptions {
  /** The folder that receives the archive. */
  readonly into: string;
  /** The address the archive is published at (site and base), named in the file's header. */
  readonly address: string;
  /** The last build of the same destination, whose download stays when nothing changed. */
  readonly last?: LastBuild | undefined;
}

/** The download this build has. */
export interface WrittenDataset {
  /** What the home page says of it. */
  readonly summary: DatasetSummary;
  /** The hash of its inputs, for the build record. */
  readonly hash: string;
  /** True when the last build's file stays; false when it was written into `into`. */
  readonly reused: boolean;
  /** The digest of the file written, by path (empty when reused), for the ledger. */
  readonly digests: ReadonlyMap<string, FileDigest>;
}

/** The comment in the file's gzip header: what it is, where it comes from, how to build it back. */
export const datasetComment = (address: string): string =>
  `Papershelf archive of ${address}: every paper, one JSON entry a line (the native entry format). ` +
  `Build it back: npx papershelf build ${DATASET_FILE} --out <folder>`;

/** A turn of the event loop, so Pagefind's answers and the worker threads are heard between pieces. */
const turn = () => new Promise((resolve) => setImmediate(resolve));

/** Yields `pieces`, giving the event loop a turn before each. */
async function* withTurns(pieces: Iterable<string>): AsyncGenerator<string> {
  for (const piece of pieces) {
    await turn();
    yield piece;
  }
}

/** The hash of the download of `papers`, whose header names `address`, and its text while that is small. */
async function datasetHash(papers: readonly Paper[], address: string): Promise<{ hash: string; text: string[] | null }> {
  const hash = createHash('sha256').update(`${FORMAT}\0${process.versions.zlib}\0${datasetComment(address)}\0`);
  let text: string[] | null = [];
  let length = 0;
  for await (const piece of withTurns(datasetPieces(papers))) {
    hash.update(piece);
    length += piece.length;
    if (text && length <= KEPT_TEXT) text.push(piece);
    else text = null;
  }
  return { hash: hash.digest('base64url').slice(0, 22), text };
}

/** The size of the last build's download, when its file is still the one it recorded. */
async function keptSize(last: LastBuild): Promise<number | null> {
  const known = last.record.files[DATASET_FILE];
  const found = await stat(join(last.dir, DATASET_FILE)).catch(() => null);
  return known && found && found.size === known.size && found.mtimeMs === known.mtimeMs ? known.size : null;
}

/** The gzipped download of `papers` (or of its `text`, when made already), as it comes; `astro dev` serves it from memory. */
export function datasetGzip(papers: readonly Paper[], address: string, text?: readonly string[] | null): AsyncGenerator<Uint8Array> {
  return labelledGzip(withTurns(text ?? datasetPieces(papers)), datasetComment(address));
}

/** Writes the download of `papers` (in the archive's order, newest first) into `options.into`, or keeps the last build's. */
export async function writeDataset(papers: readonly Paper[], options: WriteDatasetOptions): Promise<WrittenDataset> {
  const { hash, text } = await datasetHash(papers, options.address);
  const { last } = options;
  if (last && last.record.dataset === hash) {
    const bytes = await keptSize(last);
    if (bytes !== null) return { summary: { bytes, papers: papers.length }, hash, reused: true, digests: new Map() };
  }
  const file = join(options.into, DATASET_FILE);
  const contentHash = createHash('sha256');
  let bytes = 0;
  const handle = await open(file, 'w');
  try {
    for await (const chunk of datasetGzip(papers, options.address, text)) {
      contentHash.update(chunk);
      bytes += chunk.length;
      await handle.write(chunk);
    }
    const { mtimeMs } = await handle.stat();
    const digest: FileDigest = { size: bytes, mtimeMs, hash: contentHash.digest('hex') };
    return { summary: { bytes, papers: papers.length }, hash, reused: false, digests: new Map([[DATASET_FILE, digest]]) };
  } finally {
    await handle.close();
  }
}
