/**
 * The citation files' text, with links on the public origin: what the routes under
 * src/pages/ answer. The data comes from src/site/pages/citation-pages.ts.
 */
import { listingBibtex, paperBibtex } from './bibtex.ts';
import type { ListingBibtexProps, PaperCitationProps } from '../pages/citation-pages.ts';
import { cslItem, cslJson } from './csl-json.ts';
import { absoluteUrl, href, paperUrl } from '../urls.ts';

/** The content type of `.bib` files. */
export const BIBTEX_TYPE = 'text/x-bibtex; charset=utf-8';
/** The content type of CSL-JSON files. */
export const CSL_JSON_TYPE = 'application/vnd.citationstyles.csl+json; charset=utf-8';

/** A paper's `cite.bib`. */
export const paperBibtexFile = ({ paper }: PaperCitationProps, site: URL | string): string =>
  paperBibtex(paper, absoluteUrl(paperUrl(paper.slug), site));

/** A paper's `cite.json`. */
export const paperCslFile = ({ paper }: PaperCitationProps, site: URL | string): string =>
  cslJson([cslItem(paper, absoluteUrl(paperUrl(paper.slug), site))]);

/** A listing's `papers.bib`. */
export const listingBibtexFile = ({ page, papers }: ListingBibtexProps, site: URL | string): string =>
  listingBibtex(papers, absoluteUrl(href(page), site), (slug) => absoluteUrl(paperUrl(slug), site));
