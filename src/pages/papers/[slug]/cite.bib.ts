/** A paper's BibTeX, /papers/<slug>/cite.bib (see src/lib/bibtex.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { BIBTEX_TYPE, paperBibtexFile } from '../../../lib/citation-files.ts';
import type { PaperCitationProps } from '../../../lib/citation-pages.ts';
import { routesOf } from '../../../lib/page-data.ts';

export const getStaticPaths = (() => routesOf('paper-bibtex')) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site, url }) =>
  new Response(paperBibtexFile(props as PaperCitationProps, site ?? url), { headers: { 'Content-Type': BIBTEX_TYPE } });
