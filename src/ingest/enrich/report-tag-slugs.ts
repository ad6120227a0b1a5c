/**
 * What the user should hear about the addresses of their tags (src/ingest/enrich/term-slugs.ts),
 * each at the first entry that uses the tag: variants merged into one page, and which spelling
 * heads it (warnings); tags set apart from a look-alike by a suffix (warnings); tags whose slug
 * had to be made up, from nothing to spell or a Windows device name (infos). Pure.
 */
import { quote, type Problem } from '../../messages/errors.ts';
import type { MergedEntry } from '../merge/merge-duplicates.ts';
import { termSlugs } from './term-slugs.ts';

const page = (slug: string) => `/tags/${slug}/`;

/** The reports on the tags of `merged`, in the order of their terms' slugs. */
export function reportTagSlugs(merged: readonly MergedEntry[]): Problem[] {
  const uses = new Map<string, number>();
  const firstAt = new Map<string, { file: string; line: number }>();
  for (const { entry, origins } of merged) {
    for (const tag of new Set(entry.tags)) {
      uses.set(tag, (uses.get(tag) ?? 0) + 1);
      if (!firstAt.has(tag)) firstAt.set(tag, origins[0]!);
    }
  }
  const problems: Problem[] = [];
  const report = (label: string, severity: Problem['severity'], reason: string) =>
    problems.push({ severity, ...firstAt.get(label)!, field: 'tags', reason });

  for (const term of termSlugs(uses).terms.values()) {
    for (const variant of term.labels.slice(1)) {
      const why =
        uses.get(term.label)! > uses.get(variant)! ? 'the spelling more papers use' : 'which sorts first of spellings used equally often';
      report(
        variant,
        'warning',
        `${quote(variant)} and ${quote(term.label)} differ only in case, accents or invisible characters, so they are one tag: its page ${page(term.slug)} is headed ${quote(term.label)}, ${why}; spell the tag one way to silence this`,
      );
    }
    if (term.cause === 'taken') {
      report(
        term.label,
        'warning',
        `${quote(term.label)} and ${quote(term.takenBy)} are different tags that would share ${page(term.wanted)}, so ${quote(term.label)} is at ${page(term.slug)}; spell them alike if they are one tag`,
      );
    } else if (term.cause === 'device') {
      report(
        term.label,
        'info',
        `${quote(term.label)} would be at ${page(term.wanted)}, a device name on Windows; its page is ${page(term.slug)}`,
      );
    } else if (term.cause === 'empty') {
      report(term.label, 'info', `${quote(term.label)} has no letters or digits a web address can spell; its page is ${page(term.slug)}`);
    }
  }
  return problems;
}
