/** A term's JSON Feed, /<taxonomy>/<term>/feed.json: its newest papers (see src/lib/feed-pages.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { termFeedPages, type FeedProps } from '../../../lib/feed-pages.ts';
import { getArchive } from '../../../lib/get-archive.ts';
import { jsonFeed } from '../../../lib/json-feed.ts';
import { routesToRender } from '../../../lib/render-plan.ts';

export const getStaticPaths = (async () => routesToRender(termFeedPages(await getArchive(), 'json'))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site, url }) =>
  new Response(jsonFeed(props as FeedProps, site ?? url), { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
