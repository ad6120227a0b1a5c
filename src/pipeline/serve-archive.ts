/**
 * `papershelf serve [dir]`: serves a built archive on 127.0.0.1 with no dependencies, for
 * readers who prefer a local server and for the browser tests. Folders answer with their
 * `index.html`, unknown paths with the archive's `404.html`, and nothing outside `dir` is
 * ever read. An archive built for a base path is served under it, as its host will serve
 * it (GitHub Pages: `/<repo>/`): every other path is not found.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { createGzip } from 'node:zlib';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.bib': 'text/x-bibtex; charset=utf-8',
};

/** Types worth compressing: text. Pagefind's index and wasm files are gzipped already. */
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.xml', '.txt', '.svg', '.webmanifest', '.bib']);

/** Options for serving. */
export interface ServeOptions {
  /** The port; 0 picks a free one. Default 4321. */
  readonly port?: number;
  /** The path the archive was built for (`PAPERSHELF_BASE`). Default `/`. */
  readonly base?: string;
}

/** Maps a request path to a file inside `root`, or null when it would leave it. */
function resolveFile(root: string, base: string, urlPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (!path.startsWith(base)) return null;
  const relative = normalize(path.slice(base.length)).replace(/^([/\\])+/, '');
  const file = join(root, relative);
  return file === root || file.startsWith(root + sep) ? file : null;
}

/** The file to answer with, and its validator: folders answer with their index.html. */
async function findFile(file: string): Promise<{ path: string; etag: string } | null> {
  let path = file;
  let info = await stat(path).catch(() => null);
  if (info?.isDirectory()) {
    path = join(file, 'index.html');
    info = await stat(path).catch(() => null);
  }
  return info?.isFile() ? { path, etag: `W/"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"` } : null;
}

/**
 * Files named by their content hash (Astro's `_astro/`) never change, so browsers keep them
 * without asking; everything else is asked about each time and answered 304 while unchanged,
 * as static hosts do.
 */
const HASHED = /\/_astro\//;

/** Starts serving `dir`; resolves once listening, with the server and its URL. */
export async function serveArchive(dir: string, options: ServeOptions = {}): Promise<{ server: Server; url: string }> {
  const root = normalize(dir).replace(/[/\\]+$/, '');
  const base = (options.base ?? '/').replace(/\/?$/, '/');
  const server = createServer(async (request, response) => {
    const requested = resolveFile(root, base, request.url ?? '/');
    const [path = '/', query] = (request.url ?? '/').split(/\?(.*)/s);
    // The base without its slash (`/papershelf`) is the home page, as on GitHub Pages.
    if (`${path}/` === base) {
      response.writeHead(301, { location: query === undefined ? base : `${base}?${query}` }).end();
      return;
    }
    // A folder asked for without its trailing slash: redirect, so relative links resolve.
    if (requested && !requested.endsWith('.html') && (await stat(requested).catch(() => null))?.isDirectory() && !(request.url ?? '').split('?')[0]!.endsWith('/')) {
      response.writeHead(301, { location: `${(request.url ?? '/').split('?')[0]}/` }).end();
      return;
    }
    const file = requested ? await findFile(requested) : null;
    if (file && request.headers['if-none-match'] === file.etag) {
      response.writeHead(304, { etag: file.etag }).end();
      return;
    }
    const status = file ? 200 : 404;
    const found = file ?? (await findFile(join(root, '404.html')));
    const body = found?.path ?? null;
    const type = extname(body ?? '.txt');
    // Compressed as every static host does, so what a reader's browser transfers here is what it would there.
    const gzip = body !== null && COMPRESSIBLE.has(type) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    response.writeHead(status, {
      'content-type': TYPES[type] ?? 'application/octet-stream',
      'cache-control': file && HASHED.test(file.path) ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...(file ? { etag: file.etag } : {}),
      vary: 'accept-encoding',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    if (request.method === 'HEAD' || !body) response.end(body ? undefined : 'Not found');
    else if (gzip) createReadStream(body).pipe(createGzip()).pipe(response);
    else createReadStream(body).pipe(response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4321, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return { server, url: `http://127.0.0.1:${port}${base}` };
}
