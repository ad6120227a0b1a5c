/** /robots.txt: everything may be crawled, and where the sitemap index is. */
import type { APIRoute } from 'astro';
import { robotsTxt } from '../site/formats/sitemap-xml.ts';
import { absoluteUrl, sitemapUrl } from '../site/urls.ts';

export const GET: APIRoute = ({ site, url }) =>
  new Response(robotsTxt(absoluteUrl(sitemapUrl(), site ?? url)), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
