/** The sitemap index, /sitemap.xml: one entry per sitemap. Small, so written on every build. */
import type { APIRoute } from 'astro';
import { getSiteData } from '../site/pages/page-data.ts';
import { sitemapIndexXml } from '../site/formats/sitemap-xml.ts';
import { absoluteUrl, sitemapUrl } from '../site/urls.ts';

export const GET: APIRoute = async ({ site, url }) => {
  const { sitemapCount } = await getSiteData();
  const sitemaps = Array.from({ length: sitemapCount }, (_, index) => absoluteUrl(sitemapUrl(index + 1), site ?? url));
  return new Response(sitemapIndexXml(sitemaps), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
