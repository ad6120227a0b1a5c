/**
 * Renders one formula of entry text to HTML with KaTeX, at build time. The TeX is untrusted,
 * so KaTeX runs with `trust: false` (no `\href`, `\url`, `\includegraphics`, `\html…`) and
 * with limits on sizes and macro expansion, so a hostile formula cannot blow up a build, and a
 * rendering that would reach far outside its line is refused (the formula is shown as written). The
 * output carries MathML beside the HTML: screen readers read it, and its annotation holds the
 * TeX. The markup guard (src/build/guard/math-markup.ts) checks every page's result.
 */
import katex from 'katex';

/**
 * KaTeX shows a command refused by `trust: false` as its name in `errorColor`, and drops the
 * command's arguments. This colour marks that, so the whole formula is shown as written instead.
 */
const REFUSED_COLOR = '#cc0001';

/** The largest size a formula may give (em): KaTeX caps larger ones, see `reachesTooFar` for the rest. */
export const MAX_SIZE = 10;

const OPTIONS = {
  output: 'htmlAndMathml',
  throwOnError: true,
  trust: false,
  strict: 'ignore',
  errorColor: REFUSED_COLOR,
  // No box, rule or space larger than MAX_SIZE, and at most 500 macro expansions (`\def` loops).
  maxSize: MAX_SIZE,
  maxExpand: 500,
} as const satisfies katex.KatexOptions;

/**
 * How far (em) any part of a rendering may be placed from where it would sit. Real arXiv
 * formulas stay within a few em (tall fractions, matrices; docs/benchmarks.md); a hostile one
 * reaches thousands and covers the page around it.
 */
const MAX_REACH = 5 * MAX_SIZE;

/**
 * True when the HTML places something further than the formula may reach. KaTeX caps a size
 * at `maxSize` only from above: `\kern-5000em`, `\hspace{-5000em}`, `\\[-5000em]` or
 * `\raisebox{-5000em}` pass unchanged, and many small negative spaces add up. So every length
 * in the HTML's styles is checked, and the negative margins (which pull what follows back
 * over what came before) are added up.
 */
function reachesTooFar(html: string): boolean {
  let pulledBack = 0;
  for (const [, property = '', value = ''] of html.matchAll(/([a-z-]+):(-?\d+(?:\.\d+)?)em/g)) {
    const length = Number(value);
    if (Math.abs(length) > MAX_REACH) return true;
    if (property.startsWith('margin') && length < 0) pulledBack -= length;
  }
  return pulledBack > MAX_SIZE;
}

/**
 * `%` starts a comment in TeX, which would silently drop the rest of a one-line formula
 * (`$95%$` shows 95). Entry text has no comments: every unescaped `%` is a percent sign.
 */
export function escapePercent(tex: string): string {
  let out = '';
  for (let i = 0; i < tex.length; i++) {
    if (tex[i] === '\\') out += tex.slice(i, ++i + 1);
    else out += tex[i] === '%' ? '\\%' : tex[i];
  }
  return out;
}

/** Formulas already rendered in this process: listings show a title again and again. Bounded. */
const rendered = new Map<string, string | null>();
const REMEMBERED = 20_000;

/** The HTML of `tex` (without its delimiters), or null when KaTeX cannot render it faithfully. */
export function renderMath(tex: string, display: boolean): string | null {
  const key = `${display ? 'D' : 'I'}${tex}`;
  const known = rendered.get(key);
  if (known !== undefined) return known;
  let html: string | null;
  try {
    html = katex.renderToString(escapePercent(tex), { ...OPTIONS, displayMode: display });
    if (html.includes(REFUSED_COLOR) || reachesTooFar(html)) html = null;
  } catch {
    html = null;
  }
  if (rendered.size >= REMEMBERED) rendered.clear();
  rendered.set(key, html);
  return html;
}
