/**
 * The last line of defence: scans built HTML for markup that could run code and that our
 * templates never produce — a script other than Astro's bundled modules, JSON data (with
 * no `<`) or the reader script byte for byte (src/scripts/reader/), an `on…=` event
 * attribute, a `javascript:`/`vbscript:`/`data:` URL, an iframe, object or embed. Entry text
 * is always escaped, so any hit means text became markup somewhere, and the build must stop.
 * Formulas are the one place where markup comes from entry text: KaTeX's output, accepted
 * only inside a math container and only as far as math-markup.ts allows.
 *
 * Each hit says where on the page it is: in a paper's notes (the user's own MDX, the one
 * place a page holds markup someone wrote by hand), in a formula, or elsewhere on the page;
 * explain-foreign-markup.ts turns that into where the markup came from.
 */
import type { StartTag } from 'parse5-sax-parser';
import { scanHtml, type HtmlHandlers } from '../../html/scan-html.ts';
import { scanStrictHtml } from '../../html/scan-strict-html.ts';
import { READER_SCRIPT } from '../../scripts/reader/reader-script.ts';
import { foreignInMath, isMathContainer, isMathOnlyElement } from './math-markup.ts';

/**
 * Where on a page a hit is: inside the notes' container, inside a formula (outside the notes),
 * or anywhere else on the page.
 */
export type MarkupRegion = 'notes' | 'formula' | 'page';

/** One piece of markup the templates did not write. */
export interface ForeignMarkup {
  /** 1-based line in the HTML file. */
  readonly line: number;
  readonly what: string;
  readonly region: MarkupRegion;
}

/** The class of the element a paper page's notes are rendered in (src/pages/papers/[slug].astro). */
export const NOTES_CLASS = 'notes';

/** True when `tag` opens the notes' container: a `<section>` of class `notes`. */
const isNotesContainer = (tag: StartTag): boolean =>
  tag.tagName === 'section' && (valueOf(tag, 'class') ?? '').split(/\s+/).includes(NOTES_CLASS);

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'srcset', 'data', 'background', 'cite']);
/** Tested on a value without tabs and line breaks, which URL parsers drop anywhere (`java&#9;script:` runs). */
const DANGEROUS_SCHEME = /^[\x00-\x20]*(?:javascript|vbscript|data)\s*:/i;
const IGNORED_IN_URLS = /[\t\n\r]/g;
const NEVER_PRODUCED = new Set(['iframe', 'object', 'embed', 'frame', 'frameset', 'base', 'applet']);
/** HTML elements that have no end tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** The value of `tag`'s attribute `name` (lower case), in any case; undefined when it has none. */
function valueOf(tag: StartTag, name: string): string | undefined {
  return tag.attrs.find((attribute) => attribute.name.toLowerCase() === name)?.value;
}

/** True when a data script holds what the templates write there: JSON with every `<` escaped (src/site/formats/json-ld.ts). */
function isOurData(text: string): boolean {
  if (text.includes('<')) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * `html` without the owner's head elements `ownHead` (src/site/head-markup.ts): exactly that text,
 * once, inside the page's `<head>`, replaced by as many line breaks so later lines keep their
 * numbers. The same markup anywhere else on the page stays, and is caught.
 */
export function withoutOwnHead(html: string, ownHead: string): string {
  if (ownHead === '') return html;
  const at = html.indexOf(ownHead);
  const headEnd = html.search(/<\/head\s*>/i);
  if (at < 0 || headEnd < 0 || at + ownHead.length > headEnd) return html;
  return html.slice(0, at) + '\n'.repeat(ownHead.split('\n').length - 1) + html.slice(at + ownHead.length);
}

/**
 * Finds foreign markup in one page. `base` is the site's base path: the only scripts the
 * templates produce are Astro's bundled modules under `<base>_astro/`, loaded by `src`.
 * `ownHead` is the owner's head elements as every page's head holds them (config `head`),
 * accepted there and nowhere else.
 */
export function findForeignMarkup(page: string, base: string, ownHead = ''): ForeignMarkup[] {
  const html = withoutOwnHead(page, ownHead);
  // Nearly every page is clean and plain HTML, which the fast tokenizer reads as parse5 does.
  // A page it gives up on, or one with a hit, is read again by parse5, with line numbers.
  const fast = scanForForeignMarkup(html, base, scanStrictHtml);
  if (fast?.length === 0) return [];
  return scanForForeignMarkup(html, base, scanHtml) ?? [];
}

/** A tokenizer: calls `handlers` for each token of `html`; false when it gave up on the page. */
type Tokenizer = (html: string, handlers: HtmlHandlers) => boolean | void;

/** What `tokenize` found in `html`, or null when it gave up. */
function scanForForeignMarkup(html: string, base: string, tokenize: Tokenizer): ForeignMarkup[] | null {
  const found: ForeignMarkup[] = [];
  // How many `<section>`s are open inside the notes' container, the container included; 0 outside it.
  // Notes are MDX, whose tags always close, so the container's own end tag is the one that closes it.
  let notes = 0;
  const hit = (line: number, what: string, inFormula = false) =>
    found.push({ line, what, region: notes > 0 ? 'notes' : inFormula ? 'formula' : 'page' });
  const bundled = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}_astro/[\\w.-]+\\.js$`);
  // Inside a script: 'data' (JSON, never run), 'reader' (inline code that must be the reader
  // script), 'code' (anything else), or null outside one.
  let script: 'data' | 'reader' | 'code' | null = null;
  // A data or reader script's text and where it starts, checked once the script ends.
  let dataScript = { text: '', line: 0 };
  // The elements open inside a math container, the container first; null outside one.
  let formula: string[] | null = null;
  // How deep inside one of our charts (an `<svg data-chart>`, drawn by src/components/), 0 outside.
  let chart = 0;
  const checkData = () => {
    if (script === 'reader' && dataScript.text !== READER_SCRIPT) hit(dataScript.line, 'inline script code other than the reader script');
    if (script === 'data' && !isOurData(dataScript.text)) hit(dataScript.line, '<script> data that is not JSON, or holds "<"');
  };
  const read = tokenize(html, {
    startTag(tag) {
      const line = tag.sourceCodeLocation?.startLine ?? 0;
      // In lower case: inside SVG parse5 gives back SVG's camelCase (`linearGradient`), which nothing here tells apart.
      const tagName = tag.tagName.toLowerCase();
      if (tagName === 'section' && !tag.selfClosing && (notes > 0 || isNotesContainer(tag))) notes += 1;
      if (formula) {
        const foreign = foreignInMath(tag);
        if (foreign) hit(line, foreign, true);
        if (!tag.selfClosing && !VOID.has(tagName)) formula.push(tagName);
      } else if (isMathContainer(tag)) {
        formula = [tagName];
      } else if (chart > 0 || (tagName === 'svg' && valueOf(tag, 'data-chart') !== undefined)) {
        // A chart's shapes come from numbers, never from entry text; the checks below still apply.
        if (!tag.selfClosing && !VOID.has(tagName)) chart += 1;
      } else if (isMathOnlyElement(tagName)) {
        hit(line, `<${tagName}> outside a formula`);
      }
      // Every attribute, not the map's one a name: inside SVG parse5 names `xlink:href` `href`, so a name can come twice.
      for (const { name: rawName, value } of tag.attrs) {
        const name = rawName.toLowerCase();
        if (name.startsWith('on')) hit(line, `<${tagName} ${name}=…> event attribute`, formula !== null);
        if (URL_ATTRIBUTES.has(name) && DANGEROUS_SCHEME.test(value.replace(IGNORED_IN_URLS, ''))) {
          hit(line, `<${tagName} ${name}="${value.trim().slice(0, 30)}…"> script-capable URL`, formula !== null);
        }
      }
      // A refresh (the page a former address keeps, src/site/formats/address-html.ts) goes to a URL too.
      const refresh = tagName === 'meta' && valueOf(tag, 'http-equiv')?.toLowerCase() === 'refresh' ? valueOf(tag, 'content') : undefined;
      const to = refresh === undefined ? undefined : /^[^;,]*[;,]\s*(?:url\s*=\s*)?['"]?(.*)$/i.exec(refresh)?.[1];
      if (to !== undefined && DANGEROUS_SCHEME.test(to.replace(IGNORED_IN_URLS, '')))
        hit(line, `<meta http-equiv="refresh"> to a script-capable URL`);
      if (NEVER_PRODUCED.has(tagName)) hit(line, `<${tagName}> element`, formula !== null);
      if (tagName === 'script') {
        const type = valueOf(tag, 'type');
        const src = valueOf(tag, 'src');
        const data = type === 'application/ld+json' || type === 'application/json';
        const ours = type === 'module' && bundled.test(src ?? '');
        const reader = tag.attrs.length === 0;
        script = data ? 'data' : reader ? 'reader' : 'code';
        if (data || reader) dataScript = { text: '', line };
        if (!data && !ours && !reader) {
          const source = src ? ` src="${src.slice(0, 40)}"` : '';
          hit(line, `<script${source}> not bundled by the build`, formula !== null);
        }
      }
    },
    text(text) {
      if (script === 'data' || script === 'reader') dataScript.text += text.text;
      if (script === 'code' && text.text.trim() !== '') hit(text.sourceCodeLocation?.startLine ?? 0, 'inline script code');
    },
    endTag(tag) {
      const tagName = tag.tagName.toLowerCase();
      if (formula) {
        // KaTeX closes what it opens, in order; anything else is not its markup.
        if (formula.at(-1) !== tagName) hit(tag.sourceCodeLocation?.startLine ?? 0, `</${tagName}> out of place in a formula`, true);
        const open = formula.lastIndexOf(tagName);
        if (open >= 0) formula.length = open;
        if (formula.length === 0) formula = null;
      } else if (chart > 0) chart -= 1;
      if (tagName === 'section' && notes > 0) notes -= 1;
      if (tagName === 'script') {
        checkData();
        script = null;
      }
    },
  });
  if (read === false) return null;
  // A data or reader script left open ran to the end of the page.
  checkData();
  if (formula) hit(0, 'a formula left open at the end of the page', true);
  return found;
}
