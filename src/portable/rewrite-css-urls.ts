/**
 * Rewrites the URLs in CSS — `url(…)` (quoted or not) and `@import "…"` — with `rewrite`,
 * leaving comments and every other string alone. A small scanner rather than a pattern,
 * so `content: "url(/x)"` or a commented-out rule is never touched.
 */

/** `css` with every `url()` and `@import` URL replaced by `rewrite(url)`. */
export function rewriteCssUrls(css: string, rewrite: (url: string) => string): string {
  let out = '';
  let copied = 0;
  let at = 0;
  let importing = false;
  /** Replaces css[start, end) (a URL's text, without quotes) by its rewrite. */
  const replace = (start: number, end: number) => {
    const url = unescapeCss(css.slice(start, end));
    const next = rewrite(url);
    if (next === url) return;
    out += css.slice(copied, start) + escapeCss(next);
    copied = end;
  };
  while (at < css.length) {
    const char = css[at]!;
    if (char === '/' && css[at + 1] === '*') {
      const close = css.indexOf('*/', at + 2);
      at = close === -1 ? css.length : close + 2;
    } else if (char === '"' || char === "'") {
      const end = stringEnd(css, at);
      if (importing) replace(at + 1, end - 1);
      importing = false;
      at = end;
    } else if (/[a-z@-]/i.test(char) && (at === 0 || !/[\w-]/.test(css[at - 1]!))) {
      const word = /^@?[\w-]+/.exec(css.slice(at, at + 64))?.[0] ?? char;
      at += word.length;
      importing = word.toLowerCase() === '@import';
      if (word.toLowerCase() === 'url' && css[at] === '(') {
        at += 1;
        while (/\s/.test(css[at] ?? '')) at += 1;
        if (css[at] === '"' || css[at] === "'") {
          const end = stringEnd(css, at);
          replace(at + 1, end - 1);
          at = end;
        } else {
          let end = at;
          while (end < css.length && css[end] !== ')' && !/\s/.test(css[end]!)) end += css[end] === '\\' ? 2 : 1;
          replace(at, end);
          at = end;
        }
      }
    } else {
      if (!/\s/.test(char)) importing = false;
      at += 1;
    }
  }
  return out + css.slice(copied);
}

/** The index just past the string that opens at `start`. */
function stringEnd(css: string, start: number): number {
  const quote = css[start];
  let at = start + 1;
  while (at < css.length && css[at] !== quote && css[at] !== '\n') at += css[at] === '\\' ? 2 : 1;
  return Math.min(at + 1, css.length);
}

function unescapeCss(text: string): string {
  return text.replace(/\\([\da-f]{1,6}\s?|[^\da-f\n])/gi, (_, escaped: string) =>
    /^[\da-f]/i.test(escaped) ? String.fromCodePoint(Number.parseInt(escaped.trim(), 16)) : escaped,
  );
}

/** Escapes what would end a quoted or unquoted URL early; our rewritten paths rarely need it. */
function escapeCss(text: string): string {
  return text.replace(/[\\"'()\s]/g, (char) => `\\${char.codePointAt(0)!.toString(16)} `);
}
