/**
 * I/O: a file's format from its name and its first bytes only, so a format that is streamed
 * (JSON Lines) can be known before the file is read. `detectFormat` looks at no more than
 * `SNIFF` characters, and `HEAD_BYTES` always decode to more than that (a character takes at
 * most 3 bytes, a CRLF 2, plus a BOM and a cut character), so the answer is the one the whole
 * text would give.
 */
import { open } from 'node:fs/promises';
import { decodeSource } from './decode-source.ts';
import { detectFormat, SNIFF, type Format } from './detect-format.ts';
import { formatName, inflatedHead } from './gunzip-source.ts';

/** Bytes read to decide: at least `SNIFF` characters once decoded. */
export const HEAD_BYTES = 4 * SNIFF;

/**
 * The format of `file` by `detectFormat`, or null when nothing decides or the head is not
 * strict UTF-8 (or is UTF-16): the whole-file reader then decides and words the problem.
 * With `gzipped`, the head is that of the text the file inflates to (null when it does not
 * inflate), and its name counts without the `.gz`. A read error is thrown, as `readFile` would.
 */
export async function sniffFormat(file: string, gzipped = false): Promise<Format | null> {
  const head = gzipped ? await inflatedHead(file, HEAD_BYTES) : await readHead(file, HEAD_BYTES);
  if (head === null) return null;
  const text = head.length < HEAD_BYTES ? wholeText(head) : prefixText(head);
  return text === null ? null : detectFormat(formatName(file), text);
}

/** A file shorter than the head: decoded exactly as the whole-file reader does. */
function wholeText(bytes: Uint8Array): string | null {
  const decoded = decodeSource(bytes);
  return 'text' in decoded ? decoded.text : null;
}

/**
 * The first part of a longer file: a character cut at the end is left out, not an error. UTF-16
 * (whose byte-order mark is never UTF-8) gives null like any other byte that is not UTF-8.
 */
function prefixText(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes, { stream: true }).replace(/\r\n?/g, '\n');
  } catch {
    return null;
  }
}

/** Up to `size` bytes from the start of `file`. */
async function readHead(file: string, size: number): Promise<Uint8Array> {
  const handle = await open(file);
  try {
    const buffer = new Uint8Array(size);
    let length = 0;
    while (length < size) {
      const { bytesRead } = await handle.read(buffer, length, size - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}
