/**
 * The file-system calls serving an archive makes, behind one small interface so the tests can
 * make them fail as disks and rebuilds do; `nodeArchiveFs` is the real thing.
 */
import { constants } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';

/** What serving needs to know of a file or folder. */
export interface FileInfo {
  readonly size: number;
  readonly mtimeMs: number;
  isFile(): boolean;
  isDirectory(): boolean;
}

/** A file opened for reading. Either `read` it once or `close` it. */
export interface OpenFile {
  /** What the open file is now (it can differ from what `stat` said of its path a moment ago). */
  stat(): Promise<FileInfo>;
  /** Its bytes `start` to `end` (both included; default all); the stream closes the file when it ends or is destroyed. */
  read(range?: { readonly start: number; readonly end: number }): Readable;
  close(): Promise<void>;
}

/** The calls serving makes. */
export interface ArchiveFs {
  realpath(path: string): Promise<string>;
  stat(path: string): Promise<FileInfo>;
  open(path: string): Promise<OpenFile>;
}

/**
 * Paths are opened after `realpath` resolved them, so the last part is no symlink; refusing
 * one at open time keeps a symlink swapped in meanwhile from leading out. (Windows has no
 * such flag; there the realpath check stands alone.)
 */
const READ_NO_FOLLOW = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0);

/** I/O: the real file system. */
export const nodeArchiveFs: ArchiveFs = {
  realpath: (path) => realpath(path),
  stat: (path) => stat(path),
  async open(path) {
    const handle = await open(path, READ_NO_FOLLOW);
    return {
      stat: () => handle.stat(),
      read: (range) => handle.createReadStream({ ...range, autoClose: true }),
      close: () => handle.close(),
    };
  },
};
