/**
 * Every internal address of the site, in one place, each honouring the configured `base`
 * (an archive may be served under `/<repo>/`). Pages link only through these.
 */
import { FEED_FILES, type FeedFormat } from './pages/feed-pages.ts';
import { CITE_FILES, LISTING_BIBTEX, LISTING_FILES, type CiteFormat } from './pages/citation-pages.ts';
import { paperMarkdownPath } from './pages/markdown-pages.ts';
import { DATASET_FILE } from './formats/archive-dataset.ts';

/** The base outside Astro, where the build makes feeds and citation files itself (`useBase`). */
let nodeBase = '/';

/** Sets the base for addresses made outside Astro: the build calls it once, with its settings' base. */
export function useBase(base: string): void {
  nodeBase = base;
}

/** The base, ending in `/`: Astro's inside an Astro build, else the one `useBase` set. */
function base(): string {
  const configured = import.meta.env?.BASE_URL ?? nodeBase;
  // A page asks for it dozens of times: the last answer is remembered while the setting stays the same.
  if (configured !== lastBase.configured) lastBase = { configured, base: configured.replace(/\/?$/, '/') };
  return lastBase.base;
}
let lastBase = { configured: '/', base: '/' };

/** A path under the site's base: `href('days/')` → `/<base>/days/`. */
export function href(path = ''): string {
  return `${base()}${path.replace(/^\//, '')}`;
}

/** The home page. */
export const homeUrl = (): string => href();
/** A paper's page. */
export const paperUrl = (slug: string): string => href(`papers/${slug}/`);
/** A day's listing. */
export const dayUrl = (date: string): string => href(`days/${date}/`);
/** The list of all days. */
export const daysUrl = (): string => href('days/');
/** A week's (`2026-W12`) or a month's (`2026-03`) page. */
export const periodUrl = (unit: 'week' | 'month', period: string): string => href(`${unit}s/${period}/`);
/** The list of all weeks or all months. */
export const periodsUrl = (unit: 'week' | 'month'): string => href(`${unit}s/`);
/** A year's page (`2019`): the papers published in it. */
export const yearUrl = (year: string): string => href(`years/${year}/`);
/** The list of all years. */
export const yearsUrl = (): string => href('years/');
/** A taxonomy's list of terms. */
export const taxonomyUrl = (taxonomy: string): string => href(`${taxonomy}/`);
/** A term's own page (its newest papers). */
export const termUrl = (taxonomy: string, term: string): string => href(`${taxonomy}/${term}/`);
/** One of a term's archive pages (page 1 holds its oldest papers), or its own page for null. */
export const termArchiveUrl = (taxonomy: string, term: string, archivePage: number | null): string =>
  href(`${taxonomy}/${term}/${archivePage === null ? '' : `${archivePage}/`}`);
/** The authors index. */
export const authorsUrl = (): string => href('authors/');
/** The index of the authors under `letter` (`a`…`z`, `other`). */
export const authorLetterUrl = (letter: string): string => href(`authors/letters/${letter}/`);
/** An author's page, or one of its archive pages (1 = oldest). */
export const authorUrl = (slug: string, archivePage: number | null = null): string =>
  href(`authors/${slug}/${archivePage === null ? '' : `${archivePage}/`}`);
/** The search page, optionally with a query. */
export const searchUrl = (query?: string): string => href(query ? `search/?q=${encodeURIComponent(query)}` : 'search/');
/** The page that saves the archive for reading offline. */
export const offlineUrl = (): string => href('offline/');
/** A feed: the archive's beside the home page (`page` = `''`), a term's beside its page (`topics/attention/`). */
export const feedUrl = (page: string, format: FeedFormat): string => href(`${page}${FEED_FILES[format]}`);
/** A paper's citation file beside its page: BibTeX (`cite.bib`), CSL-JSON (`cite.json`) or RIS (`cite.ris`). */
export const paperCiteUrl = (slug: string, format: CiteFormat): string => href(`papers/${slug}/${CITE_FILES[format]}`);
/** The BibTeX of a listing's papers, beside its page (`days/2025-03-19/`, `topics/attention/2/`). */
export const listingBibtexUrl = (page: string): string => href(`${page}${LISTING_BIBTEX}`);
/** The RIS of a listing's papers, beside its page (`days/2025-03-19/papers.ris`). */
export const listingRisUrl = (page: string): string => href(`${page}${LISTING_FILES.ris}`);
/** A paper's Markdown copy, beside its page's folder: `papers/<slug>.md`. */
export const paperMarkdownUrl = (slug: string): string => href(paperMarkdownPath(slug));
/** The whole archive as one download (src/build/dataset/write-dataset.ts). */
export const datasetUrl = (): string => href(DATASET_FILE);
/** The sitemap index, or with `sitemap` one of its sitemaps (1-based). */
export const sitemapUrl = (sitemap?: number): string => href(sitemap === undefined ? 'sitemap.xml' : `sitemap-${sitemap}.xml`);
/** An address from this module on the public origin (`Astro.site`): what feeds, sitemaps and structured data link to. */
export const absoluteUrl = (url: string, site: URL | string): string => new URL(url, site).href;
