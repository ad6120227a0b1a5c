/** The archive's JSON Feed, /feed.json: its newest papers. Small, so written on every build. */
import type { APIRoute } from 'astro';
import { archiveFeed } from '../lib/feed-pages.ts';
import { getArchive } from '../lib/get-archive.ts';
import { jsonFeed } from '../lib/json-feed.ts';

export const GET: APIRoute = async ({ site, url }) =>
  new Response(jsonFeed(archiveFeed(await getArchive()), site ?? url), { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
