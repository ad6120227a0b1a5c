/**
 * I/O: sends an open file of the archive as the response. A read that fails never takes the
 * server down, and never leaves the file open: see `answerFailure` for what the client gets.
 */
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { createGzip } from 'node:zlib';
import type { OpenFile } from './archive-fs.ts';
import { answerFailure, cut } from './plain-answers.ts';

/** How to send a file. */
export interface Sending {
  readonly status: number;
  readonly headers: OutgoingHttpHeaders;
  /** The bytes to send, both ends included. Default: all. */
  readonly range?: { readonly start: number; readonly end: number } | undefined;
  /** How many bytes the file (or range) has, sent as `Content-Length` unless compressed. Default: none sent. */
  readonly length?: number | undefined;
  /** Whether to compress it. */
  readonly gzip: boolean;
  /** Whether to send the bytes at all: not for HEAD, 304 or 416, which get the headers alone. */
  readonly body: boolean;
  /** Told of an error reading or closing the file. */
  readonly onError: (error: unknown) => void;
}

/** Sends `file` (which it closes) as `response`. */
export function sendFile(response: ServerResponse, file: OpenFile, sending: Sending): void {
  const { length, gzip } = sending;
  // Set, not written: until the first byte goes out, a failed read can still answer 500.
  response.statusCode = sending.status;
  for (const [name, value] of Object.entries(sending.headers)) if (value !== undefined) response.setHeader(name, value);
  if (length !== undefined && !gzip) response.setHeader('content-length', length);
  if (!sending.body) {
    file.close().catch(sending.onError);
    response.end();
    return;
  }
  const source = file.read(sending.range);
  const body = gzip ? source.pipe(createGzip()) : source;
  let sent = 0;
  let stopped = false;
  const stop = (error?: unknown) => {
    if (stopped) return;
    stopped = true;
    // Destroying the source closes the file, also when the client went away mid-transfer.
    source.destroy();
    body.destroy();
    if (error === undefined) return;
    sending.onError(error);
    answerFailure(response, error);
  };
  source.on('error', stop);
  body.on('error', stop);
  response.on('error', () => stop());
  response.on('close', () => stop());
  source.on('data', (chunk: Buffer) => (sent += chunk.length));
  body.pipe(response);
  // A file cut short while it was read (truncated in place) would leave the client waiting for
  // bytes `Content-Length` promised: cut the response instead.
  source.on('end', () => {
    if (length !== undefined && !gzip && sent < length) cut(response);
  });
}
