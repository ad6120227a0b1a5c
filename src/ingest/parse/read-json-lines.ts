/**
 * I/O: reads a JSON Lines file line by line from a stream, so a large archive's text is never
 * in memory whole (nor its array of lines): only the bytes last read, the current line and the
 * entries read so far. Gives exactly what `parseNativeJsonLines(decodeSource(bytes).text)` gives.
 */
import { createReadStream } from 'node:fs';
import type { Problem } from '../../messages/errors.ts';
import { inflatedChunks } from './gunzip-source.ts';
import { collect, parseJsonLine } from './parse-native-json.ts';
import type { ParseResult, RawEntry } from './raw-entry.ts';
import { NotStreamable, sourceLines } from './source-lines.ts';

/** Options for streaming a file. */
export interface StreamOptions {
  /** Bytes read at a time. Default 64 KiB; tests use a few bytes to cut lines and characters anywhere. */
  readonly highWaterMark?: number | undefined;
}

/** The bytes of `file` as they are read, inflated when `gzipped` (src/ingest/parse/gunzip-source.ts). */
function sourceBytes(file: string, gzipped: boolean, options: StreamOptions): AsyncIterable<Uint8Array> & { destroy?: () => void } {
  const highWaterMark = options.highWaterMark ?? 64 * 1024;
  return gzipped ? inflatedChunks(file, { highWaterMark }) : createReadStream(file, { highWaterMark });
}

/**
 * The entries and problems of the JSON Lines file `file` (gzipped, with `gzipped`), or
 * `'read whole'` when its bytes are UTF-16 or not valid UTF-8: the whole-file reader then gives
 * the same result, with `decodeSource`'s message naming the byte. A read error is thrown, as
 * `readFile` would, and so is a `GzipProblem` (a damaged gzip file, or one that inflates too far).
 */
export async function readJsonLines(file: string, options: StreamOptions = {}, gzipped = false): Promise<ParseResult | 'read whole'> {
  const results: (RawEntry | Problem)[] = [];
  const stream = sourceBytes(file, gzipped, options);
  let line = 0;
  try {
    for await (const raw of sourceLines(stream)) {
      line += 1;
      results.push(...parseJsonLine(raw, file, line));
    }
  } catch (error) {
    if (error instanceof NotStreamable) return 'read whole';
    throw error;
  } finally {
    stream.destroy?.();
  }
  return collect(results);
}
