/** A paper's BibTeX, /papers/<slug>/cite.bib (see src/lib/bibtex.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { BIBTEX_TYPE, paperBibtexFile } from '../../../lib/citation-files.ts';
import { paperCitationPages, type PaperCitationProps } from '../../../lib/citation-pages.ts';
import { getArchive } from '../../../lib/get-archive.ts';
import { routesToRender } from '../../../lib/render-plan.ts';

export const getStaticPaths = (async () => routesToRender(paperCitationPages(await getArchive(), 'bibtex'))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site, url }) =>
  new Response(paperBibtexFile(props as PaperCitationProps, site ?? url), { headers: { 'Content-Type': BIBTEX_TYPE } });
