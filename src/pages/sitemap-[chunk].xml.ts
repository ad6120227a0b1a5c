/** One sitemap, /sitemap-<n>.xml: up to 50,000 pages, in the order they appeared (see src/site/formats/sitemap-chunks.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { routesOf } from '../site/pages/page-data.ts';
import { pageFileResponse } from '../site/pages/page-files.ts';

export const getStaticPaths = (() => routesOf('sitemap')) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site, url }) => pageFileResponse('sitemap', props, site ?? url);
