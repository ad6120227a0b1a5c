/**
 * I/O: the paper index, a cache beside the papers folder (`.papers-index.json`). For each paper
 * file it records the identity key, the digest of the inputs the file was rendered from, a
 * hash of the file's bytes, and the file's stamp (inode, size, modification and change time).
 * While the stamp matches, the file is known to hold those bytes without being opened; when it
 * does not (the folder was copied, or the file touched), a file whose bytes still hash the same
 * is known all the same. Any change to a file's bytes changes its change time at least (an
 * editor, `touch`, `cp -p` alike), and a missing, unreadable or stale index only makes the next
 * ingest slower.
 */
import { hash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** What the index knows of one paper file. */
export interface IndexRecord {
  /** The identity key of the paper in the file (`identityKey` of its front matter). */
  readonly key: string;
  /** The digest of what the file was rendered from (see `paperDigest`). */
  readonly digest: string;
  /** The hash of the file's text (see `textHash`). */
  readonly hash: string;
  /** The file's stamp when the record was made (see `fileStamp`). */
  readonly stamp: string;
}

/** The index as read: its records by slug, and when it was written (ns since the epoch). */
export interface PaperIndex {
  readonly records: ReadonlyMap<string, IndexRecord>;
  readonly writtenAt: bigint;
}

/** Bumped when the file's layout changes; an index of another format is ignored. */
const FORMAT = 1;
const FIELDS = 4;

/** Where the index of the papers folder `dir` lives. */
export function indexPath(dir: string): string {
  return join(dirname(dir), `.${basename(dir)}-index.json`);
}

/** `inode:size:mtime:ctime` of a file (times in ns), or null when there is none. */
export function fileStamp(path: string): string | null {
  const stats = statSync(path, { bigint: true, throwIfNoEntry: false });
  return stats ? `${stats.ino}:${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}` : null;
}

/** True when two stamps describe the same content: same inode, size and modification time (a rename changes only the change time). */
export function sameContent(a: string, b: string): boolean {
  return a.slice(0, a.lastIndexOf(':')) === b.slice(0, b.lastIndexOf(':'));
}

/** The hash of a paper file's text. */
export function textHash(text: string): string {
  return hash('sha256', text, 'base64url').slice(0, 22);
}

/** Reads the index of `dir`; anything unreadable is an empty index. */
export function readIndex(dir: string): PaperIndex {
  const path = indexPath(dir);
  try {
    const writtenAt = statSync(path, { bigint: true }).mtimeNs;
    const data = JSON.parse(readFileSync(path, 'utf8')) as { format?: unknown; papers?: Record<string, unknown> };
    if (data.format !== FORMAT || typeof data.papers !== 'object' || data.papers === null) return empty();
    const records = new Map<string, IndexRecord>();
    for (const [slug, fields] of Object.entries(data.papers)) {
      if (!Array.isArray(fields) || fields.length !== FIELDS || !fields.every((field) => typeof field === 'string')) continue;
      const [key, digest, hash, stamp] = fields as [string, string, string, string];
      records.set(slug, { key, digest, hash, stamp });
    }
    return { records, writtenAt };
  } catch {
    return empty();
  }
}

const empty = (): PaperIndex => ({ records: new Map(), writtenAt: 0n });

/**
 * True when the stamp alone shows that a file is as `record` describes it. A file modified in
 * the same clock tick as the index was written could have been changed again after it without
 * its stamp showing it, so its stamp is not enough (as Git treats a "racily clean" entry).
 */
export function stampVouches(index: PaperIndex, record: IndexRecord, stamp: string): boolean {
  if (record.stamp !== stamp) return false;
  const modified = BigInt(stamp.split(':')[2] ?? '0');
  return modified < index.writtenAt;
}

/** Writes the index of `dir`: a temporary file, renamed into place. */
export function writeIndex(dir: string, records: ReadonlyMap<string, IndexRecord>): void {
  const papers: Record<string, [string, string, string, string]> = {};
  for (const slug of [...records.keys()].sort()) {
    const { key, digest, hash, stamp } = records.get(slug)!;
    papers[slug] = [key, digest, hash, stamp];
  }
  const path = indexPath(dir);
  writeFileSync(`${path}.tmp`, `${JSON.stringify({ format: FORMAT, papers })}\n`);
  renameSync(`${path}.tmp`, path);
}

/** Removes a temporary index an interrupted write left. */
export function removeIndexLeftovers(dir: string): void {
  rmSync(`${indexPath(dir)}.tmp`, { force: true });
}
