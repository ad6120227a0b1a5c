/**
 * The archive's shape, computed once per build from all papers: days, taxonomies with their
 * terms and papers, and each paper's neighbours. Pure and linear in the number of papers, so
 * pages only look things up.
 */
import type { Paper } from '../../schema/paper.ts';
import { categoryTermId, termSlugs } from '../../ingest/enrich/term-slugs.ts';
import { categoryName } from '../arxiv-categories.ts';
import type { RelatedPaper } from '../related/related-papers.ts';
import type { AddressHistory } from '../../ingest/addresses/address-file.ts';
import { sortDate } from '../paper-dates.ts';
import { indexAuthors, normalizeAuthorName, type Author } from './authors.ts';

/** A taxonomy as defined in the taxonomy file. */
export interface TaxonomyDefinition {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly terms: readonly { id: string; label: string; description: string; parent?: string | undefined }[];
}

/** A term with its papers, newest first. */
export interface Term {
  readonly taxonomy: string;
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly parent: string | undefined;
  readonly papers: Paper[];
}

/** A taxonomy with the terms that have papers. */
export interface Taxonomy {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly terms: Term[];
}

/** One day's listing. */
export interface Day {
  readonly date: string;
  readonly papers: Paper[];
}

/** Everything pages need to know about the archive. */
export interface Archive {
  /** Days, newest first. */
  readonly days: Day[];
  /** Every paper, newest first (by `sortDate`), in listing order within a day. */
  readonly papers: Paper[];
  /** The papers listed on no day (their sources give only a year or a month), newest published first. */
  readonly unlisted: Paper[];
  readonly taxonomies: Taxonomy[];
  readonly paper: (slug: string) => Paper | undefined;
  readonly day: (date: string) => Day | undefined;
  /** The day before and after `date` that has papers. */
  readonly adjacentDays: (date: string) => { previous: Day | undefined; next: Day | undefined };
  /** The paper before and after `slug` in its day's listing (none for a paper listed on no day). */
  readonly adjacentPapers: (slug: string) => { previous: Paper | undefined; next: Paper | undefined };
  readonly term: (taxonomy: string, term: string) => Term | undefined;
  readonly taxonomy: (id: string) => Taxonomy | undefined;
  readonly paperCount: number;
  /** The authors with pages (src/site/archive/authors.ts), by name. */
  readonly authors: Author[];
  readonly author: (slug: string) => Author | undefined;
  /** The slug of the page of the author named `name` (as written in a paper), if they have one. */
  readonly authorSlug: (name: string) => string | undefined;
  /** Related papers computed beforehand (see ArchiveData), if any. */
  readonly related?: ReadonlyMap<string, readonly RelatedPaper[]> | undefined;
  /** Addresses papers had before (content/addresses.yaml), for the pages they keep. */
  readonly addresses?: AddressHistory | undefined;
  /** The notes of papers that have any, by slug (ArchiveData's), for the pages that copy them; none when not given. */
  readonly notes?: Readonly<Record<string, string>> | undefined;
}

/** Taxonomies every archive has, built from entry fields rather than the taxonomy file. */
const FIELD_TAXONOMIES = [
  { id: 'categories', label: 'arXiv categories', description: 'The arXiv subject categories the authors filed the paper under.' },
  { id: 'tags', label: 'Tags', description: 'Tags given to papers by hand in their sources.' },
] as const;

/** Newest first: `b` before `a` when `b` is later. */
const descending = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);

/** Listing order within a day: most upvoted first when known, then by title. */
export function compareInDay(a: Paper, b: Paper): number {
  return (b.upvotes ?? -1) - (a.upvotes ?? -1) || a.title.localeCompare(b.title, 'en') || a.slug.localeCompare(b.slug);
}

/** Labels of categories: the category as written, described by its name. */
function categoryLabels(papers: readonly Paper[]): Map<string, { label: string; description: string }> {
  const labels = new Map<string, { label: string; description: string }>();
  for (const paper of papers) {
    for (const category of paper.categories) {
      const id = `categories/${categoryTermId(category)}`;
      if (!labels.has(id)) labels.set(id, { label: category, description: categoryName(category) ?? '' });
    }
  }
  return labels;
}

/**
 * Tags become terms for the whole archive at once (src/ingest/enrich/term-slugs.ts): distinct
 * labels never share a page, whatever other papers' tags there are, and variants up to case and
 * accents share one headed by the spelling most papers use. A paper file holds its tags' slugs
 * as if no other paper had tags; the few papers where the archive settles otherwise are copied
 * with the settled slugs, the rest taken as they are.
 */
function settleTags(papers: readonly Paper[]): { papers: Paper[]; labels: Map<string, { label: string; description: string }> } {
  const uses = new Map<string, number>();
  for (const paper of papers) for (const tag of new Set(paper.tags)) uses.set(tag, (uses.get(tag) ?? 0) + 1);
  const { slugOf, terms } = termSlugs(uses);
  const labels = new Map([...terms.values()].map((term) => [`tags/${term.slug}`, { label: term.label, description: '' }]));
  const settled = papers.map((paper) => {
    const ids = [...new Set(paper.tags.map((tag) => slugOf.get(tag)!))].sort();
    const held = paper.terms['tags'] ?? [];
    if (ids.length === held.length && ids.every((id, index) => id === held[index])) return paper;
    const { tags: _held, ...others } = paper.terms;
    return { ...paper, terms: ids.length > 0 ? { ...others, tags: ids } : others };
  });
  return { papers: settled, labels };
}

/** Builds the archive from all papers and the taxonomy file's definitions. */
export function buildArchive(
  allPapers: readonly Paper[],
  definitions: readonly TaxonomyDefinition[],
  related?: Record<string, RelatedPaper[]>,
  addresses?: AddressHistory,
  notes?: Readonly<Record<string, string>>,
): Archive {
  // 1. Days, newest first; papers within a day in listing order.
  const tags = settleTags(allPapers);
  const byDate = new Map<string, Paper[]>();
  const unlisted: Paper[] = [];
  for (const paper of tags.papers) {
    if (paper.date === null) {
      unlisted.push(paper);
      continue;
    }
    const list = byDate.get(paper.date);
    if (list) list.push(paper);
    else byDate.set(paper.date, [paper]);
  }
  const days: Day[] = [...byDate.keys()]
    .sort()
    .reverse()
    .map((date) => ({ date, papers: byDate.get(date)!.sort(compareInDay) }));
  const dayIndex = new Map(days.map((day, index) => [day.date, index]));
  const paperPosition = new Map<string, { day: Day; index: number }>();
  for (const day of days) day.papers.forEach((paper, index) => paperPosition.set(paper.slug, { day, index }));
  // Papers listed on no day join in by publication date (a stable sort keeps each day's order).
  unlisted.sort((a, b) => descending(sortDate(a), sortDate(b)) || compareInDay(a, b));
  const papers = [...days.flatMap((day) => day.papers), ...unlisted].sort((a, b) => descending(sortDate(a), sortDate(b)));
  const unlistedIndex = new Map(unlisted.map((paper) => [paper.slug, paper]));

  // 2. Terms: every term a paper carries, in listing order (newest first).
  const termPapers = new Map<string, Paper[]>();
  for (const paper of papers) {
    for (const [taxonomy, terms] of Object.entries(paper.terms)) {
      for (const term of terms) {
        const key = `${taxonomy}/${term}`;
        const list = termPapers.get(key);
        if (list) list.push(paper);
        else termPapers.set(key, [paper]);
      }
    }
  }

  // 3. Taxonomies: the file's, in its order, then those built from fields; empty terms left out.
  const fieldLabels = new Map([...categoryLabels(allPapers), ...tags.labels]);
  const makeTerm = (taxonomy: string, id: string, label: string, description: string, parent?: string): Term | null => {
    const papers = termPapers.get(`${taxonomy}/${id}`);
    return papers ? { taxonomy, id, label, description, parent, papers } : null;
  };
  const taxonomies: Taxonomy[] = [
    ...definitions.map((definition) => ({
      id: definition.id,
      label: definition.label,
      description: definition.description,
      terms: definition.terms
        .map((term) => makeTerm(definition.id, term.id, term.label, term.description, term.parent))
        .filter((term): term is Term => term !== null),
    })),
    ...FIELD_TAXONOMIES.map((definition) => ({
      ...definition,
      terms: [...termPapers.keys()]
        .filter((key) => key.startsWith(`${definition.id}/`))
        .map((key) => {
          const id = key.slice(definition.id.length + 1);
          const label = fieldLabels.get(key) ?? { label: id, description: '' };
          return makeTerm(definition.id, id, label.label, label.description)!;
        })
        .sort((a, b) => b.papers.length - a.papers.length || a.label.localeCompare(b.label, 'en')),
    })),
  ].filter((taxonomy) => taxonomy.terms.length > 0);
  const termIndex = new Map(taxonomies.flatMap((taxonomy) => taxonomy.terms.map((term) => [`${term.taxonomy}/${term.id}`, term] as const)));
  const taxonomyIndex = new Map(taxonomies.map((taxonomy) => [taxonomy.id, taxonomy]));

  // 4. Authors: every name on two papers or more.
  const authors = indexAuthors(papers);
  // Listings ask for the same names over and over, mostly as written in the papers.
  const slugAsWritten = new Map<string, string | undefined>();
  const authorSlug = (name: string) => {
    if (!slugAsWritten.has(name)) slugAsWritten.set(name, authors.slugOfName.get(normalizeAuthorName(name)));
    return slugAsWritten.get(name);
  };

  return {
    days,
    papers,
    unlisted,
    taxonomies,
    paperCount: allPapers.length,
    authors: authors.authors,
    author: (slug) => authors.bySlug.get(slug),
    authorSlug,
    related: related ? new Map(Object.entries(related)) : undefined,
    addresses,
    notes,
    paper: (slug) => {
      const position = paperPosition.get(slug);
      return position ? position.day.papers[position.index] : unlistedIndex.get(slug);
    },
    day: (date) => days[dayIndex.get(date) ?? -1],
    adjacentDays: (date) => {
      const index = dayIndex.get(date);
      if (index === undefined) return { previous: undefined, next: undefined };
      return { previous: days[index + 1], next: days[index - 1] };
    },
    adjacentPapers: (slug) => {
      const position = paperPosition.get(slug);
      if (!position) return { previous: undefined, next: undefined };
      return { previous: position.day.papers[position.index - 1], next: position.day.papers[position.index + 1] };
    },
    term: (taxonomy, term) => termIndex.get(`${taxonomy}/${term}`),
    taxonomy: (id) => taxonomyIndex.get(id),
  };
}
