/** One sitemap, /sitemap-<n>.xml: up to 50,000 pages, in the order they appeared (see src/lib/sitemap-chunks.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { routesOf } from '../lib/page-data.ts';
import { pageFileResponse } from '../lib/page-files.ts';

export const getStaticPaths = (() => routesOf('sitemap')) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site, url }) => pageFileResponse('sitemap', props, site ?? url);
