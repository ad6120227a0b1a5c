/** The BibTeX of a day's papers, /days/<date>/papers.bib: exactly the papers its page lists. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { routesOf } from '../../../site/pages/page-data.ts';
import { pageFileResponse } from '../../../site/pages/page-files.ts';

export const getStaticPaths = (() => routesOf('day-bibtex')) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site, url }) => pageFileResponse('day-bibtex', props, site ?? url);
