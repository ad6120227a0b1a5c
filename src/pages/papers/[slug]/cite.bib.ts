/** A paper's BibTeX, /papers/<slug>/cite.bib (see src/lib/bibtex.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { routesOf } from '../../../lib/page-data.ts';
import { pageFileResponse } from '../../../lib/page-files.ts';

export const getStaticPaths = (() => routesOf('paper-bibtex')) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site, url }) => pageFileResponse('paper-bibtex', props, site ?? url);
