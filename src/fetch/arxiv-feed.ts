/**
 * arXiv API pages read, and written back as one Atom feed: the first page's head (title, id,
 * links, opensearch counts) and every `<entry>` element as received. Both ways go through
 * fast-xml-parser in its order-keeping form, with text and attribute values left as written
 * (entities undecoded), so an entry's content passes through unchanged and is never glued
 * into markup by hand.
 */
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { xmlRoot } from '../ingest/parse/xml-root.ts';

/** One node of the order-keeping tree: `{ tag: children, ':@': attributes }`, or `{ '#text': … }`. */
type XmlNode = Record<string, unknown>;

/** One entry of a page. */
export interface ArxivEntry {
  /** The element, as parsed. */
  readonly node: XmlNode;
  /** Its `<id>`, e.g. `http://arxiv.org/abs/2512.01234v1`. */
  readonly id: string;
  /** Its `<published>` day, `YYYY-MM-DD` ('' when it has none). */
  readonly published: string;
  /** The namespaces its page declared on `<feed>`, by attribute (`xmlns:arxiv`). */
  readonly namespaces: Readonly<Record<string, string>>;
}

/** One page of an arXiv API answer. */
export interface ArxivPage {
  /** What comes before `<feed>`: the XML declaration, comments. */
  readonly prolog: readonly XmlNode[];
  /** The `<feed>` element. */
  readonly feed: XmlNode;
  readonly entries: readonly ArxivEntry[];
  /** `opensearch:totalResults`: how many entries the query has in all; null when the page does not say. */
  readonly total: number | null;
  /** The API's own error, when the page is its error entry (a query it cannot read). */
  readonly error: string | null;
}

const ATOM = 'http://www.w3.org/2005/Atom';
const ATTRIBUTES = ':@';
const SHARED = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  commentPropName: '#comment',
  cdataPropName: '#cdata',
};
const parser = new XMLParser({
  ...SHARED,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  ignoreDeclaration: false,
  ignorePiTags: false,
});
const builder = new XMLBuilder({
  ...SHARED,
  processEntities: false,
  format: false,
  suppressEmptyNode: false,
  // Values are as written; only a `"` from a single-quoted attribute needs escaping inside double quotes.
  attributeValueProcessor: (_name: string, value: unknown) => String(value).replace(/"/g, '&quot;'),
});

const tagOf = (node: XmlNode) => Object.keys(node).find((key) => key !== ATTRIBUTES) ?? '';
const localName = (tag: string) => tag.slice(tag.indexOf(':') + 1);
const childrenOf = (node: XmlNode): XmlNode[] => {
  const children = node[tagOf(node)];
  return Array.isArray(children) ? (children as XmlNode[]) : [];
};
const attributesOf = (node: XmlNode) => (node[ATTRIBUTES] ?? {}) as Record<string, string>;
const child = (node: XmlNode, local: string) => childrenOf(node).find((item) => localName(tagOf(item)) === local);
/** The text of `node` (its text and CDATA children), or ''. */
const textOf = (node: XmlNode | undefined): string =>
  node === undefined
    ? ''
    : childrenOf(node)
        .map((item) => (typeof item['#text'] === 'string' ? item['#text'] : tagOf(item) === '#cdata' ? textOf(item) : ''))
        .join('')
        .trim();
const isEntry = (node: XmlNode) => localName(tagOf(node)) === 'entry';

/** Reads one page; throws when it is cut off, or not an Atom feed, so the request is tried again. */
export function readArxivPage(text: string): ArxivPage {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new Error(`invalid XML at line ${valid.err.line}: ${valid.err.msg.slice(0, 120)}`);
  const root = xmlRoot(text);
  if (root?.local !== 'feed' || root.namespace !== ATOM) throw new Error('not an Atom feed');
  const document = parser.parse(text) as XmlNode[];
  const at = document.findIndex((node) => localName(tagOf(node)) === 'feed');
  const feed = document[at]!;
  const namespaces = Object.fromEntries(Object.entries(attributesOf(feed)).filter(([name]) => /^@_xmlns(:|$)/.test(name)));
  const entries = childrenOf(feed)
    .filter(isEntry)
    .map((node) => ({ node, id: textOf(child(node, 'id')), published: textOf(child(node, 'published')).slice(0, 10), namespaces }));
  const total = Number(textOf(child(feed, 'totalResults')) || Number.NaN);
  // A query the API cannot read comes back as one entry whose id points into arxiv.org/api/errors.
  const failed = entries.find((entry) => /arxiv\.org\/api\/errors/i.test(entry.id));
  return {
    prolog: document.slice(0, at).filter((node) => tagOf(node) !== '#text'),
    feed,
    entries: failed ? [] : entries,
    total: Number.isFinite(total) ? total : null,
    error: failed ? textOf(child(failed.node, 'summary')).replace(/\s+/g, ' ') || failed.id : null,
  };
}

/** `entry` as it stands in the first page's feed: with its own page's namespaces when they differ. */
function placed(entry: ArxivEntry, first: ArxivPage): XmlNode {
  const head = attributesOf(first.feed);
  const differ = Object.entries(entry.namespaces).some(([name, uri]) => head[name] !== uri);
  return differ ? { ...entry.node, [ATTRIBUTES]: { ...entry.namespaces, ...attributesOf(entry.node) } } : entry.node;
}

/** One Atom document: `first`'s head and `entries` (from any page), in order. */
export function arxivFeed(first: ArxivPage, entries: readonly ArxivEntry[]): string {
  const head = childrenOf(first.feed).filter((node) => !isEntry(node));
  while (head.length > 0 && /^\s*$/.test(String(head.at(-1)?.['#text'] ?? 'x'))) head.pop();
  const children = [...head, ...entries.flatMap((entry) => [{ '#text': '\n  ' }, placed(entry, first)]), { '#text': '\n' }];
  const feed = { [tagOf(first.feed)]: children, [ATTRIBUTES]: attributesOf(first.feed) };
  const text = `${builder.build([...first.prolog.flatMap((node) => [node, { '#text': '\n' }]), feed]) as string}\n`;
  // What was read as valid XML stays valid; a failure here is a defect, not a server's.
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new Error(`the feed written for arXiv is not valid XML: ${valid.err.msg}`);
  return text;
}
