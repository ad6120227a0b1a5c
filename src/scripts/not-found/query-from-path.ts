/**
 * Words to search for, guessed from the address that was not found: a mistyped or outdated
 * paper link still names the paper (`/papers/attention-is-all-you-need/` → `attention is all
 * you need`). Pure.
 */

/** Path segments that name a kind of page, not what the reader was looking for. */
const ROUTE_WORDS = new Set(['papers', 'days', 'search', 'index', 'html', 'www']);

/** At most this many words: enough to find a paper by its title, short enough to edit. */
const MAX_WORDS = 8;

/** The search words in `pathname` (as in `location.pathname`) below `base`, joined by spaces; `''` when there are none. */
export function queryFromPath(pathname: string, base = '/'): string {
  let path = pathname.startsWith(base) ? pathname.slice(base.length) : pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // A malformed escape: use the words around it as they are.
  }
  const words = path
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '' && !ROUTE_WORDS.has(word.toLowerCase()))
    .slice(0, MAX_WORDS);
  return words.join(' ');
}
