/**
 * Answers one request for an archive, as the static hosts it is published to would: GET and
 * HEAD only; folders by their `index.html`; unknown paths with the archive's `404.html`;
 * text gzipped; ETags and 304s; byte ranges.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { messageLine } from '../messages/message.ts';
import { CouldNotSend, ServerError } from '../messages/messages.ts';
import { nodeArchiveFs, type ArchiveFs } from './archive-fs.ts';
import { requestedRange } from './byte-range.ts';
import { contentType, isCompressible } from './content-types.ts';
import { isNotThere, openArchiveFile, type Found } from './open-archive-file.ts';
import { answerFailure, answerText, redirect } from './plain-answers.ts';
import { folderLocation, parseRequestPath } from './request-path.ts';
import { sendFile } from './send-file.ts';

/** What the handler serves, and how. */
export interface ArchiveHandlerOptions {
  /** The archive folder. */
  readonly root: string;
  /** The path it is served under, starting and ending with `/`. */
  readonly base: string;
  /** The file system. Default: the real one (tests pass one that fails). */
  readonly fs?: ArchiveFs | undefined;
  /** Told of each error other than "not found". Default: one line on standard error. */
  readonly onError?: ((error: unknown, url: string) => void) | undefined;
}

/**
 * Files named by their content hash (Astro's `_astro/`) never change, so browsers keep them
 * without asking; everything else is asked about each time and answered 304 while unchanged,
 * as static hosts do.
 */
const HASHED = /(^|\/)_astro\//;

/** A request handler for `http.createServer` serving the archive `options.root`. */
export function archiveHandler(options: ArchiveHandlerOptions): (request: IncomingMessage, response: ServerResponse) => void {
  const { root, base } = options;
  const fs = options.fs ?? nodeArchiveFs;
  const report = options.onError ?? printServeError;
  return (request, response) => {
    const url = request.url ?? '/';
    const onError = (error: unknown) => {
      if (!isNotThere(error)) report(error, url);
    };
    answer(request, response, { root, base, fs, onError }).catch((error: unknown) => {
      onError(error);
      answerFailure(response, error);
    });
  };
}

interface Context {
  readonly root: string;
  readonly base: string;
  readonly fs: ArchiveFs;
  readonly onError: (error: unknown) => void;
}

async function answer(request: IncomingMessage, response: ServerResponse, context: Context): Promise<void> {
  // The server only reads: a form posted here is a mistake worth seeing, not a 200.
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    answerText(response, 405, `${request.method} is not allowed: papershelf serve only reads the archive (GET, HEAD).`, {
      allow: 'GET, HEAD',
    });
    return;
  }
  const asked = parseRequestPath(request.url ?? '/', context.base);
  if (asked.kind === 'base') return redirect(response, asked.location);
  if (asked.kind === 'inside') {
    const found = await openArchiveFile(context.root, asked, context.fs);
    // Redirected so that the folder's relative links resolve.
    if (found.kind === 'folder') return redirect(response, folderLocation(context.base, asked));
    if (found.kind === 'file') return sendFound(request, response, found, context);
  }
  const notFound = await openArchiveFile(context.root, { segments: ['404.html'], folder: false }, context.fs);
  if (notFound.kind === 'file') return sendFound(request, response, notFound, context, 404);
  answerText(response, 404, 'Not found');
}

/** Sends a file found in the archive: the one asked for (200), or the 404 page. */
function sendFound(
  request: IncomingMessage,
  response: ServerResponse,
  found: Found & { kind: 'file' },
  context: Context,
  status = 200,
): void {
  const { file, info, name } = found;
  const wanted = status === 200;
  const etag = `W/"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"`;
  const headers: OutgoingHttpHeaders = {
    'content-type': contentType(name),
    'cache-control': wanted && HASHED.test(name) ? 'public, max-age=31536000, immutable' : 'no-cache',
    vary: 'accept-encoding',
    ...(wanted ? { etag, 'accept-ranges': 'bytes' } : {}),
  };
  const send = { headers, status, gzip: false, body: request.method !== 'HEAD', onError: context.onError };
  if (wanted && matchesEtag(request.headers['if-none-match'], etag)) return sendFile(response, file, { ...send, status: 304, body: false });
  const range = wanted ? requestedRange(request.headers, info.size, etag) : null;
  if (range?.kind === 'unsatisfiable') {
    return sendFile(response, file, {
      ...send,
      status: 416,
      headers: { ...headers, 'content-range': `bytes */${info.size}` },
      length: 0,
      body: false,
    });
  }
  if (range?.kind === 'part') {
    // Ranges count bytes of the file as stored, so they are sent uncompressed.
    const { start, end } = range;
    return sendFile(response, file, {
      ...send,
      status: 206,
      headers: { ...headers, 'content-range': `bytes ${start}-${end}/${info.size}` },
      range,
      length: end - start + 1,
    });
  }
  // Compressed as every static host does, so what a reader's browser transfers here is what it would there.
  const gzip = isCompressible(name) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
  sendFile(response, file, { ...send, headers: gzip ? { ...headers, 'content-encoding': 'gzip' } : headers, gzip, length: info.size });
}

/** Whether `If-None-Match` names `etag` (weakly: `W/` aside) or is `*`. */
function matchesEtag(header: string | undefined, etag: string): boolean {
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header !== undefined && header.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

/** The default `onError`: one line on standard error, where `papershelf serve` runs. */
export function printServeError(error: unknown, url: string): void {
  const message = error instanceof Error ? error.message : String(error);
  const line = url === '' ? messageLine(ServerError, message) : messageLine(CouldNotSend, url, message);
  process.stderr.write(`${line}\n`);
}
