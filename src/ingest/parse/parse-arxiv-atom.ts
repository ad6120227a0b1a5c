/**
 * arXiv API responses: Atom feeds (`http://export.arxiv.org/api/query?…`) with one `<entry>`
 * per paper. Read with fast-xml-parser, never with regular expressions over the XML. Each
 * entry's line is where the parser itself saw `<entry` start (its `captureMetaData`
 * positions), so an `<entry>` inside a comment or CDATA cannot shift the count.
 */
import { XMLParser, XMLValidator, type EntityDecoderOptions } from 'fast-xml-parser';
import { pickCodeUrl } from '../enrich/find-code-links.ts';
import { quote, type Problem } from '../../messages/errors.ts';
import type { ParseOptions, ParseResult, RawEntry } from './raw-entry.ts';
import { lineAt, lineStarts } from './text-position.ts';
import { xmlRoot } from './xml-root.ts';

/** The Atom namespace: the root of an arXiv API response is `<feed>` in it. */
const ATOM_NAMESPACE = 'http://www.w3.org/2005/Atom';

type XmlNode = Record<string, unknown>;

const XML_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The XML character a numeric reference names, or null for code points XML forbids. */
function fromCodePoint(code: number): string | null {
  const allowed =
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff);
  return allowed ? String.fromCodePoint(code) : null;
}

/**
 * Decodes only what XML itself defines: the five built-in entities and numeric references.
 * Entities declared in a DOCTYPE are never expanded (no "billion laughs", no external
 * entities), and HTML names such as `&nbsp;` stay as written.
 */
const xmlOnlyEntities: EntityDecoderOptions = {
  setExternalEntities: () => {},
  addInputEntities: () => {},
  reset: () => {},
  setXmlVersion: () => {},
  decode: (text) =>
    text.replace(/&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(lt|gt|amp|quot|apos));/g, (whole, dec?: string, hex?: string, name?: string) => {
      if (name !== undefined) return XML_ENTITIES[name] ?? whole;
      return fromCodePoint(dec !== undefined ? Number(dec) : Number.parseInt(hex ?? '', 16)) ?? whole;
    }),
};

const LISTS = new Set(['entry', 'author', 'category', 'link']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  // Every element becomes an object with `#text`, so every element, empty or not, has a position.
  alwaysCreateTextNode: true,
  captureMetaData: true,
  // Keep ids, titles and dates as the strings they are (`2501.00663` is not a number).
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // `arxiv:comment` → `comment`, whatever prefix the feed binds the arXiv namespace to.
  removeNSPrefix: true,
  isArray: (name) => LISTS.has(name),
  processEntities: true,
  htmlEntities: false,
  entityDecoder: xmlOnlyEntities,
});
// Typed as the `Symbol` wrapper object; it is a plain symbol at run time.
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

const isNode = (value: unknown): value is XmlNode => value !== null && typeof value === 'object' && !Array.isArray(value);
const nodes = (value: unknown): XmlNode[] => (Array.isArray(value) ? value.filter(isNode) : isNode(value) ? [value] : []);
const textOf = (value: unknown): string | undefined => {
  const text = isNode(value) ? value['#text'] : undefined;
  return typeof text === 'string' ? text : undefined;
};
const attr = (node: XmlNode, name: string): string | undefined => {
  const value = node[`@${name}`];
  return typeof value === 'string' ? value : undefined;
};
/** Where fast-xml-parser saw the element start (captureMetaData), as an offset into the text. */
const startOf = (node: XmlNode): number | undefined => {
  const meta: unknown = (node as Record<symbol, unknown>)[META];
  return isNode(meta) && typeof meta['startIndex'] === 'number' ? meta['startIndex'] : undefined;
};

/** arXiv wraps titles with a line break and indentation: one space each, the text on one line. */
const foldLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Summaries are wrapped the same way; a blank line, though, is a real paragraph break and stays. */
const foldParagraphs = (text: string) =>
  text
    .split(/\n[ \t]*\n/)
    .map(foldLine)
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');

/** The longest `<id>` read as an arXiv URL; a longer one is passed on as written (no arXiv URL comes near it). */
const MAX_ID_URL = 200;

/** `http://arxiv.org/abs/2501.00663v2` → id `2501.00663`, version 2 (0 when unversioned). */
function splitArxivUrl(raw: string): { id: string; version: number } {
  // The lazy `.+?` retries the rest of the text from each `arxiv.org/abs/` in it: bounded by the length.
  const match = raw.length > MAX_ID_URL ? null : /arxiv\.org\/abs\/(.+?)(?:v(\d+))?$/i.exec(raw.trim());
  // Anything else is passed on as written, for the schema to reject with its own message.
  return match?.[1] ? { id: match[1], version: Number(match[2] ?? 0) } : { id: raw.trim(), version: 0 };
}

/** The `YYYY-MM-DD` a timestamp is written with (arXiv writes UTC, `2024-12-31T18:32:35Z`); not shifted. */
const dayOf = (value: string | undefined) =>
  value !== undefined && /^\s*\d{4}-\d{2}-\d{2}/.test(value) ? value.trim().slice(0, 10) : value?.trim();

interface Parsed {
  readonly entry: RawEntry;
  readonly id: string;
  readonly version: number;
}

/** Maps one `<entry>` element to native fields. */
function toEntry(node: XmlNode, file: string, line: number, options: ParseOptions): Parsed {
  const { id, version } = splitArxivUrl(textOf(node['id']) ?? '');
  const categories = [...nodes(node['primary_category']), ...nodes(node['category'])]
    .map((category) => attr(category, 'term'))
    .filter((term): term is string => term !== undefined);
  const comment = textOf(node['comment']);
  const published = dayOf(textOf(node['published']));
  const fields: Record<string, unknown> = {
    id: id === '' ? undefined : id,
    title: foldLine(textOf(node['title']) ?? ''),
    abstract: foldParagraphs(textOf(node['summary']) ?? ''),
    authors: nodes(node['author']).map((author) => foldLine(textOf(author['name']) ?? '')),
    // The feed has no listing day; the submission day stands in unless the file's day (--date, its name) names one.
    date: options.date ?? published,
    published,
    doi: textOf(node['doi'])?.trim(),
    url: nodes(node['link']).find((link) => attr(link, 'rel') === 'alternate')?.['@href'],
    // Authors put the code link in the comment ("Code: https://github.com/…").
    code_url: comment === undefined ? undefined : (pickCodeUrl(comment) ?? undefined),
    categories: [...new Set(categories)],
    // The journal reference as the authors wrote it (`NAACL 2019, pages 4171-4186`): the venue, its kind unknown.
    venue: textOf(node['journal_ref']) === undefined ? undefined : foldLine(textOf(node['journal_ref'])!),
  };
  for (const key of Object.keys(fields)) if (fields[key] === undefined || fields[key] === '') delete fields[key];
  return { entry: { file, line, fields }, id, version };
}

/**
 * The children of `<entry>` the archive reads; also `updated`, set aside on purpose (versions are
 * folded into one paper). Any other child is warned about once per file.
 */
const ENTRY_CHILDREN = new Set([
  'id',
  'updated',
  'published',
  'title',
  'summary',
  'author',
  'link',
  'category',
  'primary_category',
  'comment',
  'journal_ref',
  'doi',
]);

/** The children of an `<entry>` not in `ENTRY_CHILDREN`, with where each starts. */
const unknownChildren = (node: XmlNode) =>
  Object.keys(node)
    .filter((name) => !name.startsWith('@') && name !== '#text' && !ENTRY_CHILDREN.has(name))
    .map((name) => ({ name, start: nodes(node[name])[0] === undefined ? undefined : startOf(nodes(node[name])[0]!) }));

/** Keeps the newest version of each id (the first of equals), warning about every copy dropped. */
function keepNewest(parsed: readonly Parsed[]): { kept: RawEntry[]; problems: Problem[] } {
  const best = new Map<string, Parsed>();
  for (const item of parsed) {
    const current = best.get(item.id);
    if (item.id === '' || !current || item.version > current.version) best.set(item.id, item);
  }
  const kept: RawEntry[] = [];
  const problems: Problem[] = [];
  for (const item of parsed) {
    const winner = best.get(item.id);
    if (item.id === '' || winner === item) {
      kept.push(item.entry);
      continue;
    }
    const versions = item.version === winner?.version ? `a second copy of v${item.version}` : `v${item.version}`;
    problems.push({
      severity: 'warning',
      file: item.entry.file,
      line: item.entry.line,
      field: 'id',
      reason: `${quote(item.id)} appears again at line ${winner?.entry.line}; ${versions} dropped, v${winner?.version} kept`,
    });
  }
  return { kept, problems };
}

/** A message of the XML reader, cut to a line's length. */
const shorten = (message: string) => (message.length > 200 ? `${message.slice(0, 200)}…` : message);

/** Parses an arXiv Atom feed into raw entries: the newest version of each paper. */
export function parseArxivAtom(text: string, file: string, options: ParseOptions): ParseResult {
  const fail = (line: number, reason: string): ParseResult => ({
    entries: [],
    problems: [{ severity: 'error', file, line, field: 'file', reason }],
  });
  const valid = XMLValidator.validate(text);
  // The validator's message can quote the whole stack of open tags: shortened.
  if (valid !== true) return fail(valid.err.line, `invalid XML at column ${valid.err.col}: ${shorten(valid.err.msg)}`);
  let document: unknown;
  try {
    document = parser.parse(text);
  } catch (error) {
    // The validator passed, so this is one of the parser's own limits (nesting depth, entity size).
    return fail(1, `cannot read the feed: ${shorten(error instanceof Error ? error.message : String(error))}`);
  }
  const starts = lineStarts(text);
  // Only a `feed` in the Atom namespace is Atom; `<rss>`, or a `feed` of another vocabulary, is not.
  const root = xmlRoot(text);
  if (root?.local !== 'feed' || root.namespace !== ATOM_NAMESPACE) {
    const what =
      root === null
        ? 'no root element'
        : `the root element \`<${root.name}>\` ${root.namespace === null ? 'in no namespace' : `in the namespace ${root.namespace}`}`;
    return fail(
      root === null ? 1 : lineAt(starts, root.offset),
      `${what} is not an Atom feed; expected <feed xmlns="${ATOM_NAMESPACE}"> (an arXiv API response)`,
    );
  }
  const feed = isNode(document) ? nodes(document['feed'])[0] : undefined;
  if (!feed) return fail(1, `expected an Atom <feed xmlns="${ATOM_NAMESPACE}"> (an arXiv API response)`);

  const parsed: Parsed[] = [];
  const problems: Problem[] = [];
  const unknownSeen = new Set<string>();
  for (const node of nodes(feed['entry'])) {
    // With alwaysCreateTextNode every element has a recorded start; line 1 is only a fallback.
    const line = lineAt(starts, startOf(node) ?? 0);
    for (const { name, start } of unknownChildren(node).filter((child) => !unknownSeen.has(child.name))) {
      unknownSeen.add(name);
      const reason = `not kept: <${name.slice(0, 60)}> is not an element of arXiv's entries this archive reads, so it is ignored (said once per element in this file)`;
      problems.push({
        severity: 'warning',
        file,
        line: start === undefined ? line : lineAt(starts, start),
        field: name.slice(0, 60),
        reason,
      });
    }
    const rawId = textOf(node['id']) ?? '';
    // A failed query answers with one entry whose id points into arxiv.org/api/errors.
    if (/arxiv\.org\/api\/errors/i.test(rawId)) {
      problems.push({
        severity: 'error',
        file,
        line,
        field: 'entry',
        reason: `the arXiv API returned an error: ${shorten(foldLine(textOf(node['summary']) ?? rawId))}`,
      });
      continue;
    }
    parsed.push(toEntry(node, file, line, options));
  }
  const { kept, problems: dropped } = keepNewest(parsed);
  if (kept.length === 0 && problems.length === 0)
    problems.push({ severity: 'warning', file, line: 1, field: 'file', reason: 'the feed has no entries' });
  return { entries: kept, problems: [...problems, ...dropped] };
}
