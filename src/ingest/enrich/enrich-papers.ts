/**
 * Merged entries → papers: a stable slug, a code link found in the abstract when the entry
 * has none, and terms of every taxonomy (the file's, by rules over title and abstract; and
 * `categories` and `tags` from the entry's own fields). Pure.
 */
import type { Entry, Paper } from '../../schema/paper.ts';
import type { Taxonomy } from '../../schema/taxonomy.ts';
import type { MergedEntry } from '../merge/merge-duplicates.ts';
import { compileTaxonomies, type TaxonomyMatcher } from './auto-tag.ts';
import { pickCodeUrl } from './find-code-links.ts';
import { makeSlugs } from './make-slugs.ts';
import { categoryTermId, ownTagSlugs } from './term-slugs.ts';

/** Inputs enrichment needs besides the entries. */
export interface EnrichContext {
  readonly taxonomies: readonly Taxonomy[];
  /** Slugs papers already have, by identity key, so their addresses never change. */
  readonly previousSlugs?: ReadonlyMap<string, string>;
}

/** A paper together with the identity key and sources it was merged from. */
export interface EnrichedPaper {
  readonly key: string;
  readonly paper: Paper;
  readonly origins: MergedEntry['origins'];
}

/**
 * A merged entry with its slug, enriched on demand: tagging is the costly part of enrichment,
 * and a paper whose file is already up to date never needs it. `paper()` enriches on its first
 * call and returns the same paper after.
 */
export interface PendingPaper extends MergedEntry {
  readonly slug: string;
  paper(): Paper;
}

/** Gives every merged entry its slug; the result is sorted by slug so output order never depends on input order. */
export function planPapers(merged: readonly MergedEntry[], context: EnrichContext): PendingPaper[] {
  const slugs = makeSlugs(
    merged.map((item) => ({ id: item.entry.id, title: item.entry.title, key: item.key, asked: item.askedSlug })),
    context.previousSlugs,
  );
  return merged
    .map(({ key, entry, origins }): PendingPaper => {
      const slug = slugs.get(key)!;
      let paper: Paper | undefined;
      return { key, entry, origins, slug, paper: () => (paper ??= enrichEntry(entry, slug, context.taxonomies)) };
    })
    .sort((a, b) => (a.slug < b.slug ? -1 : 1));
}

/** Enriches every merged entry at once; sorted by slug like `planPapers`. */
export function enrichPapers(merged: readonly MergedEntry[], context: EnrichContext): EnrichedPaper[] {
  return planPapers(merged, context).map((pending) => ({ key: pending.key, paper: pending.paper(), origins: pending.origins }));
}

/** Each set of taxonomies compiled once: compiling is the costly part of tagging a few papers. */
const matchers = new WeakMap<readonly Taxonomy[], TaxonomyMatcher>();

/**
 * The paper `entry` becomes at `slug`: its terms tagged by `taxonomies`, its code link found.
 * Its tags get the slugs they would have if no other paper had tags; the archive settles the
 * few that another paper's tag would share (`settleTags` in src/site/archive/build-archive.ts).
 */
export function enrichEntry(entry: Entry, slug: string, taxonomies: readonly Taxonomy[]): Paper {
  let matcher = matchers.get(taxonomies);
  if (!matcher) matchers.set(taxonomies, (matcher = compileTaxonomies(taxonomies)));
  const terms: Record<string, string[]> = matcher.tag(entry);
  if (entry.categories.length > 0) terms['categories'] = entry.categories.map(categoryTermId);
  if (entry.tags.length > 0) terms['tags'] = ownTagSlugs(entry.tags);
  return { ...entry, code_url: entry.code_url ?? pickCodeUrl(entry.abstract), slug, terms };
}
