/** The short answers that carry no file of the archive: redirects, errors, "not found". */
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { isNotThere } from './open-archive-file.ts';

/** Answers with `status` and a one-line text body (left out for HEAD, by Node). */
export function answerText(response: ServerResponse, status: number, text: string, headers: OutgoingHttpHeaders = {}): void {
  const body = `${text}\n`;
  response
    .writeHead(status, {
      'content-type': 'text/plain; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      'cache-control': 'no-store',
      ...headers,
    })
    .end(body);
}

/** A permanent redirect to `location`, a path on this origin. */
export function redirect(response: ServerResponse, location: string): void {
  response.writeHead(301, { location }).end();
}

/**
 * Answers a request whose look-up or read failed with `error`: "not found" for a file that is
 * not there (a rebuild removed it), 500 for one that cannot be read. When part of the response
 * is out already, it is cut instead, so the client sees a broken transfer, never a short file
 * passed off as whole.
 */
export function answerFailure(response: ServerResponse, error: unknown): void {
  if (response.headersSent) {
    cut(response);
    return;
  }
  for (const name of response.getHeaderNames()) response.removeHeader(name);
  if (isNotThere(error)) answerText(response, 404, 'Not found');
  else
    answerText(
      response,
      500,
      `Could not read this file${errorCode(error)}. Reload to try again; the terminal running papershelf serve says more.`,
    );
}

/**
 * Ends a response that cannot be completed by closing its connection, once what was written
 * has gone out (Node holds a first write back until the next tick): the client gets the bytes
 * sent so far, and sees the transfer broken.
 */
export function cut(response: ServerResponse): void {
  if (response.socket) response.socket.destroySoon();
  else response.destroy();
}

/** ` (EIO)`, or nothing when the error has no code. */
function errorCode(error: unknown): string {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? ` (${error.code})` : '';
}
