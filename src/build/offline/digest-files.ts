/**
 * I/O: the size, modification time and SHA-256 of files, for the offline version. Run by
 * `writeOfflineFiles` in worker threads or in its own; a file whose size and modification time
 * still match what an earlier build recorded is not read again.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What a build records about one output file, to be passed back as `known` next time. */
export interface FileDigest {
  /** Bytes. */
  readonly size: number;
  /** Last modification, as `fs.Stats.mtimeMs`. */
  readonly mtimeMs: number;
  /** SHA-256 of the content, lowercase hex. */
  readonly hash: string;
}

/** The digest of a file's `bytes`, read or just written, whose modification time is `mtimeMs`. */
export function digestOf(bytes: Uint8Array | string, mtimeMs: number): FileDigest {
  const size = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length;
  return { size, mtimeMs, hash: createHash('sha256').update(bytes).digest('hex') };
}

/** Reads `file` whole, with its digest. Synchronous, for worker threads. */
export function readDigested(file: string): { bytes: Buffer; digest: FileDigest } {
  const fd = openSync(file, 'r');
  try {
    // The time is taken before reading: a write during the read changes it, so next time the file is read again.
    const { mtimeMs } = fstatSync(fd);
    const bytes = readFileSync(fd);
    return { bytes, digest: digestOf(bytes, mtimeMs) };
  } finally {
    closeSync(fd);
  }
}

/** One file to digest, relative to the folder, with what an earlier build recorded for it, if anything. */
export interface DigestRequest {
  readonly path: string;
  readonly known?: FileDigest | undefined;
}

/** Digests `files` under `site.dir`, in order, trusting each `known` digest whose size and modification time still match. */
export function digestFiles(site: { readonly dir: string }, files: readonly DigestRequest[]): FileDigest[] {
  // Synchronous: in a worker nothing else waits, and per-file promises cost more than the reads (measured).
  return files.map(({ path, known }) => {
    const file = join(site.dir, path);
    if (known) {
      const stats = statSync(file);
      if (stats.size === known.size && stats.mtimeMs === known.mtimeMs) return known;
    }
    return readDigested(file).digest;
  });
}
