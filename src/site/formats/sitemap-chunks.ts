/**
 * How the pages of the archive are cut into sitemaps. Pages are listed in the order they first
 * appeared, and cut into consecutive runs of `size`, so a new day's pages land in the last
 * sitemap (or a new one) and every earlier sitemap keeps its exact list: an incremental build
 * writes only the last, as with the search bundles (src/build/search/plan-search-bundles.ts).
 * Pure, and free of `urls.ts`: the build planner imports it outside Astro.
 */
import type { SitePage } from '../pages/page-props.ts';

/** URLs per sitemap: the most the sitemap protocol allows in one file. */
export const SITEMAP_SIZE = 50_000;

/** A page for the sitemap: its path below the base, and the day it first appeared (`''` for pages every archive has). */
export interface SitemapEntry {
  readonly path: string;
  readonly since: string;
}

/** The data of one sitemap: page paths below the base, in the order they first appeared. */
export type SitemapProps = {
  readonly paths: readonly string[];
};

/** The sitemaps of `entries`: `sitemap-1.xml` holds the earliest `size` pages, and so on. Always at least one. */
export function sitemapChunks(entries: readonly SitemapEntry[], size = SITEMAP_SIZE): SitePage<SitemapProps>[] {
  const paths = entries
    .toSorted((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((entry) => entry.path);
  const chunks: SitePage<SitemapProps>[] = [];
  for (let start = 0; start === 0 || start < paths.length; start += size) {
    const chunk = chunks.length + 1;
    chunks.push({ path: `sitemap-${chunk}.xml`, params: { chunk: String(chunk) }, props: { paths: paths.slice(start, start + size) } });
  }
  return chunks;
}
