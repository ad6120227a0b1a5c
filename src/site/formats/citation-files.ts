/**
 * The citation files' text, with links on the public origin: what the routes under
 * src/pages/ answer. The data comes from src/site/pages/citation-pages.ts.
 */
import { listingBibtex, paperBibtex } from './bibtex.ts';
import type { ListingCitationProps, PaperCitationProps } from '../pages/citation-pages.ts';
import { cslItem, cslJson } from './csl-json.ts';
import { listingRis, paperRis } from './ris.ts';
import { absoluteUrl, href, paperUrl } from '../urls.ts';

/** The content type of `.bib` files. */
export const BIBTEX_TYPE = 'text/x-bibtex; charset=utf-8';
/** The content type of CSL-JSON files. */
export const CSL_JSON_TYPE = 'application/vnd.citationstyles.csl+json; charset=utf-8';
/** The content type of RIS files, with the charset: RIS has no way to name it, and readers guess Latin-1. */
export const RIS_TYPE = 'application/x-research-info-systems; charset=utf-8';

/** A paper's `cite.bib`. */
export const paperBibtexFile = ({ paper }: PaperCitationProps, site: URL | string): string =>
  paperBibtex(paper, absoluteUrl(paperUrl(paper.slug), site));

/** A paper's `cite.json`. */
export const paperCslFile = ({ paper }: PaperCitationProps, site: URL | string): string =>
  cslJson([cslItem(paper, absoluteUrl(paperUrl(paper.slug), site))]);

/** A paper's `cite.ris`. */
export const paperRisFile = ({ paper }: PaperCitationProps, site: URL | string): string =>
  paperRis(paper, absoluteUrl(paperUrl(paper.slug), site));

/** A listing's `papers.bib`. */
export const listingBibtexFile = ({ page, papers }: ListingCitationProps, site: URL | string): string =>
  listingBibtex(papers, absoluteUrl(href(page), site), (slug) => absoluteUrl(paperUrl(slug), site));

/** A listing's `papers.ris`. */
export const listingRisFile = ({ papers }: ListingCitationProps, site: URL | string): string =>
  listingRis(papers, (slug) => absoluteUrl(paperUrl(slug), site));
