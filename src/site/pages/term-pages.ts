/** One page per taxonomy, and per term its own page (its newest papers) and its archive pages. Pure. */
import type { Archive, Taxonomy, Term } from '../archive/build-archive.ts';
import type { Paper } from '../../schema/paper.ts';
import { countsOn, trendAxis, trendOf } from '../trend.ts';
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
          trend: countsOn(
            axis,
            term.papers.map((paper) => paper.date),
          ),
        })),
        axis: { unit: axis.unit, start: axis.periods[0]! },
      },
    };
  });
}

/** The periods from a taxonomy's oldest paper to its newest. (A term's papers are newest first.) */
function taxonomyAxis(taxonomy: Taxonomy) {
  const oldest = taxonomy.terms.map((term) => term.papers.at(-1)!.date).sort()[0]!;
  const newest = taxonomy.terms
    .map((term) => term.papers[0]!.date)
    .sort()
    .at(-1)!;
  return trendAxis(oldest, newest);
}

/** A term's papers cut into pages of `TERM_PAGE_SIZE`, oldest first: page k (1-based) holds its papers k·size−size … k·size−1 counted from the oldest. */
export function archivePagesOf(term: Term): Paper[][] {
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
  const newestFirst = (papers: readonly Paper[]) => [...papers].reverse().map(summarize);
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
      trend: trendOf(term.papers.map((paper) => paper.date)),
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
