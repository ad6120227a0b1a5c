/** What the link finders return for one file of a built site. */

/** A URL written in a file. */
export interface FoundLink {
  /** As written (entities decoded), relative or absolute. */
  readonly url: string;
  /** 1-based line where it is written. */
  readonly line: number;
  /** True when it must be an address on the site (a sitemap's `<loc>`, a feed's own address). */
  readonly onSite?: boolean;
}

/** The links of one file, and for a page the ids a `#fragment` can ask for. */
export interface FileLinks {
  readonly links: FoundLink[];
  /** Ids and `<a name>`s, for pages; empty for other files. */
  readonly ids: ReadonlySet<string>;
}

/** True for an absolute `http(s)` URL: the only strings of free text (meta content, JSON) taken as links. */
export const isAbsoluteHttp = (text: string): boolean => /^\s*https?:\/\/\S+\s*$/i.test(text);

/** Every string in a JSON value, with its key (`''` for array items), in document order. */
export function* jsonStrings(value: unknown, key = ''): Generator<{ key: string; value: string }> {
  if (typeof value === 'string') yield { key, value };
  else if (Array.isArray(value)) for (const item of value) yield* jsonStrings(item);
  else if (value !== null && typeof value === 'object') for (const [name, item] of Object.entries(value)) yield* jsonStrings(item, name);
}

/**
 * Finds the lines of strings in a text, in the order they are written there: each search
 * starts where the last one ended, so a file of many links is read once, not once a link.
 */
export function lineFinder(text: string): (needle: string) => number {
  let at = 0;
  let line = 1;
  return (needle) => {
    const found = text.indexOf(needle, at);
    if (found < 0) return line;
    for (let index = at; index < found; index += 1) if (text.charCodeAt(index) === 10) line += 1;
    at = found;
    return line;
  };
}
