/** The archive's Atom feed, /feed.xml: its newest papers. Small, so written on every build. */
import type { APIRoute } from 'astro';
import { atomFeed } from '../site/formats/atom-feed.ts';
import { getSiteData } from '../site/pages/page-data.ts';

export const GET: APIRoute = async ({ site, url }) =>
  new Response(atomFeed((await getSiteData()).feed, site ?? url), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
