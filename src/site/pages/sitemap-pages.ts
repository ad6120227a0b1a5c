/** The sitemaps of the archive, as pages. Pure. */
import type { Archive } from '../archive/build-archive.ts';
import { SITEMAP_SIZE, sitemapChunks, type SitemapEntry, type SitemapProps } from '../formats/sitemap-chunks.ts';
import type { SitePage } from './page-props.ts';
import { periodSitemapEntries } from './period-pages.ts';
import { archivePagesOf } from './term-pages.ts';

/**
 * The sitemaps: every page above, plus home and the lists of days, weeks and months, in the
 * order they first appeared — a paper or day on its date, a week or month with its first day, a taxonomy or term with its oldest paper, a term's
 * archive page k with the paper that pushed its papers off the term's own page (the first
 * paper of page k + 2) — so a new day changes only the last sitemap (see src/site/formats/sitemap-chunks.ts).
 * `size`: pages per sitemap, default `SITEMAP_SIZE`.
 */
export function sitemapPages(archive: Archive, size = SITEMAP_SIZE): SitePage<SitemapProps>[] {
  const entries: SitemapEntry[] = [
    { path: '', since: '' },
    { path: 'days/', since: '' },
  ];
  for (const day of archive.days) {
    entries.push(
      { path: `days/${day.date}/`, since: day.date },
      ...day.papers.map((paper) => ({ path: `papers/${paper.slug}/`, since: paper.date })),
    );
  }
  for (const taxonomy of archive.taxonomies) {
    const terms = taxonomy.terms.map((term) => ({ term, pages: archivePagesOf(term) }));
    entries.push({ path: `${taxonomy.id}/`, since: terms.map(({ pages }) => pages[0]![0]!.date).sort()[0]! });
    for (const { term, pages } of terms) {
      entries.push({ path: `${taxonomy.id}/${term.id}/`, since: pages[0]![0]!.date });
      pages.slice(2).forEach((page, index) => entries.push({ path: `${taxonomy.id}/${term.id}/${index + 1}/`, since: page[0]!.date }));
    }
  }
  entries.push(...periodSitemapEntries(archive));
  return sitemapChunks(entries, size);
}
