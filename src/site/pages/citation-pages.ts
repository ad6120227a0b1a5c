/**
 * The citation files, as pages with data of their own (so an incremental build renders one again
 * only when what it cites changed): each paper's BibTeX, CSL-JSON and RIS beside its page, and a
 * `.bib` and a `.ris` beside every listing with exactly the papers that listing shows. Pure, and free of
 * `urls.ts`: the build planner imports it through `site-pages.ts` outside Astro.
 */
import type { Archive } from '../archive/build-archive.ts';
import { citedPaper, type CitedPaper } from '../formats/cited-paper.ts';
import type { PaperSummary, SitePage } from './page-props.ts';

/** The files beside a paper's page: `papers/<slug>/cite.bib`, `cite.json` and `cite.ris`. */
export const CITE_FILES = { bibtex: 'cite.bib', csl: 'cite.json', ris: 'cite.ris' } as const;
/** `bibtex`, `csl` (CSL-JSON) or `ris`. */
export type CiteFormat = keyof typeof CITE_FILES;
/** The files beside a listing's page: `days/<date>/papers.bib`, `<taxonomy>/<term>/papers.ris`, `<taxonomy>/<term>/<n>/papers.bib`… */
export const LISTING_FILES = { bibtex: 'papers.bib', ris: 'papers.ris' } as const;
/** `bibtex` or `ris`. */
export type ListingFormat = keyof typeof LISTING_FILES;
/** The BibTeX file beside a listing's page. */
export const LISTING_BIBTEX = LISTING_FILES.bibtex;

/** The data of a paper's citation file. (A type, not an interface: Astro's props need an implicit index signature.) */
export type PaperCitationProps = { readonly paper: CitedPaper };

/** The data of a listing's `.bib` or `.ris`: the listing's address below the base, and its papers in its order. */
export type ListingCitationProps = { readonly page: string; readonly papers: readonly CitedPaper[] };
/** The data of a listing's `.bib`. */
export type ListingBibtexProps = ListingCitationProps;

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
 * The citation file in `format` of each listing page in `listings` (day pages, term pages, or any
 * other page whose props list `papers`): the same papers, so a file can never list other papers
 * than its page, and the same route parameters, so its route mirrors the page's.
 */
function listingCitationPages(
  archive: Archive,
  listings: readonly SitePage<{ readonly papers: readonly PaperSummary[] }>[],
  format: ListingFormat,
): SitePage<ListingCitationProps>[] {
  return listings.map((listing) => ({
    path: `${listing.path}${LISTING_FILES[format]}`,
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

/** The `.bib` of each listing page in `listings` (see `listingCitationPages`). */
export function listingBibtexPages(
  archive: Archive,
  listings: readonly SitePage<{ readonly papers: readonly PaperSummary[] }>[],
): SitePage<ListingCitationProps>[] {
  return listingCitationPages(archive, listings, 'bibtex');
}

/** The `.ris` of each listing page in `listings` (see `listingCitationPages`). */
export function listingRisPages(
  archive: Archive,
  listings: readonly SitePage<{ readonly papers: readonly PaperSummary[] }>[],
): SitePage<ListingCitationProps>[] {
  return listingCitationPages(archive, listings, 'ris');
}

/** The name a listing's file is downloaded as: `days/2025-03-19/` → `papershelf-days-2025-03-19.bib` (`.ris`). */
function listingFileName(page: string, extension: string): string {
  return `papershelf-${page.replace(/\/$/, '').replaceAll('/', '-') || 'papers'}.${extension}`;
}

/** The name a listing's `.bib` is downloaded as: `days/2025-03-19/` → `papershelf-days-2025-03-19.bib`. */
export const listingBibtexName = (page: string): string => listingFileName(page, 'bib');

/** The name a listing's `.ris` is downloaded as: `days/2025-03-19/` → `papershelf-days-2025-03-19.ris`. */
export const listingRisName = (page: string): string => listingFileName(page, 'ris');
