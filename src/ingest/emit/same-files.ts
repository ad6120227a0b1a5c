/** I/O: whether two files hold the same bytes, read a part at a time. */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * True when the file `path` holds what the file `from` holds (never when `from` cannot be
 * read: copying it then says why), compared a megabyte at a time so neither file is ever
 * in memory whole.
 */
export function sameFiles(path: string, from: string): boolean {
  const opened: number[] = [];
  const openFile = (file: string) => {
    const fd = openSync(file, 'r');
    opened.push(fd);
    return fd;
  };
  try {
    const target = openFile(path);
    let source: number;
    try {
      source = openFile(from);
      if (!fstatSync(source).isFile()) throw new Error('not a file');
    } catch {
      return false;
    }
    if (fstatSync(target).size !== fstatSync(source).size) return false;
    const a = Buffer.alloc(COMPARE_CHUNK);
    const b = Buffer.alloc(COMPARE_CHUNK);
    for (;;) {
      const length = readChunk(target, a);
      if (length !== readChunk(source, b) || !a.subarray(0, length).equals(b.subarray(0, length))) return false;
      if (length < COMPARE_CHUNK) return true;
    }
  } catch {
    return false;
  } finally {
    for (const fd of opened) closeSync(fd);
  }
}

const COMPARE_CHUNK = 1 << 20;

/** Fills `buffer` from `fd`'s position (fewer bytes only at the end of the file); returns how many it read. */
function readChunk(fd: number, buffer: Buffer): number {
  let length = 0;
  while (length < buffer.length) {
    const read = readSync(fd, buffer, length, buffer.length - length, null);
    if (read === 0) break;
    length += read;
  }
  return length;
}
