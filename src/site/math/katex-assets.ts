/**
 * I/O: KaTeX's stylesheet and fonts, served by the archive itself under `katex/` (no CDN: an
 * archive works offline and from disk). Only woff2 fonts are shipped — every browser that
 * renders KaTeX reads them — and the stylesheet is linked only by pages that show math.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The folder below the site's base. */
export const KATEX_FOLDER = 'katex/';
/** The stylesheet's name in it. */
export const KATEX_STYLESHEET = 'katex.css';

/**
 * How a formula's hidden TeX and its rendering behave (src/components/MathText.astro): the
 * TeX is visually hidden but selectable, the rendering is not, so a copied passage holds TeX.
 * Here rather than in site.css, so pages without math do not carry it.
 */
const OWN_RULES =
  '.math-tex{display:inline-block;width:1px;height:1px;margin:-1px;overflow:hidden;clip-path:inset(50%);white-space:pre;vertical-align:top}' +
  '.math .katex{user-select:none}' +
  // The paper page's "TeX source" (src/pages/papers/[slug].astro): long lines wrap.
  '.tex-source{margin:0.75rem 0 1rem}.tex-source pre{white-space:pre-wrap;overflow-wrap:anywhere;font-size:0.875em}';

/** KaTeX's stylesheet with each font's sources cut to its woff2 file, and our rules after it. Pure. */
export function katexStylesheet(css: string): string {
  return `${css.replace(/src:(url\([^)]*\.woff2\) format\("woff2"\))(?:,url\([^)]*\) format\("[^"]*"\))*/g, 'src:$1')}\n${OWN_RULES}\n`;
}

/**
 * The project's katex package, wherever the build's bundled code runs from: found from this
 * module (its source, under `papershelf dev` started in any folder), else from the folder the
 * build starts Astro in.
 */
function resolveKatex(specifier: string): string {
  try {
    return createRequire(import.meta.url).resolve(specifier);
  } catch {
    return createRequire(join(process.cwd(), 'package.json')).resolve(specifier);
  }
}
const dist = dirname(resolveKatex('katex/dist/katex-swap.min.css'));

/** The files of `KATEX_FOLDER`: the stylesheet and the fonts, as paths inside it. */
export function katexFiles(): string[] {
  const fonts = readdirSync(join(dist, 'fonts')).filter((name) => name.endsWith('.woff2'));
  return [KATEX_STYLESHEET, ...fonts.sort().map((name) => `fonts/${name}`)];
}

/** The bytes of one of `katexFiles()`. */
export function katexFile(path: string): Uint8Array<ArrayBuffer> | string {
  return path === KATEX_STYLESHEET
    ? katexStylesheet(readFileSync(join(dist, 'katex-swap.min.css'), 'utf8'))
    : new Uint8Array(readFileSync(join(dist, path)));
}
