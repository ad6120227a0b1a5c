/** The sitemaps of the archive, as pages. Pure. */
import type { Archive } from '../archive/build-archive.ts';
import { sortDate } from '../paper-dates.ts';
import { SITEMAP_SIZE, sitemapChunks, type SitemapEntry, type SitemapProps } from '../formats/sitemap-chunks.ts';
import type { SitePage } from './page-props.ts';
import { periodSitemapEntries } from './period-pages.ts';
import { archivePagesOf } from './term-pages.ts';
import { yearSitemapEntries } from './year-pages.ts';
import { authorSitemapEntries } from './author-pages.ts';

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
      ...day.papers.map((paper) => ({ path: `papers/${paper.slug}/`, since: day.date })),
    );
  }
  // A paper listed on no day, by its publication date (`2019`, `2019-03`).
  for (const paper of archive.unlisted) entries.push({ path: `papers/${paper.slug}/`, since: sortDate(paper) });
  for (const taxonomy of archive.taxonomies) {
    const terms = taxonomy.terms.map((term) => ({ term, pages: archivePagesOf(term) }));
    entries.push({ path: `${taxonomy.id}/`, since: terms.map(({ pages }) => sortDate(pages[0]![0]!)).sort()[0]! });
    for (const { term, pages } of terms) {
      entries.push({ path: `${taxonomy.id}/${term.id}/`, since: sortDate(pages[0]![0]!) });
      pages.slice(2).forEach((page, index) => entries.push({ path: `${taxonomy.id}/${term.id}/${index + 1}/`, since: sortDate(page[0]!) }));
    }
  }
  entries.push(...periodSitemapEntries(archive), ...yearSitemapEntries(archive), ...authorSitemapEntries(archive));
  return sitemapChunks(entries, size);
}
