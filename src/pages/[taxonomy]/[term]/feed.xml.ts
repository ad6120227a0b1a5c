/** A term's Atom feed, /<taxonomy>/<term>/feed.xml: its newest papers (see src/lib/feed-pages.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { atomFeed } from '../../../lib/atom-feed.ts';
import type { FeedProps } from '../../../lib/feed-pages.ts';
import { routesOf } from '../../../lib/page-data.ts';

export const getStaticPaths = (() => routesOf('term-feed-atom')) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site, url }) =>
  new Response(atomFeed(props as FeedProps, site ?? url), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
