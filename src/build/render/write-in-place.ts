/**
 * Astro writes each page it renders with `fs.promises.mkdir` and `fs.promises.writeFile`:
 * four trips to libuv's thread pool a page (make the folder, open, write, close), each a
 * hand-over between threads that costs more than the system call it carries. An Astro process
 * of ours renders pages and does nothing else meanwhile, so there the two calls do their work
 * in place instead, answering with the same promise as before. Astro's render takes less time
 * for it, and the build less time in the kernel (docs/benchmarks.md).
 *
 * Only what the synchronous calls do exactly the same is done in place: a path (string,
 * Buffer or URL) and a string or byte array. Anything else — a FileHandle, a stream, an
 * AbortSignal — goes to Node's own function.
 */
import fs from 'node:fs';

type Mkdir = typeof fs.promises.mkdir;
type WriteFile = typeof fs.promises.writeFile;

/** A path the synchronous calls take as the promise ones do. */
const isPath = (path: unknown): path is fs.PathLike => typeof path === 'string' || Buffer.isBuffer(path) || path instanceof URL;

/** Data `writeFileSync` writes exactly as `fs.promises.writeFile` would. */
const isWholeData = (data: unknown): data is string | NodeJS.ArrayBufferView => typeof data === 'string' || ArrayBuffer.isView(data);

/** Options without an AbortSignal (which only the promise calls honour). */
const isPlain = (options: unknown): boolean => typeof options !== 'object' || options === null || !('signal' in options);

/** `fs.promises.mkdir` that makes the folder in place. */
export function mkdirInPlace(original: Mkdir): Mkdir {
  return (async (path: fs.PathLike, options?: fs.MakeDirectoryOptions | fs.Mode | null) => {
    if (!isPath(path) || !isPlain(options)) return original(path, options as fs.MakeDirectoryOptions);
    return fs.mkdirSync(path, options as fs.MakeDirectoryOptions);
  }) as Mkdir;
}

/** `fs.promises.writeFile` that writes in place. */
export function writeFileInPlace(original: WriteFile): WriteFile {
  return (async (file: Parameters<WriteFile>[0], data: Parameters<WriteFile>[1], options?: Parameters<WriteFile>[2]) => {
    if (!isPath(file) || !isWholeData(data) || !isPlain(options)) return original(file, data, options);
    fs.writeFileSync(file, data, options as fs.WriteFileOptions);
  }) as WriteFile;
}

/** I/O: from now on, in this process, `fs.promises.mkdir` and `fs.promises.writeFile` work in place. */
export function writeInPlace(): void {
  fs.promises.mkdir = mkdirInPlace(fs.promises.mkdir);
  fs.promises.writeFile = writeFileInPlace(fs.promises.writeFile);
}
