/**
 * The last line of defence: scans built HTML for markup that could run code and that our
 * templates never produce — a script other than Astro's bundled modules, an `on…=` event
 * attribute, a `javascript:`/`vbscript:`/`data:` URL, an iframe, object or embed. Entry text is
 * always escaped, so any hit means text became markup somewhere, and the build must stop.
 */
import { Parser } from 'htmlparser2';

/** One piece of markup the templates did not write. */
export interface ForeignMarkup {
  /** 1-based line in the HTML file. */
  readonly line: number;
  readonly what: string;
}

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'srcset', 'data', 'background', 'cite']);
const DANGEROUS_SCHEME = /^\s*(?:javascript|vbscript|data)\s*:/i;
const NEVER_PRODUCED = new Set(['iframe', 'object', 'embed', 'frame', 'frameset', 'base', 'applet']);

/**
 * Finds foreign markup in one page. `base` is the site's base path: the only scripts the
 * templates produce are Astro's bundled modules under `<base>_astro/`, loaded by `src`.
 */
export function findForeignMarkup(html: string, base: string): ForeignMarkup[] {
  const found: ForeignMarkup[] = [];
  const bundled = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}_astro/[\\w.-]+\\.js$`);
  let line = 1;
  let lastIndex = 0;
  const lineAt = (index: number) => {
    for (let i = html.indexOf('\n', lastIndex); i !== -1 && i < index; i = html.indexOf('\n', i + 1)) {
      line += 1;
      lastIndex = i + 1;
    }
    return line;
  };
  // Inside a script: 'data' (JSON, never run), 'code' (anything else), or null outside one.
  let script: 'data' | 'code' | null = null;
  const parser: Parser = new Parser(
    {
      onopentag(name, attributes) {
        const at = lineAt(parser.startIndex);
        for (const [attribute, value] of Object.entries(attributes)) {
          if (attribute.startsWith('on')) found.push({ line: at, what: `<${name} ${attribute}=…> event attribute` });
          if (URL_ATTRIBUTES.has(attribute) && DANGEROUS_SCHEME.test(value)) {
            found.push({ line: at, what: `<${name} ${attribute}="${value.trim().slice(0, 30)}…"> script-capable URL` });
          }
        }
        if (NEVER_PRODUCED.has(name)) found.push({ line: at, what: `<${name}> element` });
        if (name === 'script') {
          const data = attributes['type'] === 'application/ld+json' || attributes['type'] === 'application/json';
          const ours = attributes['type'] === 'module' && bundled.test(attributes['src'] ?? '');
          script = data ? 'data' : 'code';
          if (!data && !ours) {
            const source = attributes['src'] ? ` src="${attributes['src'].slice(0, 40)}"` : '';
            found.push({ line: at, what: `<script${source}> not bundled by the build` });
          }
        }
      },
      ontext(text) {
        if (script === 'code' && text.trim() !== '') found.push({ line: lineAt(parser.startIndex), what: 'inline script code' });
      },
      onclosetag(name) {
        if (name === 'script') script = null;
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return found;
}
