/**
 * Merged entries → papers: a stable slug, a code link found in the abstract when the entry
 * has none, and terms of every taxonomy (the file's, by rules over title and abstract; and
 * `categories` and `tags` from the entry's own fields). Pure.
 */
import type { Paper } from '../../schema/paper.ts';
import type { Taxonomy } from '../../schema/taxonomy.ts';
import type { MergedEntry } from '../merge/merge-duplicates.ts';
import { compileTaxonomies } from './auto-tag.ts';
import { pickCodeUrl } from './find-code-links.ts';
import { makeSlugs, slugifyTitle } from './make-slugs.ts';

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

/** Enriches every merged entry; the result is sorted by slug so output order never depends on input order. */
export function enrichPapers(merged: readonly MergedEntry[], context: EnrichContext): EnrichedPaper[] {
  const slugs = makeSlugs(
    merged.map((item) => ({ id: item.entry.id, title: item.entry.title, key: item.key })),
    context.previousSlugs,
  );
  const matcher = compileTaxonomies(context.taxonomies);
  return merged
    .map(({ key, entry, origins }) => {
      const terms: Record<string, string[]> = matcher.tag(entry);
      if (entry.categories.length > 0) terms['categories'] = entry.categories.map((category) => category.toLowerCase());
      const tags = entry.tags.map(slugifyTitle).filter(Boolean);
      if (tags.length > 0) terms['tags'] = tags;
      const paper: Paper = {
        ...entry,
        code_url: entry.code_url ?? pickCodeUrl(entry.abstract),
        slug: slugs.get(key)!,
        terms,
      };
      return { key, paper, origins };
    })
    .sort((a, b) => (a.paper.slug < b.paper.slug ? -1 : 1));
}
