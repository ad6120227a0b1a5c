/**
 * The BibTeX of a term page's papers: /<taxonomy>/<term>/papers.bib for its own page,
 * /<taxonomy>/<term>/<n>/papers.bib for an archive page — exactly the papers that page lists.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { routesOf } from '../../../../site/pages/page-data.ts';
import { pageFileResponse } from '../../../../site/pages/page-files.ts';

export const getStaticPaths = (() => routesOf('term-bibtex')) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site, url }) => pageFileResponse('term-bibtex', props, site ?? url);
