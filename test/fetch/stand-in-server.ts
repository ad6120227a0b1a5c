/** A stand-in for an API: an HTTP server on 127.0.0.1 (never a real host) that answers as each test scripts it, and records what it was asked. */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { afterEach } from 'vitest';
import type { AddressInfo } from 'node:net';

/** One request the stand-in received. */
export interface Received {
  /** The path and query, e.g. `/api/daily_papers?date=2026-12-05&limit=100`. */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  /** When it arrived, by `performance.now()`. */
  readonly at: number;
}

/** A running stand-in. */
export interface StandIn {
  /** Its origin, `http://127.0.0.1:<port>`. */
  readonly origin: string;
  readonly received: Received[];
  close(): Promise<void>;
}

/** Answers one request; `n` counts the requests so far, from 0. */
export type Answer = (request: Received, response: ServerResponse, n: number, raw: IncomingMessage) => void;

/** Starts a stand-in answering every request with `answer`. */
export async function standIn(answer: Answer): Promise<StandIn> {
  const received: Received[] = [];
  const server = createServer((raw, response) => {
    const request = { url: raw.url ?? '', headers: raw.headers, at: performance.now() };
    received.push(request);
    answer(request, response, received.length - 1, raw);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Sends `body` with `status` and `headers`. */
export function send(response: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(body);
}

/** Sends the start of `body` and then breaks the connection: a body cut off in transfer. */
export function sendCutOff(response: ServerResponse, body: string): void {
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) });
  response.write(body.slice(0, Math.floor(body.length / 2)));
  setTimeout(() => response.socket?.destroy(), 5);
}

/** Breaks the connection before any answer: a network error. */
export function hangUp(request: IncomingMessage): void {
  request.socket.destroy();
}

/**
 * Stand-ins for one test file, each closed after its test: `serve(answer)` starts one. Call it
 * while the file is collected, so the hook belongs to that file.
 */
export function standInsPerTest(): (answer: Answer) => Promise<StandIn> {
  let server: StandIn | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });
  return async (answer) => {
    server = await standIn(answer);
    return server;
  };
}
