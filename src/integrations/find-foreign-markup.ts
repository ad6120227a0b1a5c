/**
 * The last line of defence: scans built HTML for markup that could run code and that our
 * templates never produce — a script other than Astro's bundled modules, JSON data (with
 * no `<`) or the reader script byte for byte (src/scripts/reader/), an `on…=` event
 * attribute, a `javascript:`/`vbscript:`/`data:` URL, an iframe, object or embed. Entry text is always escaped, so any hit means text became markup
 * somewhere, and the build must stop.
 */
import { scanHtml } from '../html/scan-html.ts';
import { READER_SCRIPT } from '../scripts/reader/reader-script.ts';

/** One piece of markup the templates did not write. */
export interface ForeignMarkup {
  /** 1-based line in the HTML file. */
  readonly line: number;
  readonly what: string;
}

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'srcset', 'data', 'background', 'cite']);
const DANGEROUS_SCHEME = /^\s*(?:javascript|vbscript|data)\s*:/i;
const NEVER_PRODUCED = new Set(['iframe', 'object', 'embed', 'frame', 'frameset', 'base', 'applet']);

/** True when a data script holds what the templates write there: JSON with every `<` escaped (src/lib/json-ld.ts). */
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
 * Finds foreign markup in one page. `base` is the site's base path: the only scripts the
 * templates produce are Astro's bundled modules under `<base>_astro/`, loaded by `src`.
 */
export function findForeignMarkup(html: string, base: string): ForeignMarkup[] {
  const found: ForeignMarkup[] = [];
  const bundled = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}_astro/[\\w.-]+\\.js$`);
  // Inside a script: 'data' (JSON, never run), 'reader' (inline code that must be the reader
  // script), 'code' (anything else), or null outside one.
  let script: 'data' | 'reader' | 'code' | null = null;
  // A data or reader script's text and where it starts, checked once the script ends.
  let dataScript = { text: '', line: 0 };
  const checkData = () => {
    if (script === 'reader' && dataScript.text !== READER_SCRIPT) found.push({ line: dataScript.line, what: 'inline script code other than the reader script' });
    if (script === 'data' && !isOurData(dataScript.text)) found.push({ line: dataScript.line, what: '<script> data that is not JSON, or holds "<"' });
  };
  scanHtml(html, {
    startTag(tag) {
      const line = tag.sourceCodeLocation?.startLine ?? 0;
      const attributes = new Map(tag.attrs.map((attribute) => [attribute.name.toLowerCase(), attribute.value]));
      for (const [name, value] of attributes) {
        if (name.startsWith('on')) found.push({ line, what: `<${tag.tagName} ${name}=…> event attribute` });
        if (URL_ATTRIBUTES.has(name) && DANGEROUS_SCHEME.test(value)) {
          found.push({ line, what: `<${tag.tagName} ${name}="${value.trim().slice(0, 30)}…"> script-capable URL` });
        }
      }
      if (NEVER_PRODUCED.has(tag.tagName)) found.push({ line, what: `<${tag.tagName}> element` });
      if (tag.tagName === 'script') {
        const type = attributes.get('type');
        const data = type === 'application/ld+json' || type === 'application/json';
        const ours = type === 'module' && bundled.test(attributes.get('src') ?? '');
        const reader = attributes.size === 0;
        script = data ? 'data' : reader ? 'reader' : 'code';
        if (data || reader) dataScript = { text: '', line };
        if (!data && !ours && !reader) {
          const source = attributes.get('src') ? ` src="${attributes.get('src')!.slice(0, 40)}"` : '';
          found.push({ line, what: `<script${source}> not bundled by the build` });
        }
      }
    },
    text(text) {
      if (script === 'data' || script === 'reader') dataScript.text += text.text;
      if (script === 'code' && text.text.trim() !== '') found.push({ line: text.sourceCodeLocation?.startLine ?? 0, what: 'inline script code' });
    },
    endTag(tag) {
      if (tag.tagName === 'script') {
        checkData();
        script = null;
      }
    },
  });
  // A data or reader script left open ran to the end of the page.
  checkData();
  return found;
}
