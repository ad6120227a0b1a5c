/** A paper's BibTeX, /papers/<slug>/cite.bib (see src/site/formats/bibtex.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { routesOf } from '../../../site/pages/page-data.ts';
import { pageFileResponse } from '../../../site/pages/page-files.ts';

export const getStaticPaths = (() => routesOf('paper-bibtex')) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site, url }) => pageFileResponse('paper-bibtex', props, site ?? url);
