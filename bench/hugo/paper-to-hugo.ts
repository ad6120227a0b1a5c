/**
 * A paper as a Hugo page: the same fields our paper page shows, its terms as Hugo taxonomies
 * named like ours (`topics`, `domains`, `categories`, `tags`) plus `days`, the taxonomy that
 * gives Hugo a page per day. Pure.
 */
import { paperLinks } from '../../src/site/paper-links.ts';
import { formatPartialDate } from '../../src/site/format-date.ts';
import type { Paper } from '../../src/schema/paper.ts';
import { hugoPage } from './hugo-page.ts';

/** The taxonomies every archive can have, in the order our pages show them. */
export const PAPER_TAXONOMIES = ['topics', 'domains', 'categories', 'tags'] as const;

/**
 * The Hugo content file of `paper`. `rank` is its place in our listing order (newest day
 * first, then the day's own order), given to Hugo as the page weight so that Hugo's default
 * sort lists days and terms in the same order as ours.
 */
export function paperToHugo(paper: Paper, rank: number): string {
  const taxonomies = Object.fromEntries(PAPER_TAXONOMIES.map((taxonomy) => [taxonomy, paper.terms[taxonomy] ?? []]));
  return hugoPage({
    title: paper.title,
    date: paper.date,
    weight: rank,
    // The file name is the slug, but an explicit address keeps dotted arXiv ids intact.
    url: `/papers/${paper.slug}/`,
    day: paper.date,
    abstract: paper.abstract,
    authors: paper.authors,
    arxiv_id: paper.id,
    doi: paper.doi,
    published_label: paper.published && paper.published !== paper.date ? formatPartialDate(paper.published) : null,
    links: paperLinks(paper),
    code_url: paper.code_url,
    upvotes: paper.upvotes,
    ...taxonomies,
    days: [paper.date],
  });
}
