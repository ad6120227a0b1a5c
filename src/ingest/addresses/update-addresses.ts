/**
 * The address history after an ingest: the addresses papers moved from redirect to where they
 * are now, the addresses of papers that left keep a record of it, and every redirect leads to
 * its end in one step (a → b → c is written a → c). An address that is a paper's page again
 * leaves the history: the real paper wins. Pure; warnings say what was dropped and why.
 */
import type { Problem } from '../../messages/errors.ts';
import type { AddressHistory, AddressRecord } from './address-file.ts';

/** What an ingest changed about addresses. */
export interface AddressChanges {
  /** The history as the file held it, with the line of each address (for warnings). */
  readonly previous: AddressHistory;
  readonly lines?: ReadonlyMap<string, number> | undefined;
  /** The history file, as warnings name it. */
  readonly file: string;
  /** Papers whose slug changed: old slug → new slug. */
  readonly moved: ReadonlyMap<string, string>;
  /** Papers that left the sources: their last slug → their title. */
  readonly left: ReadonlyMap<string, string>;
  /** Every paper's slug now. */
  readonly current: ReadonlySet<string>;
  /** The day papers that left are recorded as removed, YYYY-MM-DD. */
  readonly today: string;
}

/** The new history, sorted by slug, and what was dropped from it. */
export function updateAddresses(changes: AddressChanges): { history: Map<string, AddressRecord>; problems: Problem[] } {
  const { previous, moved, left, current, today } = changes;
  const problems: Problem[] = [];
  const warn = (slug: string, reason: string) =>
    problems.push({ severity: 'warning', file: changes.file, line: changes.lines?.get(slug) ?? 1, field: slug, reason });

  // 1. Everything known: the file's history, this run's moves and departures.
  const all = new Map<string, AddressRecord>(previous);
  for (const [from, to] of moved) all.set(from, { to });
  for (const [slug, title] of left) all.set(slug, { removed: today, title });

  /** Where a redirect to `start` ends: a paper's slug, or an address whose paper left; null when it loops or leads nowhere. */
  const end = (start: string): string | null => {
    const seen = new Set<string>();
    for (let slug = start; ;) {
      if (current.has(slug)) return slug;
      const record = all.get(slug);
      if (!record || seen.has(slug)) return null;
      if ('removed' in record) return slug;
      seen.add(slug);
      slug = record.to;
    }
  };

  // 2. Each address, resolved; an address that is a paper's page again is that paper's.
  const history = new Map<string, AddressRecord>();
  for (const slug of [...all.keys()].sort()) {
    const record = all.get(slug)!;
    if (current.has(slug)) {
      const led = 'to' in record ? end(record.to) : null;
      if (led !== null && led !== slug && current.has(led)) {
        warn(slug, `the old address of \`${led}\` is now the page of another paper, which wins; the redirect was dropped`);
      }
      continue;
    }
    if ('removed' in record) {
      history.set(slug, record);
      continue;
    }
    const target = end(record.to);
    if (target === null)
      warn(
        slug,
        `redirects to \`${record.to}\`, which leads to no paper (a loop, or an address neither a paper nor in this file); dropped`,
      );
    else history.set(slug, { to: target });
  }
  return { history, problems };
}
