/** Reading `Range` and `If-Range` against a file of 100 bytes (RFC 9110 §14). */
import { describe, expect, it } from 'vitest';
import { requestedRange } from '../../src/serve/byte-range.ts';

const ETAG = 'W/"2s-abc"';
const range = (value: string | undefined, size = 100, ifRange?: string) =>
  requestedRange(
    { ...(value === undefined ? {} : { range: value }), ...(ifRange === undefined ? {} : { 'if-range': ifRange }) },
    size,
    ETAG,
  );

describe('requestedRange', () => {
  it('reads the three forms of one range, and clamps an end past the file', () => {
    expect(range('bytes=0-9')).toEqual({ kind: 'part', start: 0, end: 9 });
    expect(range('bytes=90-')).toEqual({ kind: 'part', start: 90, end: 99 });
    expect(range('bytes=-5')).toEqual({ kind: 'part', start: 95, end: 99 });
    expect(range('bytes=-500')).toEqual({ kind: 'part', start: 0, end: 99 });
    expect(range('bytes=95-1000')).toEqual({ kind: 'part', start: 95, end: 99 });
    expect(range('bytes=99-99')).toEqual({ kind: 'part', start: 99, end: 99 });
    expect(range('Bytes = 0 - 9')).toEqual({ kind: 'part', start: 0, end: 9 });
  });

  it('finds a range that starts past the end, or asks for no bytes, unsatisfiable', () => {
    for (const value of ['bytes=100-', 'bytes=100-200', 'bytes=-0', `bytes=${'9'.repeat(400)}-`])
      expect(range(value), value).toEqual({ kind: 'unsatisfiable' });
    expect(range('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
  });

  it('sends the whole file for no range, several ranges, one it cannot read, or another version', () => {
    for (const value of [undefined, 'bytes=0-1,5-6', 'bytes=5-2', 'bytes=-', 'items=0-9', 'bytes=a-b', 'bytes=0-9;'])
      expect(range(value), String(value)).toEqual({ kind: 'whole' });
    expect(range('bytes=-5', 0)).toEqual({ kind: 'whole' });
    expect(range('bytes=0-9', 100, 'W/"another"')).toEqual({ kind: 'whole' });
    expect(range('bytes=0-9', 100, 'Wed, 21 Oct 2015 07:28:00 GMT')).toEqual({ kind: 'whole' });
    expect(range('bytes=0-9', 100, ETAG)).toEqual({ kind: 'part', start: 0, end: 9 });
  });
});
