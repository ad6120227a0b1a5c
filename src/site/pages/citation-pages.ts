/**
 * The citation files, as pages with data of their own (so an incremental build renders one again
 * only when what it cites changed): each paper's BibTeX and CSL-JSON beside its page, and a
 * `.bib` beside every listing with exactly the papers that listing shows. Pure, and free of
 * `urls.ts`: the build planner imports it through `site-pages.ts` outside Astro.
 */
import type { Archive } from '../archive/build-archive.ts';
import { citedPaper, type CitedPaper } from '../formats/cited-paper.ts';
import type { PaperSummary, SitePage } from './page-props.ts';

/** The files beside a paper's page: `papers/<slug>/cite.bib` and `cite.json`. */
export const CITE_FILES = { bibtex: 'cite.bib', csl: 'cite.json' } as const;
/** `bibtex` or `csl` (CSL-JSON). */
export type CiteFormat = keyof typeof CITE_FILES;
/** The file beside a listing's page: `days/<date>/papers.bib`, `<taxonomy>/<term>/papers.bib`, `<taxonomy>/<term>/<n>/papers.bib`. */
export const LISTING_BIBTEX = 'papers.bib';

/** The data of a paper's citation file. (A type, not an interface: Astro's props need an implicit index signature.) */
export type PaperCitationProps = { readonly paper: CitedPaper };

/** The data of a listing's `.bib`: the listing's address below the base, and its papers in its order. */
export type ListingBibtexProps = { readonly page: string; readonly papers: readonly CitedPaper[] };

/** Every paper's citation file in one format. */
export function paperCitationPages(archive: Archive, format: CiteFormat): SitePage<PaperCitationProps>[] {
  // The days' papers, then those listed on no day.
  return [...archive.days.flatMap((day) => day.papers), ...archive.unlisted].map((paper) => ({
    path: `papers/${paper.slug}/${CITE_FILES[format]}`,
    params: { slug: paper.slug },
    props: { paper: citedPaper(paper) },
  }));
}

/**
 * The `.bib` of each listing page in `listings` (day pages, term pages, or any other page whose
 * props list `papers`): the same papers, so a `.bib` can never list other papers than its page,
 * and the same route parameters, so its route mirrors the page's.
 */
export function listingBibtexPages(
  archive: Archive,
  listings: readonly SitePage<{ readonly papers: readonly PaperSummary[] }>[],
): SitePage<ListingBibtexProps>[] {
  return listings.map((listing) => ({
    path: `${listing.path}${LISTING_BIBTEX}`,
    params: listing.params,
    props: {
      page: listing.path,
      papers: listing.props.papers.flatMap((summary) => {
        const paper = archive.paper(summary.slug);
        return paper ? [citedPaper(paper)] : [];
      }),
    },
  }));
}

/** The name a listing's `.bib` is downloaded as: `days/2025-03-19/` → `papershelf-days-2025-03-19.bib`. */
export function listingBibtexName(page: string): string {
  return `papershelf-${page.replace(/\/$/, '').replaceAll('/', '-') || 'papers'}.bib`;
}
