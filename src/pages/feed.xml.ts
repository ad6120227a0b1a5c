/** The archive's Atom feed, /feed.xml: its newest papers. Small, so written on every build. */
import type { APIRoute } from 'astro';
import { atomFeed } from '../lib/atom-feed.ts';
import { archiveFeed } from '../lib/feed-pages.ts';
import { getArchive } from '../lib/get-archive.ts';

export const GET: APIRoute = async ({ site, url }) =>
  new Response(atomFeed(archiveFeed(await getArchive()), site ?? url), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
