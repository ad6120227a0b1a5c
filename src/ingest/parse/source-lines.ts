/**
 * The lines of a UTF-8 source as its bytes arrive, exactly as `decodeSource(bytes).text.split('\n')`
 * would give them — strict UTF-8, BOM removed, CRLF and lone CR ending a line like LF — with
 * only the current line held, never the whole text.
 */

/**
 * Thrown when a byte is not UTF-8 — including the first byte of a UTF-16 byte-order mark
 * (0xFF or 0xFE, never valid in UTF-8): the caller reads the file whole instead, so
 * `decodeSource` decodes UTF-16 or words the problem (with the byte's offset) as for any file.
 */
export class NotStreamable extends Error {}

/**
 * Yields each line of the text in `chunks` (without its line end). As with `split('\n')`, the
 * text after the last line end is the last line, even when it is empty.
 */
export async function* sourceLines(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  /** One line end: CRLF, a lone CR, or LF. Its own per call: readers of several files interleave. */
  const lineEnd = /\r\n?|\n/g;
  /** The line so far, in pieces: joining once per line keeps a long line linear. */
  let pieces: string[] = [];
  /** The last text seen ended with CR: an LF starting the next one belongs to that line end. */
  let afterCr = false;

  function* lines(text: string): Generator<string> {
    // A chunk that ends inside a character may decode to nothing yet.
    if (text === '') return;
    let start = 0;
    if (afterCr && text.charCodeAt(0) === 0x0a) start = 1;
    afterCr = false;
    lineEnd.lastIndex = start;
    for (let end = lineEnd.exec(text); end !== null; end = lineEnd.exec(text)) {
      pieces.push(text.slice(start, end.index));
      yield pieces.join('');
      pieces = [];
      start = lineEnd.lastIndex;
    }
    // A CR at the very end may be the first half of a CRLF split between chunks.
    afterCr = text.charCodeAt(text.length - 1) === 0x0d;
    if (start < text.length) pieces.push(text.slice(start));
  }

  const decode = (bytes?: Uint8Array): string => {
    try {
      return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
    } catch {
      throw new NotStreamable('not valid UTF-8');
    }
  };

  for await (const chunk of chunks) yield* lines(decode(chunk));
  yield* lines(decode());
  yield pieces.join('');
}
