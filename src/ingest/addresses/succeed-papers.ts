/**
 * Papers known by a new identity key: a paper first seen without an arXiv id (a scraped page,
 * keyed by its title and first author, or by its DOI) that a later source brings with its id is
 * keyed by the id from then on. Matched as merge-duplicates.ts matches entries — the same DOI,
 * else the same folded title and first author (or the title alone when either has no authors)
 * — and only when exactly one new paper matches. Pure.
 */
import type { Entry } from '../../schema/paper.ts';
import { firstAuthorKey, foldForMatch } from '../merge/identity-key.ts';

/** For each old key no paper has any more, the key of the paper it became: old key → new key. */
export function succeedPapers(
  oldKeys: Iterable<string>,
  papers: readonly { readonly key: string; readonly entry: Pick<Entry, 'title' | 'authors' | 'doi'> }[],
): Map<string, string> {
  const keys = new Set(papers.map((paper) => paper.key));
  const old = new Set(oldKeys);
  // Only papers new to the folder can be an old paper under a new key.
  const fresh = papers.filter((paper) => !old.has(paper.key));
  const byDoi = groupBy(fresh, (paper) => paper.entry.doi?.toLowerCase() ?? null);
  const byTitle = groupBy(fresh, (paper) => foldForMatch(paper.entry.title));
  const successors = new Map<string, string>();
  const taken = new Set<string>();
  for (const key of [...old].sort()) {
    if (keys.has(key)) continue;
    const bare = key.replace(/#\d+$/, '');
    let found: readonly { key: string }[] = [];
    if (bare.startsWith('doi:')) found = byDoi.get(bare.slice('doi:'.length)) ?? [];
    else if (bare.startsWith('title:')) {
      const [title, author] = splitTitleKey(bare.slice('title:'.length));
      found = (byTitle.get(title) ?? []).filter((paper) => {
        const theirs = firstAuthorKey(paper.entry.authors);
        return author === '' || theirs === '' || theirs === author;
      });
    }
    const [only] = found;
    if (found.length === 1 && !taken.has(only!.key)) {
      successors.set(key, only!.key);
      taken.add(only!.key);
    }
  }
  return successors;
}

/** `<folded title>|<author>` → its two parts (a folded title has no `|`). */
function splitTitleKey(rest: string): [string, string] {
  const bar = rest.lastIndexOf('|');
  return bar === -1 ? [rest, ''] : [rest.slice(0, bar), rest.slice(bar + 1)];
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === null) continue;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
