/** A term's Atom feed, /<taxonomy>/<term>/feed.xml: its newest papers (see src/site/pages/feed-pages.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { routesOf } from '../../../site/pages/page-data.ts';
import { pageFileResponse } from '../../../site/pages/page-files.ts';

export const getStaticPaths = (() => routesOf('term-feed-atom')) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site, url }) => pageFileResponse('term-feed-atom', props, site ?? url);
