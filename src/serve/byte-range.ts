/** The part of a file a request asks for with `Range` (RFC 9110 §14), read (pure). */
import type { IncomingHttpHeaders } from 'node:http';

/** What to send of a file. `start` and `end` are byte offsets, both included. */
export type ByteRange =
  { readonly kind: 'whole' } | { readonly kind: 'unsatisfiable' } | { readonly kind: 'part'; readonly start: number; readonly end: number };

const WHOLE: ByteRange = { kind: 'whole' };
const UNSATISFIABLE: ByteRange = { kind: 'unsatisfiable' };

/** One range: `bytes=a-b`, `bytes=a-` or `bytes=-n`. */
const ONE_RANGE = /^bytes=(\d*)-(\d*)$/i;

/**
 * The range `headers` ask for of a file of `size` bytes whose ETag is `etag`. A server may
 * always answer with the whole file, and this one does when the request has no `Range`, one
 * it cannot read, or several ranges (a `multipart/byteranges` answer is more code than the
 * players and download tools that ask for ranges need), and when `If-Range` names another
 * version of the file.
 */
export function requestedRange(headers: IncomingHttpHeaders, size: number, etag: string): ByteRange {
  const range = headers.range?.replaceAll(/\s/g, '');
  if (range === undefined) return WHOLE;
  // Our ETags are weak, which RFC 9110 does not let If-Range match; but they change with the
  // file's size and time, and ranges are sent uncompressed, so an equal tag means equal bytes.
  const ifRange = headers['if-range'];
  if (ifRange !== undefined && ifRange !== etag) return WHOLE;
  const match = ONE_RANGE.exec(range);
  if (!match) return WHOLE;
  const [, first = '', last = ''] = match;
  if (first === '') {
    if (last === '') return WHOLE;
    const length = Number(last);
    // The last `n` bytes; all of them when the file is shorter. An empty file has no last byte
    // to start from, so it is sent whole (empty), as RFC 9110 §14.1.2 allows.
    if (size === 0) return WHOLE;
    return length === 0 ? UNSATISFIABLE : { kind: 'part', start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? Infinity : Number(last);
  // `bytes=5-2` is not a range: ignored, as RFC 9110 §14.2 says.
  if (end < start) return WHOLE;
  return start >= size ? UNSATISFIABLE : { kind: 'part', start, end: Math.min(end, size - 1) };
}
