/** The sitemap index, /sitemap.xml: one entry per sitemap. Small, so written on every build. */
import type { APIRoute } from 'astro';
import { getSiteData } from '../lib/page-data.ts';
import { sitemapIndexXml } from '../lib/sitemap-xml.ts';
import { absoluteUrl, sitemapUrl } from '../lib/urls.ts';

export const GET: APIRoute = async ({ site, url }) => {
  const { sitemapCount } = await getSiteData();
  const sitemaps = Array.from({ length: sitemapCount }, (_, index) => absoluteUrl(sitemapUrl(index + 1), site ?? url));
  return new Response(sitemapIndexXml(sitemaps), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
