/**
 * Entries for the same paper become one. Two entries are the same paper when they have the
 * same arXiv id; else (one of them has no id) the same DOI; else (neither pair of ids or DOIs
 * to compare) the same folded title and first author — an entry without authors matches on
 * the title alone. Precedence, documented in the README: the first source wins for text fields
 * (sources in command-line order, entries in file order); a later source only fills fields the
 * earlier ones left empty; categories and tags are united; the earliest listing date, the most
 * precise publication date and the highest upvote count win. The publication details (type,
 * venue, volume, issue, pages, publisher) are one record, never mixed from two sources: they
 * come whole from the first entry that names its type, else from the first that has any of them.
 */
import type { Entry } from '../../schema/paper.ts';
import { displayPath, type Problem } from '../../messages/errors.ts';
import type { LocatedEntry } from '../normalize/normalize-entry.ts';
import unhomoglyph from 'unhomoglyph';
import { firstAuthorKey, foldForMatch, identityKey } from './identity-key.ts';

/** A paper after merging, with every place it was found (first one first). */
export interface MergedEntry {
  readonly key: string;
  readonly entry: Entry;
  readonly origins: readonly { file: string; line: number }[];
  /** The address the first of its entries that asked for one asked for (src/schema/paper.ts, `ADDRESS_FIELD`). */
  readonly askedSlug?: string | undefined;
}

interface Group {
  entry: Entry;
  origins: { file: string; line: number }[];
  askedSlug?: string | undefined;
}

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];

/** The fields that say where a paper was published: they describe one publication together. */
const PUBLICATION_FIELDS = ['type', 'venue', 'volume', 'issue', 'pages', 'publisher'] as const;
type Publication = Pick<Entry, (typeof PUBLICATION_FIELDS)[number]>;

/** The publication details of `first`, unless `later` names its type and `first` does not, or `first` has none. */
function publicationOf(first: Entry, later: Entry): Publication {
  const has = (entry: Entry) => PUBLICATION_FIELDS.some((field) => entry[field] !== null);
  const source = first.type !== null || (later.type === null && has(first)) ? first : later;
  return {
    type: source.type,
    venue: source.venue,
    volume: source.volume,
    issue: source.issue,
    pages: source.pages,
    publisher: source.publisher,
  };
}

function mergeTwo(first: Entry, later: Entry): Entry {
  return {
    id: first.id ?? later.id,
    title: first.title,
    abstract: first.abstract || later.abstract,
    authors: first.authors.length > 0 ? first.authors : later.authors,
    // The earliest listing day; a dated entry and an undated one merge to the dated one.
    date: first.date === null || (later.date !== null && later.date < first.date) ? later.date : first.date,
    published: (later.published?.length ?? 0) > (first.published?.length ?? 0) ? later.published : first.published,
    doi: first.doi ?? later.doi,
    url: first.url ?? later.url,
    code_url: first.code_url ?? later.code_url,
    categories: union(first.categories, later.categories),
    tags: union(first.tags, later.tags),
    upvotes: first.upvotes === null ? later.upvotes : later.upvotes === null ? first.upvotes : Math.max(first.upvotes, later.upvotes),
    ...publicationOf(first, later),
    citekey: first.citekey ?? later.citekey,
    project_url: first.project_url ?? later.project_url,
    hf_url: first.hf_url ?? later.hf_url,
  };
}

/** Why `entry` is the same paper as `group`, or null when it is not. */
function sameBecause(entry: Entry, group: Entry): string | null {
  if (entry.id && group.id) return entry.id === group.id ? 'same arXiv id' : null;
  if (entry.doi && group.doi) return entry.doi.toLowerCase() === group.doi.toLowerCase() ? 'same DOI' : null;
  if (foldForMatch(entry.title) !== foldForMatch(group.title)) return null;
  const [a, b] = [firstAuthorKey(entry.authors), firstAuthorKey(group.authors)];
  if (a && b) return a === b ? 'same title and first author' : null;
  return 'same title';
}

/**
 * Titles that differ only by look-alike letters from other scripts (a Cyrillic `а` for `a`):
 * not merged, since they may be different papers, but flagged, since usually they are not.
 */
function lookalikes(groups: readonly Group[]): Problem[] {
  const bySkeleton = new Map<string, Group>();
  const problems: Problem[] = [];
  for (const group of groups) {
    const skeleton = foldForMatch(unhomoglyph(group.entry.title.normalize('NFKD')));
    const earlier = bySkeleton.get(skeleton);
    if (!earlier) {
      bySkeleton.set(skeleton, group);
      continue;
    }
    if (foldForMatch(earlier.entry.title) === foldForMatch(group.entry.title)) continue;
    const [origin, first] = [group.origins[0]!, earlier.origins[0]!];
    problems.push({
      severity: 'warning',
      file: origin.file,
      line: origin.line,
      field: 'title',
      reason: `looks the same as the title at ${displayPath(first.file)}:${first.line} but uses look-alike letters from another script; a duplicate?`,
    });
  }
  return problems;
}

/** Merges entries that are the same paper; each merge is reported as a warning. */
export function mergeDuplicates(entries: readonly LocatedEntry[]): { merged: MergedEntry[]; problems: Problem[] } {
  const groups: Group[] = [];
  const byId = new Map<string, Group>();
  const byDoi = new Map<string, Group>();
  const byTitle = new Map<string, Group[]>();
  const index = (group: Group) => {
    if (group.entry.id) byId.set(group.entry.id, group);
    if (group.entry.doi) byDoi.set(group.entry.doi.toLowerCase(), group);
    const title = foldForMatch(group.entry.title);
    const list = byTitle.get(title) ?? [];
    if (!list.includes(group)) byTitle.set(title, [...list, group]);
  };
  const problems: Problem[] = [];

  for (const located of entries) {
    const { entry } = located;
    const candidates = [
      entry.id ? byId.get(entry.id) : undefined,
      entry.doi ? byDoi.get(entry.doi.toLowerCase()) : undefined,
      ...(byTitle.get(foldForMatch(entry.title)) ?? []),
    ];
    let match: Group | undefined;
    let reason: string | null = null;
    for (const candidate of candidates) {
      reason = candidate ? sameBecause(entry, candidate.entry) : null;
      if (reason) {
        match = candidate;
        break;
      }
    }
    const origin = { file: located.file, line: located.line };
    if (!match) {
      const group: Group = { entry, origins: [origin], askedSlug: located.askedSlug };
      groups.push(group);
      index(group);
      continue;
    }
    const first = match.origins[0]!;
    problems.push({
      severity: 'warning',
      file: located.file,
      line: located.line,
      field: entry.id ? 'id' : entry.doi ? 'doi' : 'title',
      reason: `the same paper as ${displayPath(first.file)}:${first.line} (${reason}); merged, the earlier entry winning where both have a value`,
    });
    match.entry = mergeTwo(match.entry, entry);
    match.origins.push(origin);
    match.askedSlug ??= located.askedSlug;
    index(match);
  }
  problems.push(...lookalikes(groups));

  // Keys name papers across runs, so they must be unique; two groups can only share one in
  // contrived cases (an id-less twin of a paper whose other copy had its DOI), told apart here.
  const used = new Set<string>();
  const merged = groups.map((group) => {
    let key = identityKey(group.entry);
    for (let n = 2; used.has(key); n += 1) key = `${identityKey(group.entry)}#${n}`;
    used.add(key);
    return group.askedSlug === undefined
      ? { key, entry: group.entry, origins: group.origins }
      : { key, entry: group.entry, origins: group.origins, askedSlug: group.askedSlug };
  });
  return { merged, problems };
}
