/**
 * `papershelf serve [dir]`: serves a built archive on 127.0.0.1 with no dependencies, for
 * readers who prefer a local server and for the browser tests. Folders answer with their
 * `index.html`, unknown paths with the archive's `404.html`, and nothing outside `dir` is
 * ever read, symlinks included. An archive built for a base path is served under it, as its
 * host will serve it (GitHub Pages: `/<repo>/`): every other path is not found. The server
 * stays up through a rebuild of `dir`: a file that vanishes mid-request is looked up again,
 * and a read that fails answers that request alone with an error. The steps are in `serve/`.
 */
import { createServer, type Server } from 'node:http';
import { resolve } from 'node:path';
import { archiveHandler, printServeError } from './handle-request.ts';

/** Options for serving. */
export interface ServeOptions {
  /** The port; 0 picks a free one. Default 4321. */
  readonly port?: number;
  /** The path the archive was built for (`PAPERSHELF_BASE`). Default `/`. */
  readonly base?: string;
  /** Told of each error other than "not found" (`url` is empty for the server's own). Default: one line on standard error. */
  readonly onError?: (error: unknown, url: string) => void;
}

/**
 * Starts serving `dir`; resolves once listening, with the server and its URL. A port that
 * cannot be had rejects with Node's own error (`EADDRINUSE`, `EACCES`).
 */
export async function serveArchive(dir: string, options: ServeOptions = {}): Promise<{ server: Server; url: string }> {
  const base = `/${options.base ?? ''}/`.replace(/\/+/g, '/');
  const server = createServer(archiveHandler({ root: resolve(dir), base, onError: options.onError }));
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 4321, '127.0.0.1', () => {
      server.off('error', fail);
      done();
    });
  });
  // Once listening, an error (too many open files to accept a connection) is told, not fatal.
  server.on('error', (error) => (options.onError ?? printServeError)(error, ''));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return { server, url: `http://127.0.0.1:${port}${base}` };
}
