/**
 * Turns the site's root-relative links (`/<base>/papers/x/`) into links relative to the page
 * that holds them (`../../papers/x/index.html`), so the archive works from any folder on disk.
 * Pure: works on strings only.
 */
import { withIndexHtml } from './with-index-html.ts';

/** A scheme (`https:`, `mailto:`, `data:`…) or a protocol-relative `//host`: not ours to change. */
const EXTERNAL = /^(?:[a-z][a-z\d+.-]*:|\/\/)/i;

/** The way from `pagePath` (a file path relative to the archive root, `/`-separated) back to the root: `''`, `../`, `../../`… */
export function relativeRoot(pagePath: string): string {
  return '../'.repeat(pagePath.split('/').length - 1);
}

/** How a rewritten URL ends: a link names its `index.html`; a prefix (a base for joining more path onto) stays a folder. */
export type UrlKind = 'link' | 'prefix';

/**
 * The URL `value`, found on the page at `pagePath`, made relative to that page. Only URLs
 * under the site `base` (which ends in `/`) change; external URLs, `mailto:`, query- or
 * hash-only URLs, and absolute paths outside the base are returned untouched. Relative URLs
 * stay relative but, as links, gain `index.html` when they name a folder. `?query` and
 * `#hash` stay as they are.
 */
export function relativeUrl(value: string, pagePath: string, base: string, kind: UrlKind = 'link'): string {
  // Browsers strip leading and trailing white space from URL attributes; so do we.
  const url = value.trim();
  if (url === '' || EXTERNAL.test(url)) return value;
  const cut = url.search(/[?#]/);
  const path = cut === -1 ? url : url.slice(0, cut);
  const rest = cut === -1 ? '' : url.slice(cut);
  if (path === '') return value;
  if (!path.startsWith('/')) {
    if (kind === 'prefix') return value;
    // `.` and `..` name folders too.
    const folder = /(?:^|\/)\.\.?$/.test(path) ? `${path}/` : path;
    return withIndexHtml(folder + rest);
  }
  let fromRoot: string;
  if (path === base.slice(0, -1) || path === base) fromRoot = '';
  else if (path.startsWith(base)) fromRoot = path.slice(base.length);
  else return value;
  let relative = relativeRoot(pagePath) + fromRoot;
  // At the root a first segment such as `c:x` would read as a scheme; `./` keeps it a path.
  if (!relative.startsWith('.') && /^[^/]*:/.test(relative)) relative = `./${relative}`;
  if (kind === 'prefix') return relative === '' ? './' : relative;
  return withIndexHtml((relative === '' ? './' : relative) + rest).replace(/^\.\/(?=index\.html)/, '');
}
