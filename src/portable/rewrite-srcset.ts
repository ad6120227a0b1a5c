/**
 * A `srcset` holds several URLs, each with optional descriptors (`a.png 1x, b.png 2x`).
 * Each URL is passed through `rewrite`; descriptors and order stay as they are.
 */

/** `srcset` with every candidate's URL replaced by `rewrite(url)`. */
export function rewriteSrcset(srcset: string, rewrite: (url: string) => string): string {
  const candidates: string[] = [];
  let at = 0;
  // The HTML standard's candidate parsing, reduced: a URL is a run of non-space characters;
  // trailing commas end the candidate; otherwise descriptors run to the next comma outside ().
  while (at < srcset.length) {
    while (at < srcset.length && /[\s,]/.test(srcset[at]!)) at += 1;
    if (at >= srcset.length) break;
    let end = at;
    while (end < srcset.length && !/\s/.test(srcset[end]!)) end += 1;
    let url = srcset.slice(at, end);
    let descriptors = '';
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      let depth = 0;
      let stop = end;
      while (stop < srcset.length && (srcset[stop] !== ',' || depth > 0)) {
        if (srcset[stop] === '(') depth += 1;
        else if (srcset[stop] === ')') depth = Math.max(0, depth - 1);
        stop += 1;
      }
      descriptors = srcset.slice(end, stop).trim();
      end = stop;
    }
    candidates.push(descriptors ? `${rewrite(url)} ${descriptors}` : rewrite(url));
    at = end + 1;
  }
  return candidates.join(', ');
}
