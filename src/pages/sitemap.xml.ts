/** The sitemap index, /sitemap.xml: one entry per sitemap. Small, so written on every build. */
import type { APIRoute } from 'astro';
import { getArchive } from '../lib/get-archive.ts';
import { sitemapPages } from '../lib/site-pages.ts';
import { sitemapIndexXml } from '../lib/sitemap-xml.ts';
import { absoluteUrl, sitemapUrl } from '../lib/urls.ts';

export const GET: APIRoute = async ({ site, url }) => {
  const sitemaps = sitemapPages(await getArchive()).map((_, index) => absoluteUrl(sitemapUrl(index + 1), site ?? url));
  return new Response(sitemapIndexXml(sitemaps), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
