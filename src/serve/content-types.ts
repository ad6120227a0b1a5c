/** What each kind of file in an archive is sent as, and which are worth compressing. */
import { extname } from 'node:path';

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
  '.ris': 'application/x-research-info-systems; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  // The archive's download: sent as the gzip file it is, never with a `Content-Encoding` a browser would undo.
  '.gz': 'application/gzip',
};

/** Types worth compressing: text. Pagefind's index and wasm files are gzipped already. */
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.xml', '.txt', '.svg', '.webmanifest', '.bib', '.ris', '.md']);

/** The `Content-Type` of a file, by its name's extension; unknown ones are plain bytes. */
export function contentType(name: string): string {
  return TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream';
}

/** Whether a file, by its name's extension, is text that gzip makes smaller. */
export function isCompressible(name: string): boolean {
  return COMPRESSIBLE.has(extname(name).toLowerCase());
}
