/**
 * I/O: finds and opens the file a request path names in an archive folder. Folders answer with
 * their `index.html`. Symlinks are followed only while they stay inside the archive: every
 * path is resolved with realpath and checked against the archive's own real path.
 */
import { isAbsolute, join, relative, sep } from 'node:path';
import type { ArchiveFs, FileInfo, OpenFile } from './archive-fs.ts';

/** What a request finds. */
export type Found =
  /** An open file, what it is, and its name in the archive (`papers/x/index.html`), which sets its type. */
  | { readonly kind: 'file'; readonly file: OpenFile; readonly info: FileInfo; readonly name: string }
  /** A folder asked for without its trailing slash. */
  | { readonly kind: 'folder' }
  | { readonly kind: 'missing' };

/** What the request asked for: path segments under the base, and whether it ended with `/`. */
export interface Asked {
  readonly segments: readonly string[];
  readonly folder: boolean;
}

const MISSING: Found = { kind: 'missing' };
/** Found by the look-up, gone by the time it was opened. */
const VANISHED = Symbol('vanished');

/** Errors that mean "no such file here", as opposed to a file that cannot be read. */
const NOT_THERE = new Set(['ENOENT', 'ENOTDIR', 'ELOOP', 'ENAMETOOLONG', 'EISDIR']);

/** Whether `error` says the file is not there (rather than unreadable). */
export function isNotThere(error: unknown): boolean {
  return error instanceof Error && 'code' in error && NOT_THERE.has(String(error.code));
}

/**
 * Opens what `asked` names in the archive at `root`. Errors other than "not there" (a file
 * that cannot be read, too many open files) are thrown.
 */
export async function openArchiveFile(root: string, asked: Asked, fs: ArchiveFs): Promise<Found> {
  const found = await lookUp(root, asked, fs);
  if (found !== VANISHED) return found;
  // A rebuild replaces files by renaming them, so one that was there a moment ago may be back.
  const again = await lookUp(root, asked, fs);
  return again === VANISHED ? MISSING : again;
}

async function lookUp(root: string, asked: Asked, fs: ArchiveFs): Promise<Found | typeof VANISHED> {
  // The archive's own real path, each time: a rebuild swaps the whole folder.
  const top = await notThereAsNull(fs.realpath(root));
  if (top === null) return MISSING;
  let target = await statInside(top, join(top, ...asked.segments), fs);
  let name = asked.segments.join('/');
  if (target?.info.isDirectory()) {
    if (!asked.folder) return { kind: 'folder' };
    target = await statInside(top, join(target.path, 'index.html'), fs);
    name = [...asked.segments, 'index.html'].join('/');
  } else if (asked.folder) {
    // A file asked for as a folder (`/index.html/`): not found, as static hosts have it.
    return MISSING;
  }
  if (!target?.info.isFile()) return MISSING;
  const file = await notThereAsNull(fs.open(target.path));
  if (file === null) return VANISHED;
  // The open file is what will be sent, so its size and time are the ones that count.
  const info = await file.stat().catch(async (error: unknown) => {
    await file.close();
    throw error;
  });
  if (!info.isFile()) {
    await file.close();
    return VANISHED;
  }
  return { kind: 'file', file, info, name };
}

/**
 * The real path of `path` and what is there, or null when nothing is or when the real path is
 * outside `top` (a symlink leading out of the archive).
 */
async function statInside(top: string, path: string, fs: ArchiveFs): Promise<{ path: string; info: FileInfo } | null> {
  const real = await notThereAsNull(fs.realpath(path));
  if (real === null) return null;
  const inside = relative(top, real);
  if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return null;
  const info = await notThereAsNull(fs.stat(real));
  return info && { path: real, info };
}

/** The promise's value, or null when it fails because the file is not there. */
function notThereAsNull<T>(promise: Promise<T>): Promise<T | null> {
  return promise.catch((error: unknown) => {
    if (isNotThere(error)) return null;
    throw error;
  });
}
