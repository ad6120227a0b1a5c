/** The BibTeX of a day's papers, /days/<date>/papers.bib: exactly the papers its page lists. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { BIBTEX_TYPE, listingBibtexFile } from '../../../lib/citation-files.ts';
import { listingBibtexPages, type ListingBibtexProps } from '../../../lib/citation-pages.ts';
import { getArchive } from '../../../lib/get-archive.ts';
import { routesToRender } from '../../../lib/render-plan.ts';
import { dayPages } from '../../../lib/site-pages.ts';

export const getStaticPaths = (async () => {
  const archive = await getArchive();
  return routesToRender(listingBibtexPages(archive, dayPages(archive)));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site, url }) =>
  new Response(listingBibtexFile(props as ListingBibtexProps, site ?? url), { headers: { 'Content-Type': BIBTEX_TYPE } });
