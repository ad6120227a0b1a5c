/**
 * Bytes of a source file to text: strict UTF-8 (a byte that is not UTF-8 is an error naming
 * its offset, never a silent U+FFFD), UTF-16 by its byte-order mark, BOM removed, and CRLF or
 * lone CR line ends turned into LF so every later line number means the same thing.
 */
export function decodeSource(bytes: Uint8Array): { text: string } | { error: string } {
  let encoding = 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { error: `not valid ${encoding.toUpperCase()} (at byte ${firstInvalidUtf8(bytes)}); re-save the file as UTF-8` };
  }
  return { text: text.replace(/\r\n?/g, '\n') };
}

/** Offset of the first byte that breaks UTF-8, for the error message. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let low = 0;
  let high = bytes.length;
  // The longest valid prefix, found by bisection; stream mode tolerates a cut multi-byte char.
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      low = mid;
    } catch {
      high = mid - 1;
    }
  }
  // Stream mode accepts a trailing lead byte as "to be continued": report the sequence's start.
  for (let back = 1; back <= 3 && low - back >= 0; back += 1) {
    const byte = bytes[low - back]!;
    if ((byte & 0xc0) === 0xc0) return low - back;
    if ((byte & 0xc0) !== 0x80) break;
  }
  return low;
}
