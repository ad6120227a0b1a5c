/** A term's Atom feed, /<taxonomy>/<term>/feed.xml: its newest papers (see src/lib/feed-pages.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { atomFeed } from '../../../lib/atom-feed.ts';
import { termFeedPages, type FeedProps } from '../../../lib/feed-pages.ts';
import { getArchive } from '../../../lib/get-archive.ts';
import { routesToRender } from '../../../lib/render-plan.ts';

export const getStaticPaths = (async () => routesToRender(termFeedPages(await getArchive(), 'atom'))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site, url }) =>
  new Response(atomFeed(props as FeedProps, site ?? url), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
