/**
 * A fast tokenizer for the plain HTML the templates write, for the markup guard's first look
 * at every page. It jumps from `<` to `<`, skipping text with `indexOf` instead of walking it
 * a character at a time, and reads each tag with one regular expression.
 *
 * It gives up (returns false) on anything outside that plain subset, so that whenever it does
 * not give up it has met exactly the start tags, end tags and script text parse5's tokenizer
 * meets (scan-html.ts; test/html/scan-strict-html.test.ts compares the two). What it reads:
 * - tags with ASCII names and attributes, values quoted or not, separated by white space;
 *   character references in values decoded by `entities`, as parse5 decodes them;
 * - a `<!DOCTYPE html>`, and comments ended by their first `-->`;
 * - the text of `<script>`, `<style>`, `<title>`, `<textarea>` and the other elements parse5
 *   reads as raw text, up to their end tag (see `rawTextEnd`).
 * What it gives up on: any other `<` (`<!`, `<?`, `</ x`, `<3`), a tag it cannot read whole,
 * an attribute given twice (parse5 keeps the first), a `/` not closing its tag, a carriage
 * return or NUL anywhere (parse5 rewrites them), `<plaintext>`.
 */
import { decodeHTMLAttribute } from 'entities/decode';
import type { StartTag } from 'parse5-sax-parser';
import type { HtmlHandlers } from './scan-html.ts';

/** The HTML spec's white space in tags; no `\r` (given up on) and not `\v`, which `\s` would allow. */
const SPACE = '[\\t\\n\\f ]';
const NAME = '[A-Za-z][A-Za-z0-9-]*';
/** An attribute: white space, a name, and maybe `=` and a value, quoted or not; `group` opens the name's and the value's groups. */
const attributePattern = (group: '(' | '(?:') =>
  `${SPACE}+${group}[A-Za-z_@][A-Za-z0-9_:.@-]*)(?:${SPACE}*=${SPACE}*(?:"${group}[^"]*)"|'${group}[^']*)'|${group}[^\\t\\n\\f "'=<>\`]+)))?`;
const ATTRIBUTE = new RegExp(attributePattern('('), 'y');
/** A start tag: its name, its attributes as one string (read by `ATTRIBUTE`), and a closing `/`. */
const START_TAG = new RegExp(`<(${NAME})((?:${attributePattern('(?:')})*)${SPACE}*(/?)>`, 'y');
const END_TAG = new RegExp(`</(${NAME})${SPACE}*>`, 'y');
const DOCTYPE = /<!DOCTYPE html>/iy;

/** Elements whose content parse5 reads as text up to their end tag (scripting on, as in a browser). */
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript']);

/** Why a page is left to parse5; never seen by callers. */
class GaveUp extends Error {}

function attributesOf(text: string): StartTag['attrs'] {
  const attributes: StartTag['attrs'] = [];
  ATTRIBUTE.lastIndex = 0;
  for (let match = ATTRIBUTE.exec(text); match; match = ATTRIBUTE.exec(text)) {
    const name = match[1]!.toLowerCase();
    // parse5 keeps the first of two; and renames `xlink:href` and the like to `href` inside SVG.
    if (name.includes(':') || attributes.some((attribute) => attribute.name === name)) throw new GaveUp();
    const value = match[2] ?? match[3] ?? match[4] ?? '';
    attributes.push({ name, value: value.includes('&') ? decodeHTMLAttribute(value) : value });
  }
  return attributes;
}

/**
 * Calls `handlers` for each start tag, end tag and raw-text element's text of `html`, in order,
 * and returns true; or returns false as soon as it meets what it does not read (see the
 * module comment), having called them for the part before. Tokens carry no source locations.
 */
export function scanStrictHtml(html: string, handlers: HtmlHandlers): boolean {
  try {
    scan(html, handlers);
    return true;
  } catch (error) {
    if (error instanceof GaveUp) return false;
    throw error;
  }
}

function scan(html: string, handlers: HtmlHandlers): void {
  if (html.includes('\r') || html.includes('\0')) throw new GaveUp();
  // Whether an `<svg>` or `<math>` has been met: until then parse5 is surely outside SVG and MathML.
  let foreignMet = false;
  let at = html.indexOf('<');
  while (at !== -1) {
    const next = html.charCodeAt(at + 1);
    if (next === 0x2f /* / */) {
      END_TAG.lastIndex = at;
      const end = END_TAG.exec(html);
      if (!end) throw new GaveUp();
      handlers.endTag?.({ tagName: end[1]!.toLowerCase() });
      at = html.indexOf('<', END_TAG.lastIndex);
    } else if (next === 0x21 /* ! */) {
      at = markupDeclarationEnd(html, at);
    } else {
      START_TAG.lastIndex = at;
      const start = START_TAG.exec(html);
      if (!start) throw new GaveUp();
      const [, name, attributes, slash] = start;
      const tagName = name!.toLowerCase();
      // parse5 reads `<image>` as `<img>`.
      if (tagName === 'image' || tagName === 'plaintext') throw new GaveUp();
      foreignMet ||= tagName === 'svg' || tagName === 'math';
      handlers.startTag?.({ tagName, attrs: attributes ? attributesOf(attributes) : [], selfClosing: slash === '/' });
      at = RAW_TEXT.has(tagName)
        ? rawTextEnd(html, START_TAG.lastIndex, tagName, foreignMet, handlers)
        : html.indexOf('<', START_TAG.lastIndex);
    }
  }
}

/** `</name` and the character that must follow it, by element name. */
const endTagsOf = new Map<string, RegExp>();

/**
 * Hands on the text of the raw-text element `tagName` that starts at `from`, and returns where
 * its end tag starts. In HTML it ends at the first `</name`; a `<` before is text, but for a
 * script's `<!--`, which parse5 reads in states of its own. Inside SVG or MathML, where parse5
 * reads markup in it, it must hold no `<` at all, and a script no `&` either.
 */
function rawTextEnd(html: string, from: number, tagName: string, foreignMet: boolean, handlers: HtmlHandlers): number {
  let endTag = endTagsOf.get(tagName);
  if (!endTag) endTagsOf.set(tagName, (endTag = new RegExp(`</${tagName}[\\t\\n\\f />]`, 'gi')));
  endTag.lastIndex = from;
  const end = endTag.exec(html)?.index ?? -1;
  if (end === -1) throw new GaveUp();
  const text = html.slice(from, end);
  if (foreignMet ? text.includes('<') || (tagName === 'script' && text.includes('&')) : tagName === 'script' && text.includes('<!--'))
    throw new GaveUp();
  if (text !== '') handlers.text?.({ text });
  return end;
}

/** Where the next `<` is after the doctype or comment at `at`. */
function markupDeclarationEnd(html: string, at: number): number {
  if (html.startsWith('<!--', at)) {
    // `<!-->` and `<!--->` end at once, and `--!>` ends a comment too: given up on.
    if (html.startsWith('>', at + 4) || html.startsWith('->', at + 4)) throw new GaveUp();
    const end = html.indexOf('-->', at + 4);
    if (end === -1 || html.slice(at + 4, end).includes('--!')) throw new GaveUp();
    return html.indexOf('<', end + 3);
  }
  DOCTYPE.lastIndex = at;
  if (!DOCTYPE.test(html)) throw new GaveUp();
  return html.indexOf('<', DOCTYPE.lastIndex);
}
