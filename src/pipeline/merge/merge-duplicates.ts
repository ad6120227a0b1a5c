/**
 * Entries for the same paper (same identity key) become one. Precedence, documented in the
 * README: the first source wins for text fields (sources in command-line order, entries in
 * file order); a later source only fills fields the earlier ones left empty; list fields
 * (categories, tags) are united; the earliest listing date and the highest upvote count win.
 */
import type { Entry } from '../../schema/paper.ts';
import { displayPath, type Problem } from '../errors.ts';
import type { LocatedEntry } from '../normalize/normalize-entry.ts';
import { identityKey } from './identity-key.ts';

/** A paper after merging, with every place it was found (first one first). */
export interface MergedEntry {
  readonly key: string;
  readonly entry: Entry;
  readonly origins: readonly { file: string; line: number }[];
}

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];

function mergeTwo(first: Entry, later: Entry): Entry {
  return {
    id: first.id ?? later.id,
    title: first.title,
    abstract: first.abstract || later.abstract,
    authors: first.authors.length > 0 ? first.authors : later.authors,
    date: first.date <= later.date ? first.date : later.date,
    url: first.url ?? later.url,
    code_url: first.code_url ?? later.code_url,
    categories: union(first.categories, later.categories),
    tags: union(first.tags, later.tags),
    upvotes: first.upvotes === null ? later.upvotes : later.upvotes === null ? first.upvotes : Math.max(first.upvotes, later.upvotes),
  };
}

/** Merges entries that share an identity key; each merge is reported as a warning. */
export function mergeDuplicates(entries: readonly LocatedEntry[]): { merged: MergedEntry[]; problems: Problem[] } {
  const byKey = new Map<string, { entry: Entry; origins: { file: string; line: number }[] }>();
  const problems: Problem[] = [];
  for (const located of entries) {
    const key = identityKey(located.entry);
    const seen = byKey.get(key);
    const origin = { file: located.file, line: located.line };
    if (!seen) {
      byKey.set(key, { entry: located.entry, origins: [origin] });
      continue;
    }
    const first = seen.origins[0]!;
    problems.push({
      severity: 'warning',
      file: located.file,
      line: located.line,
      field: located.entry.id ? 'id' : 'title',
      reason: `the same paper as ${displayPath(first.file)}:${first.line}; merged (the earlier entry wins where both have a value)`,
    });
    seen.entry = mergeTwo(seen.entry, located.entry);
    seen.origins.push(origin);
  }
  return { merged: [...byKey].map(([key, value]) => ({ key, ...value })), problems };
}
