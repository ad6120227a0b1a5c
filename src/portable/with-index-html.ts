/**
 * From `file://` a folder URL opens a directory listing (or nothing), never the folder's
 * page, so every link into a portable archive names the `index.html` itself.
 */

/** `papers/x/?q=1#top` → `papers/x/index.html?q=1#top`; URLs whose path does not end in `/` are returned as they are. */
export function withIndexHtml(url: string): string {
  const cut = url.search(/[?#]/);
  const path = cut === -1 ? url : url.slice(0, cut);
  const rest = cut === -1 ? '' : url.slice(cut);
  if (path === '' || !path.endsWith('/')) return url;
  return `${path}index.html${rest}`;
}
