/** The BibTeX of a day's papers, /days/<date>/papers.bib: exactly the papers its page lists. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { BIBTEX_TYPE, listingBibtexFile } from '../../../lib/citation-files.ts';
import type { ListingBibtexProps } from '../../../lib/citation-pages.ts';
import { routesOf } from '../../../lib/page-data.ts';

export const getStaticPaths = (() => routesOf('day-bibtex')) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site, url }) =>
  new Response(listingBibtexFile(props as ListingBibtexProps, site ?? url), { headers: { 'Content-Type': BIBTEX_TYPE } });
