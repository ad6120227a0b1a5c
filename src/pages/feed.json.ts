/** The archive's JSON Feed, /feed.json: its newest papers. Small, so written on every build. */
import type { APIRoute } from 'astro';
import { getSiteData } from '../site/pages/page-data.ts';
import { jsonFeed } from '../site/formats/json-feed.ts';

export const GET: APIRoute = async ({ site, url }) =>
  new Response(jsonFeed((await getSiteData()).feed, site ?? url), { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
