/** One sitemap, /sitemap-<n>.xml: up to 50,000 pages, in the order they appeared (see src/lib/sitemap-chunks.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { routesOf } from '../lib/page-data.ts';
import type { SitemapProps } from '../lib/sitemap-chunks.ts';
import { sitemapXml } from '../lib/sitemap-xml.ts';
import { absoluteUrl, href } from '../lib/urls.ts';

export const getStaticPaths = (() => routesOf('sitemap')) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site, url }) => {
  const { paths } = props as SitemapProps;
  return new Response(sitemapXml(paths.map((path) => absoluteUrl(href(path), site ?? url))), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
