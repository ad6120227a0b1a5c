/**
 * I/O: gzipped sources, such as an archive's own download (papershelf-archive.jsonl.gz), read
 * as the text they hold. A file is gzipped when its first bytes say so, whatever its name: a
 * browser that unpacked a download on the way keeps the `.gz` in its name, and a gzip file may
 * have lost it. Inflating is bounded: a few kilobytes can inflate to gigabytes (a "gzip bomb"),
 * so the bytes inflated are counted as they come and the file is refused, with the stream
 * stopped, once they pass `inflateLimit`. Memory then holds no more than a plain file of that
 * size would.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';

/**
 * A gzipped file inflates to at most this many times its own size… Real archives pack 3 to 1
 * (arXiv entries with abstracts) up to some 50 to 1 (titles only, every other field null);
 * a gzip bomb packs 1,000 to 1.
 */
export const INFLATE_RATIO = 100;
/** …or to this many bytes, when that is more, so that a small file is never refused for packing well. */
export const INFLATE_FLOOR = 16 * 2 ** 20;

/**
 * Why a gzipped source cannot be read, worded for the problem line naming the file; the
 * caller reports it as a problem of the whole file.
 */
export class GzipProblem extends Error {}

/** The most bytes a gzipped file of `compressed` bytes may inflate to. */
export const inflateLimit = (compressed: number): number => Math.max(INFLATE_FLOOR, INFLATE_RATIO * compressed);

/** The name a source's format is told by: without a final `.gz`, gzipped or not (`papers.jsonl.gz` → `papers.jsonl`). */
export const formatName = (file: string): string => file.replace(/\.gz$/i, '');

/** True when `file` starts with the two bytes every gzip file starts with (RFC 1952). A read error is thrown, as `readFile` would. */
export async function isGzipped(file: string): Promise<boolean> {
  const handle = await open(file);
  try {
    const head = new Uint8Array(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/** The problem of a file that inflates past its limit. */
function tooLarge(limit: number, compressed: number): GzipProblem {
  const mib = (bytes: number) => `${Math.floor(bytes / 2 ** 20)} MiB`;
  return new GzipProblem(
    `inflates to more than ${mib(limit)} from ${compressed.toLocaleString('en-US')} bytes, past the ${INFLATE_RATIO} to 1 (or ` +
      `${mib(INFLATE_FLOOR)}) a gzipped source may unpack to, so it was refused as a possible gzip bomb; ` +
      'if the file is genuine, unpack it (gunzip -k) and give the unpacked file',
  );
}

/** The problem of a file zlib cannot inflate: cut short, or not gzip past its first bytes. */
function unreadable(error: NodeJS.ErrnoException): GzipProblem {
  const cut = error.code === 'Z_BUF_ERROR';
  const what = cut ? 'is cut short' : `is damaged (${error.message})`;
  return new GzipProblem(`starts like a gzip file but ${what}; download or copy it again (\`gzip -t <file>\` tests a copy)`);
}

/** Options for inflating. */
export interface InflateOptions {
  /** Bytes read from the file at a time. Default 64 KiB. */
  readonly highWaterMark?: number | undefined;
  /** Stop, with no problem, once this many bytes came out. Default: read to the end. */
  readonly stopAfter?: number | undefined;
}

/**
 * The inflated bytes of the gzipped `file`, as they come. Throws a `GzipProblem` when the file
 * is damaged or inflates past `inflateLimit` of its size (the stream is stopped at once), and a
 * read error as `readFile` would.
 */
export async function* inflatedChunks(file: string, options: InflateOptions = {}): AsyncGenerator<Uint8Array> {
  const compressed = (await stat(file)).size;
  const limit = inflateLimit(compressed);
  const source = createReadStream(file, { highWaterMark: options.highWaterMark ?? 64 * 1024 });
  const gunzip = createGunzip();
  // A read error reaches the loop below through the gunzip stream; pipe() alone would lose it.
  source.on('error', (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  let inflated = 0;
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      inflated += chunk.length;
      if (inflated > limit) throw tooLarge(limit, compressed);
      yield chunk;
      if (options.stopAfter !== undefined && inflated >= options.stopAfter) return;
    }
  } catch (error) {
    // zlib's errors have codes of its own (`Z_DATA_ERROR`, `Z_BUF_ERROR`); a read error keeps its `ENOENT`.
    if ((error as NodeJS.ErrnoException).code?.startsWith('Z_')) throw unreadable(error as NodeJS.ErrnoException);
    throw error;
  } finally {
    source.destroy();
    gunzip.destroy();
  }
}

/** The whole inflated text of the gzipped `file`, for the formats read whole; bounded as `inflatedChunks`. */
export async function inflateWhole(file: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of inflatedChunks(file)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/**
 * The first `size` inflated bytes of the gzipped `file` (fewer when it holds fewer), or null
 * when even they cannot be inflated: the whole-file reader then words the problem.
 */
export async function inflatedHead(file: string, size: number): Promise<Uint8Array | null> {
  const chunks: Uint8Array[] = [];
  try {
    for await (const chunk of inflatedChunks(file, { stopAfter: size })) chunks.push(chunk);
  } catch (error) {
    if (error instanceof GzipProblem) return null;
    throw error;
  }
  return Buffer.concat(chunks).subarray(0, size);
}
