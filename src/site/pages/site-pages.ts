/**
 * Every page a listing, a term or a paper gets, with exactly the data it shows. Pure: the
 * Astro routes render these props and nothing else, and the build planner hashes the same
 * props to learn which pages changed, so a page is rendered again exactly when its data did.
 * That is why no page reads the whole archive, and why listings carry summaries, not papers.
 */
import { searchBundles, type SearchBundle } from '../../build/search/search-bundles.ts';
import type { Archive } from '../archive/build-archive.ts';
import type { DatasetSummary } from '../formats/archive-dataset.ts';
import { DEFAULT_TITLE } from '../../settings/config-schema.ts';
import { redirectPages, removedPages } from './address-pages.ts';
import { archiveFeed, termFeedPages, type FeedProps } from './feed-pages.ts';
import { listingBibtexPages, listingRisPages, paperCitationPages } from './citation-pages.ts';
import { dayPages, dayProps } from './day-pages.ts';
import type { DayPageProps, SitePage } from './page-props.ts';
import { paperMarkdownPages } from './markdown-pages.ts';
import { paperPages } from './paper-pages.ts';
import { periodIndex, periodPages, type PeriodIndexProps } from './period-pages.ts';
import { sitemapPages } from './sitemap-pages.ts';
import { taxonomyPages, termPages } from './term-pages.ts';
import { yearIndex, yearPages, type YearIndexProps } from './year-pages.ts';
import { authorFeedPages, authorLetterPages, authorPages, authorsIndex, type AuthorsIndexProps } from './author-pages.ts';

/**
 * Every kind of page with data of its own, by the name its route asks for it by
 * (src/site/pages/page-data.ts). The build planner fingerprints and renders exactly these.
 */
export const PAGE_KINDS = {
  paper: paperPages,
  day: dayPages,
  taxonomy: taxonomyPages,
  term: termPages,
  week: (archive: Archive) => periodPages(archive, 'week'),
  month: (archive: Archive) => periodPages(archive, 'month'),
  year: yearPages,
  author: authorPages,
  'author-letter': authorLetterPages,
  'term-feed-atom': (archive: Archive, siteTitle: string) => termFeedPages(archive, 'atom', siteTitle),
  'term-feed-json': (archive: Archive, siteTitle: string) => termFeedPages(archive, 'json', siteTitle),
  'paper-bibtex': (archive: Archive) => paperCitationPages(archive, 'bibtex'),
  'paper-csl': (archive: Archive) => paperCitationPages(archive, 'csl'),
  'paper-ris': (archive: Archive) => paperCitationPages(archive, 'ris'),
  'paper-markdown': paperMarkdownPages,
  'day-bibtex': (archive: Archive) => listingBibtexPages(archive, dayPages(archive)),
  'term-bibtex': (archive: Archive) => listingBibtexPages(archive, termPages(archive)),
  'day-ris': (archive: Archive) => listingRisPages(archive, dayPages(archive)),
  'term-ris': (archive: Archive) => listingRisPages(archive, termPages(archive)),
  'author-feed-atom': (archive: Archive, siteTitle: string) => authorFeedPages(archive, 'atom', siteTitle),
  'author-feed-json': (archive: Archive, siteTitle: string) => authorFeedPages(archive, 'json', siteTitle),
  'author-bibtex': (archive: Archive) => listingBibtexPages(archive, authorPages(archive)),
  'author-ris': (archive: Archive) => listingRisPages(archive, authorPages(archive)),
  sitemap: (archive: Archive) => sitemapPages(archive),
  'paper-redirect': redirectPages,
  'paper-removed': removedPages,
} satisfies Record<string, (archive: Archive, siteTitle: string) => SitePage<unknown>[]>;

/** The name of a kind of page. */
export type PageKind = keyof typeof PAGE_KINDS;
/** The props of a kind of page. */
export type PropsOf<Kind extends PageKind> = ReturnType<(typeof PAGE_KINDS)[Kind]>[number]['props'];
/** A page with the kind it is of. */
export type KindedPage = SitePage<unknown> & { readonly kind: PageKind };

/** Every kind of page with data of its own, in the order the planner lists them. */
export const DATA_PAGE_KINDS = Object.keys(PAGE_KINDS) as PageKind[];

/** Every page with data of its own (or those of `kinds`), for the build planner; `siteTitle` names the archive in its feeds. */
export function dataPages(archive: Archive, kinds: readonly PageKind[] = DATA_PAGE_KINDS, siteTitle: string = DEFAULT_TITLE): KindedPage[] {
  return kinds.flatMap((kind) => PAGE_KINDS[kind](archive, siteTitle).map((page): KindedPage => ({ ...page, kind })));
}

/** The file a page is written to, below the base: `papers/x/` → `papers/x/index.html`; a file's path (`sitemap-1.xml`) as it is. */
export const pageFile = (path: string): string => (path.endsWith('/') ? `${path}index.html` : path);

/** What every page's navigation shows: the taxonomies, by id and label. Part of every page's fingerprint. */
export type Navigation = { readonly taxonomies: readonly { id: string; label: string }[] };

/** What every page's navigation shows. */
export function navigation(archive: Archive): Navigation {
  return { taxonomies: archive.taxonomies.map((taxonomy) => ({ id: taxonomy.id, label: taxonomy.label })) };
}

/**
 * What the pages without data of their own show — home (the latest day), the list of days,
 * search, the archive's feeds, the sitemap index — and the navigation on every page. Small, and
 * these pages change with every new day, so every build renders them.
 */
export type SiteData = {
  readonly navigation: Navigation;
  readonly paperCount: number;
  /** The latest day's listing, or null for an empty archive. */
  readonly latestDay: DayPageProps | null;
  /** Every day, newest first, with its number of papers. */
  readonly days: readonly { date: string; count: number }[];
  /** Every week and every month with papers, for /weeks/ and /months/. */
  readonly weeks: PeriodIndexProps;
  readonly months: PeriodIndexProps;
  /** Every year with papers published in it, for /years/. */
  readonly years: YearIndexProps;
  /** The authors with pages, for /authors/. */
  readonly authors: AuthorsIndexProps;
  /** The archive's feed. */
  readonly feed: FeedProps;
  /** How many sitemaps the sitemap index lists. */
  readonly sitemapCount: number;
  /** The search index's bundles, which the search page loads as one. */
  readonly searchBundles: readonly SearchBundle[];
  /** The archive as one download, with its size: set by the build, which writes it before planning; absent under `astro dev`. */
  readonly dataset?: DatasetSummary | undefined;
};

/** The site-wide data of `archive`, whose search index comes in bundles of `searchBundleSize` papers. */
export function siteData(archive: Archive, searchBundleSize: number, siteTitle: string = DEFAULT_TITLE): SiteData {
  const latest = archive.days[0];
  return {
    navigation: navigation(archive),
    paperCount: archive.paperCount,
    latestDay: latest ? dayProps(archive, latest) : null,
    days: archive.days.map((day) => ({ date: day.date, count: day.papers.length })),
    weeks: periodIndex(archive, 'week'),
    months: periodIndex(archive, 'month'),
    years: yearIndex(archive),
    authors: authorsIndex(archive),
    feed: archiveFeed(archive, siteTitle),
    sitemapCount: sitemapPages(archive).length,
    searchBundles: searchBundles(archive.paperCount, searchBundleSize),
  };
}
