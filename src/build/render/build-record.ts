/**
 * I/O: what a build leaves for the next one to compare against — every page's fingerprint,
 * every search bundle's and card's hash and every output file's digest — stored in the build's
 * private cache folder, never in the published archive. A missing or unreadable record only
 * means a full build.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import type { FileDigest } from '../offline/write-offline-files.ts';

/** The record of one finished build. */
export interface BuildRecord {
  /** Fingerprints by page path below the base (src/build/render/page-fingerprints.ts). */
  readonly pages: Record<string, string>;
  /** Hashes of each search bundle's records, by bundle folder (`pagefind/`…). */
  readonly search: Record<string, string>;
  /** Hashes of each link-preview card's inputs, by file path (src/build/cards/write-cards.ts). */
  readonly cards: Record<string, string>;
  /** The hash of the archive's download's inputs (src/build/dataset/write-dataset.ts); absent in a record from before it. */
  readonly dataset?: string | undefined;
  /** Digests of the output files, by path, as the offline step computed them. */
  readonly files: Record<string, FileDigest>;
}

const FORMAT = 2;

/** The record at `file`, or null when there is none or it is not one this version wrote. */
export async function readBuildRecord(file: string): Promise<BuildRecord | null> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as BuildRecord & { format?: number };
    return parsed.format === FORMAT ? parsed : null;
  } catch {
    return null;
  }
}

/** Writes `record` to `file` in one rename, so a cut-off write leaves the old record or none. */
export async function writeBuildRecord(file: string, record: BuildRecord): Promise<void> {
  await writeFile(`${file}.new`, JSON.stringify({ format: FORMAT, ...record }));
  await rename(`${file}.new`, file);
}
