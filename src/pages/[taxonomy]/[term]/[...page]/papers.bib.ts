/**
 * The BibTeX of a term page's papers: /<taxonomy>/<term>/papers.bib for its own page,
 * /<taxonomy>/<term>/<n>/papers.bib for an archive page — exactly the papers that page lists.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { BIBTEX_TYPE, listingBibtexFile } from '../../../../lib/citation-files.ts';
import type { ListingBibtexProps } from '../../../../lib/citation-pages.ts';
import { routesOf } from '../../../../lib/page-data.ts';

export const getStaticPaths = (() => routesOf('term-bibtex')) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site, url }) =>
  new Response(listingBibtexFile(props as ListingBibtexProps, site ?? url), { headers: { 'Content-Type': BIBTEX_TYPE } });
