/** One page per taxonomy, and per term its own page (its newest papers) and its archive pages. Pure. */
import type { Archive, Taxonomy, Term } from '../archive/build-archive.ts';
import type { Paper } from '../../schema/paper.ts';
import { countsOn, trendAxis, trendOf } from '../trend.ts';
import { publicationYear } from '../paper-dates.ts';
import { summarize, type SitePage, type TaxonomyPageProps, type TermPageProps } from './page-props.ts';

/** Papers per page of a term listing. Long enough to scan, short enough to stay light. */
export const TERM_PAGE_SIZE = 50;

/** One page per taxonomy that has papers. */
export function taxonomyPages(archive: Archive): SitePage<TaxonomyPageProps>[] {
  return archive.taxonomies.map((taxonomy) => {
    const axis = taxonomyAxis(taxonomy);
    return {
      path: `${taxonomy.id}/`,
      params: { taxonomy: taxonomy.id },
      props: {
        id: taxonomy.id,
        label: taxonomy.label,
        description: taxonomy.description,
        terms: taxonomy.terms.map((term) => ({
          id: term.id,
          label: term.label,
          description: term.description,
          parent: term.parent ?? null,
          count: term.papers.length,
          trend: countsOn(axis, listedDays(term.papers)),
        })),
        axis: { unit: axis.unit, start: axis.periods[0]! },
      },
    };
  });
}

/** The listing days of `papers`, one per paper: trends count papers by the day they were listed, so those listed on no day are left out. */
const listedDays = (papers: readonly Paper[]): string[] => papers.flatMap((paper) => (paper.date === null ? [] : [paper.date]));

/** The periods from a taxonomy's oldest listing day to its newest (the first of its newest publication year when none is listed). */
function taxonomyAxis(taxonomy: Taxonomy) {
  const days = taxonomy.terms.flatMap((term) => listedDays(term.papers)).sort();
  const fallback = `${publicationYear(taxonomy.terms[0]!.papers[0]!)}-01-01`;
  return trendAxis(days[0] ?? fallback, days.at(-1) ?? fallback);
}

/** A term's (or an author's) papers cut into pages of `TERM_PAGE_SIZE`, oldest first: page k (1-based) holds its papers k·size−size … k·size−1 counted from the oldest. */
export function archivePagesOf(term: { readonly papers: readonly Paper[] }): Paper[][] {
  const oldestFirst = [...term.papers].reverse();
  const byPage: Paper[][] = [];
  for (let start = 0; start < oldestFirst.length; start += TERM_PAGE_SIZE) byPage.push(oldestFirst.slice(start, start + TERM_PAGE_SIZE));
  return byPage;
}

/** A term's own page and its archive pages. */
export function termPagesOf(archive: Archive, term: Term): SitePage<TermPageProps>[] {
  const taxonomy = archive.taxonomy(term.taxonomy)!;
  const parentTerm = term.parent ? archive.term(taxonomy.id, term.parent) : undefined;
  const shared = {
    taxonomy: { id: taxonomy.id, label: taxonomy.label },
    term: { id: term.id, label: term.label, description: term.description },
    parent: parentTerm ? { id: parentTerm.id, label: parentTerm.label } : null,
  };
  const byPage = archivePagesOf(term);
  // The own page shows the newest two byPage, so it always lists at least a full archivePage's worth.
  const onOwnPage = Math.min(2, byPage.length);
  const archived = byPage.length - onOwnPage;
  const newestFirst = (papers: readonly Paper[]) => [...papers].reverse().map((paper) => summarize(paper, archive.authorSlug));
  const own: SitePage<TermPageProps> = {
    path: `${taxonomy.id}/${term.id}/`,
    params: { taxonomy: taxonomy.id, term: term.id, page: undefined },
    props: {
      ...shared,
      total: term.papers.length,
      archivePage: null,
      papers: newestFirst(byPage.slice(archived).flat()),
      newer: null,
      older: archived > 0 ? { archivePage: archived } : null,
      trend: trendOf(listedDays(term.papers)),
    },
  };
  const pages = byPage.slice(0, archived).map((papers, index) => {
    const archivePage = index + 1;
    return {
      path: `${taxonomy.id}/${term.id}/${archivePage}/`,
      params: { taxonomy: taxonomy.id, term: term.id, page: String(archivePage) },
      props: {
        ...shared,
        total: null,
        archivePage,
        papers: newestFirst(papers),
        newer: { archivePage: archivePage < archived ? archivePage + 1 : null },
        older: archivePage > 1 ? { archivePage: archivePage - 1 } : null,
        trend: null,
      },
    };
  });
  return [own, ...pages];
}

/** Every term's pages. */
export function termPages(archive: Archive): SitePage<TermPageProps>[] {
  return archive.taxonomies.flatMap((taxonomy) => taxonomy.terms.flatMap((term) => termPagesOf(archive, term)));
}
