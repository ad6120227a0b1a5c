/** A term's JSON Feed, /<taxonomy>/<term>/feed.json: its newest papers (see src/lib/feed-pages.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { FeedProps } from '../../../lib/feed-pages.ts';
import { jsonFeed } from '../../../lib/json-feed.ts';
import { routesOf } from '../../../lib/page-data.ts';

export const getStaticPaths = (() => routesOf('term-feed-json')) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site, url }) =>
  new Response(jsonFeed(props as FeedProps, site ?? url), { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
