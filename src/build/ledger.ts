/**
 * The ledger of a build: every file it wrote and read in full (pages, data files, cards), by
 * path, with its digest as made. The steps that write files add to it; the offline step takes
 * its digests instead of reading those files again.
 */
import type { FileDigest } from './offline/digest-files.ts';

/** The files a build wrote, by path (relative, `/`-separated). */
export class Ledger {
  readonly #files = new Map<string, FileDigest>();

  /** Adds files, each with its digest. */
  add(files: ReadonlyMap<string, FileDigest>): void {
    for (const [path, digest] of files) this.#files.set(path, digest);
  }

  /** Every file added, with its digest. */
  get files(): ReadonlyMap<string, FileDigest> {
    return this.#files;
  }
}
