/** A term's Atom feed, /<taxonomy>/<term>/feed.xml: its newest papers (see src/lib/feed-pages.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { routesOf } from '../../../lib/page-data.ts';
import { pageFileResponse } from '../../../lib/page-files.ts';

export const getStaticPaths = (() => routesOf('term-feed-atom')) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site, url }) => pageFileResponse('term-feed-atom', props, site ?? url);
