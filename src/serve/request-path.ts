/**
 * What a request's path asks of the archive, decided before the disk is looked at (pure).
 * Anything no link of the archive produces is not found: this is what keeps reads inside the
 * archive and redirects on this origin, so it errs on refusing.
 */

/** A request path, read. */
export type RequestedPath =
  /** Not in the archive: outside the base path, or a path that no link of the archive makes. */
  | { readonly kind: 'outside' }
  /** The base path without its trailing slash: redirect to `location`, as GitHub Pages does. */
  | { readonly kind: 'base'; readonly location: string }
  /**
   * A path under the base: its decoded `segments` (none empty, `.` or `..`), whether it ends with
   * a slash (`folder`), and the query string with its `?` (or empty), kept for redirects.
   */
  | { readonly kind: 'inside'; readonly segments: readonly string[]; readonly folder: boolean; readonly query: string };

const OUTSIDE: RequestedPath = { kind: 'outside' };

/**
 * Separators the split below would not see: `%2f` and `%5c` decode to `/` and `\`, and
 * Windows and browsers read `\` as `/`. They are how `..` gets past a check, and how a
 * redirect comes to name another host (`//evil.example/..%2fdays` → `//evil.example/days/`).
 */
const HIDDEN_SEPARATOR = /%2f|%5c|\\/i;

/** Reads `url` (a request target, e.g. `/papers/x/?q=1`) against `base` (`/` or `/papershelf/`). */
export function parseRequestPath(url: string, base: string): RequestedPath {
  const mark = url.indexOf('?');
  const raw = mark === -1 ? url : url.slice(0, mark);
  const query = mark === -1 ? '' : url.slice(mark);
  // Only origin-form targets: `*` and absolute URLs name no file of ours.
  if (!raw.startsWith('/') || HIDDEN_SEPARATOR.test(raw)) return OUTSIDE;
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    return OUTSIDE;
  }
  if (path.includes('\0')) return OUTSIDE;
  if (`${path}/` === base) return { kind: 'base', location: `${folderPath(base.split('/'))}${query}` };
  if (!path.startsWith(base)) return OUTSIDE;
  const segments = path.slice(base.length).split('/');
  // `/base/` splits into one empty segment, `/base/papers/x/` ends with one: both ask for a folder.
  const folder = segments.at(-1) === '';
  if (folder) segments.pop();
  // An empty segment first is `//` after the base, the start of a protocol-relative URL.
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) return OUTSIDE;
  return { kind: 'inside', segments, folder, query };
}

/**
 * Where a folder asked for without its trailing slash redirects to: built from the base and
 * the decoded segments, never from the raw request.
 */
export function folderLocation(base: string, asked: { readonly segments: readonly string[]; readonly query: string }): string {
  return `${folderPath([...base.split('/'), ...asked.segments])}${asked.query}`;
}

/**
 * A folder's absolute path on this origin: each segment encoded, empty ones dropped, so it
 * starts with one `/` followed by neither `/` nor `\` — no browser reads it as another host.
 */
function folderPath(segments: readonly string[]): string {
  const path = segments
    .filter((segment) => segment !== '')
    .map(encodeURIComponent)
    .join('/');
  return path === '' ? '/' : `/${path}/`;
}
