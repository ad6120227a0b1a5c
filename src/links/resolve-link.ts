/**
 * Where a link found in a built site leads: outside the site (not ours to check), or to a
 * file of the site and, maybe, an element of it. Pure: the caller says which files exist.
 *
 * A link is resolved as a browser would, against the address the file is served at
 * (`<origin><base><folder>/` for a folder's `index.html`). Query strings do not choose a file
 * on a static host, so they are ignored; `%`-escapes are decoded to find the file.
 */

/** Where the archive is served: `origin` (`https://example.org`) and `base` (`/papershelf/`). */
export interface SiteAddress {
  readonly origin: string;
  readonly base: string;
}

/** A link's destination. */
export type Destination =
  /** Another origin, or a scheme such as `mailto:`: not checked. */
  | { readonly kind: 'external' }
  /** A path of the site: the files that would answer it, in order, and the element asked for. */
  | { readonly kind: 'internal'; readonly path: string; readonly files: readonly string[]; readonly fragment: Fragment | null }
  /** A link that cannot work wherever the files are: the reason says why. */
  | { readonly kind: 'broken'; readonly reason: string };

/** A `#fragment`: as written (percent-escaped) and decoded; an element whose id is either one matches. */
export interface Fragment {
  readonly raw: string;
  readonly decoded: string;
}

/** The path a file of the site is served at: `papers/x/index.html` → `<base>papers/x/`, `feed.xml` → `<base>feed.xml`. */
export function servedPath(file: string, base: string): string {
  return `${base}${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** Where `ref`, written in the file served at `fromPath`, leads. */
export function resolveLink(ref: string, fromPath: string, site: SiteAddress): Destination {
  let url: URL;
  try {
    // Browsers strip leading and trailing ASCII white space from URLs in attributes.
    url = new URL(ref.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, ''), `${site.origin}${fromPath}`);
  } catch {
    return { kind: 'broken', reason: 'not a valid URL' };
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== site.origin) return { kind: 'external' };
  return resolvePath(url.pathname, url.hash, site.base);
}

/** An absolute URL that must lead into the site (a sitemap's `<loc>`, a feed's own address): anything else is broken. */
export function resolveSiteUrl(ref: string, site: SiteAddress): Destination {
  const destination = resolveLink(ref, site.base, site);
  const absolute = /^\s*https?:\/\//i.test(ref);
  if (destination.kind === 'external' || !absolute) {
    return {
      kind: 'broken',
      reason: `not an address on the site ${site.origin}${site.base}; was the archive built with another site (--site, PAPERSHELF_SITE)?`,
    };
  }
  return destination;
}

/** The files that answer `pathname` (still %-escaped) under `base`, and the fragment of `hash`. */
function resolvePath(pathname: string, hash: string, base: string): Destination {
  // The base itself without its slash (`/papershelf`) is the home page; hosts redirect it.
  const inBase = pathname.startsWith(base) ? pathname.slice(base.length) : `${pathname}/` === base ? '' : null;
  if (inBase === null) return { kind: 'broken', reason: `outside the base path ${base}, where the archive is served` };
  const segments = inBase.split('/');
  // An empty segment (`a//b`) is a path joined wrong; hosts differ in what they serve for it.
  if (segments.slice(0, -1).includes('')) return { kind: 'broken', reason: 'an empty segment (`//`) in the path' };
  let decoded: string[];
  try {
    decoded = segments.map(decodeURIComponent);
  } catch {
    return { kind: 'broken', reason: 'malformed %-escape in the path' };
  }
  // `.` and `..` were resolved by the URL parser; one that comes from an escape, like an escaped `/`, names no file.
  if (decoded.some((segment) => segment === '.' || segment === '..' || /[/\\]/.test(segment))) {
    return { kind: 'broken', reason: 'an escaped `/`, `\\`, `.` or `..` in the path names no file' };
  }
  const relative = decoded.join('/');
  // A folder answers with its index.html; a folder asked for without its slash is redirected to it.
  const files = relative === '' || relative.endsWith('/') ? [`${relative}index.html`] : [relative, `${relative}/index.html`];
  return { kind: 'internal', path: pathname, files, fragment: fragmentOf(hash) };
}

/** The element a hash asks for, or null when it asks for none (no hash, `#`, `#top`, a text fragment). */
function fragmentOf(hash: string): Fragment | null {
  const raw = hash.slice(1);
  if (raw === '' || raw.toLowerCase() === 'top' || raw.startsWith(':~:')) return null;
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // Browsers look for the escaped form too, so a stray `%` is no reason to fail.
  }
  return { raw, decoded };
}
