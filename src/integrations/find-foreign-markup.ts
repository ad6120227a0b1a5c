/**
 * The last line of defence: scans built HTML for markup that could run code and that our
 * templates never produce — a script other than Astro's bundled modules, JSON data (with
 * no `<`) or one of the project's own inline scripts, an `on…=` event attribute, a `javascript:`/`vbscript:`/`data:` URL, an iframe,
 * object or embed. Entry text is always escaped, so any hit means text became markup
 * somewhere, and the build must stop.
 */
import { scanHtml } from '../html/scan-html.ts';

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
 * templates produce are Astro's bundled modules under `<base>_astro/`, loaded by `src`, and
 * the inline scripts whose exact text (trimmed) is one of `inlineScripts` (src/scripts/inline/).
 */
export function findForeignMarkup(html: string, base: string, inlineScripts: ReadonlySet<string> = new Set()): ForeignMarkup[] {
  const found: ForeignMarkup[] = [];
  const bundled = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}_astro/[\\w.-]+\\.js$`);
  // Inside a script: 'data' (JSON, never run), 'code' (anything else), or null outside one.
  let script: 'data' | 'code' | null = null;
  // A data script's text and where it starts, checked once the script ends.
  let dataScript = { text: '', line: 0 };
  const checkData = () => {
    if (!isOurData(dataScript.text)) found.push({ line: dataScript.line, what: '<script> data that is not JSON, or holds "<"' });
  };
  // An inline script is judged once it ends, by its whole text; until then its hits wait here.
  let inline: { text: string; line: number; hits: ForeignMarkup[] } | null = null;
  const checkInline = () => {
    if (inline && !inlineScripts.has(inline.text.trim())) {
      found.push(...inline.hits);
      if (inline.text.trim() !== '') found.push({ line: inline.line, what: 'inline script code' });
    }
    inline = null;
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
        script = data ? 'data' : 'code';
        if (data) dataScript = { text: '', line };
        if (!data && !ours) {
          const source = attributes.get('src') ? ` src="${attributes.get('src')!.slice(0, 40)}"` : '';
          const hit = { line, what: `<script${source}> not bundled by the build` };
          if (source === '' && (type === undefined || type === 'text/javascript')) inline = { text: '', line, hits: [hit] };
          else found.push(hit);
        }
      }
    },
    text(text) {
      if (script === 'data') dataScript.text += text.text;
      if (script === 'code' && inline) {
        if (inline.text.trim() === '') inline.line = text.sourceCodeLocation?.startLine ?? inline.line;
        inline.text += text.text;
      } else if (script === 'code' && text.text.trim() !== '') found.push({ line: text.sourceCodeLocation?.startLine ?? 0, what: 'inline script code' });
    },
    endTag(tag) {
      if (tag.tagName === 'script') {
        if (script === 'data') checkData();
        checkInline();
        script = null;
      }
    },
  });
  // A script left open ran to the end of the page.
  if (script === 'data') checkData();
  checkInline();
  return found;
}
