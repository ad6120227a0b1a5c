/**
 * The root element of an XML document that the validator has accepted: its name as written,
 * its local name, the namespace it is in, and where its start tag begins. Read by one linear
 * pass over the prolog (declaration, comments, processing instructions, DOCTYPE) and the
 * root's start tag; the rest of the document is not looked at.
 */

/** What `xmlRoot` finds. */
export interface XmlRoot {
  /** The name as written, with its prefix: `feed`, `atom:feed`, `rss`. */
  readonly name: string;
  /** The name without its prefix. */
  readonly local: string;
  /** The namespace URI the name is in (its prefix's, or the default `xmlns`); null when none. */
  readonly namespace: string | null;
  /** Offset of the start tag's `<`. */
  readonly offset: number;
}

const XML_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const decode = (value: string) =>
  value.replace(/&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(lt|gt|amp|quot|apos));/g, (whole, dec?: string, hex?: string, name?: string) =>
    name !== undefined
      ? (XML_ENTITIES[name] ?? whole)
      : String.fromCodePoint(dec !== undefined ? Number(dec) : Number.parseInt(hex ?? '', 16)),
  );

/** The offset just past a DOCTYPE starting at `start`: its `>`, skipping an internal subset and quoted text. */
function doctypeEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i += 1) {
    const char = text[i];
    if (char === '"' || char === "'") {
      const close = text.indexOf(char, i + 1);
      if (close === -1) return text.length;
      i = close;
    } else if (text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      if (close === -1) return text.length;
      i = close + 2;
    } else if (char === '[') depth += 1;
    else if (char === ']') depth -= 1;
    else if (char === '>' && depth <= 0) return i + 1;
  }
  return text.length;
}

/** The root element of `text` (valid XML), or null when there is none. */
export function xmlRoot(text: string): XmlRoot | null {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // 1. Skip the prolog: white space, <?…?>, <!--…-->, <!DOCTYPE …>.
  const past = (close: string, from: number) => {
    const at = text.indexOf(close, from);
    return at === -1 ? text.length : at + close.length;
  };
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i += 1;
    if (text.startsWith('<?', i)) i = past('?>', i + 2);
    else if (text.startsWith('<!--', i)) i = past('-->', i + 4);
    else if (text.startsWith('<!', i)) i = doctypeEnd(text, i + 2);
    else break;
  }
  if (text[i] !== '<') return null;
  const offset = i;
  // 2. The start tag: a name, then attributes until `>` or `/>`.
  const name = /^[^\s/>]+/.exec(text.slice(i + 1, i + 1 + 1000))?.[0];
  if (name === undefined) return null;
  i += 1 + name.length;
  const declared = new Map<string, string>();
  const attribute = /\s*([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;
  for (;;) {
    attribute.lastIndex = i;
    const match = attribute.exec(text);
    if (!match) break;
    const [, key = '', double, single] = match;
    if (key === 'xmlns' || key.startsWith('xmlns:')) declared.set(key, decode(double ?? single ?? ''));
    i = attribute.lastIndex;
  }
  const colon = name.indexOf(':');
  const prefix = colon === -1 ? null : name.slice(0, colon);
  const namespace = declared.get(prefix === null ? 'xmlns' : `xmlns:${prefix}`);
  return {
    name,
    local: colon === -1 ? name : name.slice(colon + 1),
    namespace: namespace === undefined || namespace === '' ? null : namespace,
    offset,
  };
}
