/**
 * Every page a listing, a term or a paper gets, with exactly the data it shows. Pure: the
 * Astro routes render these props and nothing else, and the build planner hashes the same
 * props to learn which pages changed, so a page is rendered again exactly when its data did.
 * That is why no page reads the whole archive, and why listings carry summaries, not papers.
 */
import { searchBundles, type SearchBundle } from '../../build/search/search-bundles.ts';
import type { Archive, Day, Taxonomy, Term } from '../archive/build-archive.ts';
import { archiveFeed, termFeedPages, type FeedProps } from './feed-pages.ts';
import { listingBibtexPages, paperCitationPages } from './citation-pages.ts';
import { SITEMAP_SIZE, sitemapChunks, type SitemapEntry, type SitemapProps } from '../formats/sitemap-chunks.ts';
import type { Paper } from '../../schema/paper.ts';
import { relatedPapers } from '../related/related-papers.ts';
import { periodIndex, periodPages, periodSitemapEntries, type PeriodIndexProps } from './period-pages.ts';
import { countsOn, trendAxis, trendOf, type Trend } from '../trend.ts';

/** What a listing shows of a paper. */
export interface PaperSummary {
  readonly slug: string;
  readonly title: string;
  /** The first few authors; `authorCount` says how many there are. */
  readonly authors: readonly string[];
  readonly authorCount: number;
  readonly date: string;
  readonly upvotes: number | null;
  readonly hasCode: boolean;
}

/** A link to a neighbouring page. */
export interface PageLink {
  readonly href: string;
  readonly label: string;
}

/** A term as a paper page shows it. */
export interface TermTag {
  readonly id: string;
  readonly label: string;
}

/** A similar paper as a paper page lists it, with the tags both papers carry. */
export type RelatedLink = {
  readonly slug: string;
  readonly title: string;
  /** Terms both papers have, by taxonomy id, in the archive's taxonomy order. */
  readonly sharedTerms: readonly { taxonomy: string; label: string }[];
};

/** The data of a paper's page. (Types, not interfaces: Astro's props need an implicit index signature.) */
export type PaperPageProps = {
  readonly paper: Paper;
  /** The paper's terms, one group per taxonomy, in the archive's taxonomy order. */
  readonly termGroups: readonly { taxonomy: string; label: string; terms: readonly TermTag[] }[];
  /** The neighbours in its day's listing. */
  readonly previous: { slug: string; title: string } | null;
  readonly next: { slug: string; title: string } | null;
  /** The most similar papers by text, most similar first (see related-papers.ts). */
  readonly related: readonly RelatedLink[];
};

/** The data of a day's page. */
export type DayPageProps = {
  readonly date: string;
  readonly papers: readonly PaperSummary[];
  readonly previousDate: string | null;
  readonly nextDate: string | null;
};

/** The data of a taxonomy's page: its terms with counts. */
export type TaxonomyPageProps = {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly terms: readonly {
    id: string;
    label: string;
    description: string;
    parent: string | null;
    count: number;
    trend: readonly number[];
  }[];
  /** The periods of every term's `trend`: one axis for the taxonomy, so the terms' sparklines compare. */
  readonly axis: Pick<Trend, 'unit' | 'start'>;
};

/**
 * The data of one page of a term. A term's papers are cut into fixed chunks of
 * `TERM_PAGE_SIZE`, counted from the oldest, so an archive page keeps its address and its
 * papers as the archive grows; the term's own page shows the two newest chunks. A new day
 * then changes a term's own page and at most one archive page, never all of them.
 */
export type TermPageProps = {
  readonly taxonomy: { id: string; label: string };
  readonly term: { id: string; label: string; description: string };
  readonly parent: { id: string; label: string } | null;
  /** Papers in the whole term. Shown on the term's own page only, so archive pages stay put. */
  readonly total: number | null;
  /** The chunk this archive page holds (1 = oldest), or null on the term's own page. */
  readonly chunk: number | null;
  /** Newest first. */
  readonly papers: readonly PaperSummary[];
  /** Chunk numbers of the neighbouring pages: newer (null = the term's own page) and older. */
  readonly newer: { chunk: number | null } | null;
  readonly older: { chunk: number } | null;
  /** Papers per period over the term's own span, on its own page only (archive pages stay put). */
  readonly trend: Trend | null;
};

/** A page with its route parameters and data. `path` is its address below the site's base. */
export interface SitePage<Props> {
  readonly path: string;
  readonly params: Record<string, string | undefined>;
  readonly props: Props;
}

/** Papers per chunk of a term listing. Long enough to scan, short enough to stay light. */
export const TERM_PAGE_SIZE = 50;
/** Authors a listing names before "and N more". */
const LISTED_AUTHORS = 4;

export function summarize(paper: Paper): PaperSummary {
  return {
    slug: paper.slug,
    title: paper.title,
    authors: paper.authors.slice(0, LISTED_AUTHORS),
    authorCount: paper.authors.length,
    date: paper.date,
    upvotes: paper.upvotes,
    hasCode: Boolean(paper.code_url),
  };
}

const neighbour = (paper: Paper | undefined) => (paper ? { slug: paper.slug, title: paper.title } : null);

const relatedByArchive = new WeakMap<Archive, Map<string, RelatedLink[]>>();

/** Every paper's related papers, computed once per archive: the build asks for paper pages more than once. */
function relatedLinks(archive: Archive): Map<string, RelatedLink[]> {
  let links = relatedByArchive.get(archive);
  if (!links) {
    const order = new Map(archive.taxonomies.map((taxonomy, index) => [taxonomy.id, index]));
    const rank = (taxonomy: string) => order.get(taxonomy) ?? order.size;
    const related = archive.related ?? relatedPapers(archive.days.flatMap((day) => day.papers));
    links = new Map(
      [...related].map(([slug, list]) => [
        slug,
        list.map((item) => ({
          slug: item.slug,
          title: item.title,
          sharedTerms: [...item.sharedTerms]
            .sort((a, b) => rank(a.taxonomy) - rank(b.taxonomy))
            .flatMap(({ taxonomy, id }) => {
              const term = archive.term(taxonomy, id);
              return term ? [{ taxonomy, label: term.label }] : [];
            }),
        })),
      ]),
    );
    relatedByArchive.set(archive, links);
  }
  return links;
}

/** One page per paper. */
export function paperPages(archive: Archive): SitePage<PaperPageProps>[] {
  const related = relatedLinks(archive);
  return archive.days.flatMap((day) =>
    day.papers.map((paper, index) => ({
      path: `papers/${paper.slug}/`,
      params: { slug: paper.slug },
      props: {
        paper,
        termGroups: archive.taxonomies
          .map((taxonomy) => ({
            taxonomy: taxonomy.id,
            label: taxonomy.label,
            terms: (paper.terms[taxonomy.id] ?? []).flatMap((id) => {
              const term = archive.term(taxonomy.id, id);
              return term ? [{ id: term.id, label: term.label }] : [];
            }),
          }))
          .filter((group) => group.terms.length > 0),
        previous: neighbour(day.papers[index - 1]),
        next: neighbour(day.papers[index + 1]),
        related: related.get(paper.slug) ?? [],
      },
    })),
  );
}

/** The data of a day's listing (also the home page's, for the latest day). */
export function dayProps(archive: Archive, day: Day): DayPageProps {
  const { previous, next } = archive.adjacentDays(day.date);
  return { date: day.date, papers: day.papers.map(summarize), previousDate: previous?.date ?? null, nextDate: next?.date ?? null };
}

/** One page per day. */
export function dayPages(archive: Archive): SitePage<DayPageProps>[] {
  return archive.days.map((day) => ({ path: `days/${day.date}/`, params: { date: day.date }, props: dayProps(archive, day) }));
}

/** One page per taxonomy that has papers. */
export function taxonomyPages(archive: Archive): SitePage<TaxonomyPageProps>[] {
  return archive.taxonomies.map((taxonomy) => {
    const axis = taxonomyAxis(taxonomy);
    return {
      path: `${taxonomy.id}/`,
      params: { taxonomy: taxonomy.id },
      props: {
        id: taxonomy.id,
        label: taxonomy.label,
        description: taxonomy.description,
        terms: taxonomy.terms.map((term) => ({
          id: term.id,
          label: term.label,
          description: term.description,
          parent: term.parent ?? null,
          count: term.papers.length,
          trend: countsOn(
            axis,
            term.papers.map((paper) => paper.date),
          ),
        })),
        axis: { unit: axis.unit, start: axis.periods[0]! },
      },
    };
  });
}

/** The periods from a taxonomy's oldest paper to its newest. (A term's papers are newest first.) */
function taxonomyAxis(taxonomy: Taxonomy) {
  const oldest = taxonomy.terms.map((term) => term.papers.at(-1)!.date).sort()[0]!;
  const newest = taxonomy.terms
    .map((term) => term.papers[0]!.date)
    .sort()
    .at(-1)!;
  return trendAxis(oldest, newest);
}

/** The chunks of a term, oldest first: chunk k (1-based) holds its papers k·size−size … k·size−1 counted from the oldest. */
function chunksOf(term: Term): Paper[][] {
  const oldestFirst = [...term.papers].reverse();
  const chunks: Paper[][] = [];
  for (let start = 0; start < oldestFirst.length; start += TERM_PAGE_SIZE) chunks.push(oldestFirst.slice(start, start + TERM_PAGE_SIZE));
  return chunks;
}

/** A term's own page and its archive pages. */
export function termPagesOf(archive: Archive, term: Term): SitePage<TermPageProps>[] {
  const taxonomy = archive.taxonomy(term.taxonomy)!;
  const parentTerm = term.parent ? archive.term(taxonomy.id, term.parent) : undefined;
  const shared = {
    taxonomy: { id: taxonomy.id, label: taxonomy.label },
    term: { id: term.id, label: term.label, description: term.description },
    parent: parentTerm ? { id: parentTerm.id, label: parentTerm.label } : null,
  };
  const chunks = chunksOf(term);
  // The own page shows the newest two chunks, so it always lists at least a full chunk's worth.
  const onOwnPage = Math.min(2, chunks.length);
  const archived = chunks.length - onOwnPage;
  const newestFirst = (papers: readonly Paper[]) => [...papers].reverse().map(summarize);
  const own: SitePage<TermPageProps> = {
    path: `${taxonomy.id}/${term.id}/`,
    params: { taxonomy: taxonomy.id, term: term.id, page: undefined },
    props: {
      ...shared,
      total: term.papers.length,
      chunk: null,
      papers: newestFirst(chunks.slice(archived).flat()),
      newer: null,
      older: archived > 0 ? { chunk: archived } : null,
      trend: trendOf(term.papers.map((paper) => paper.date)),
    },
  };
  const pages = chunks.slice(0, archived).map((papers, index) => {
    const chunk = index + 1;
    return {
      path: `${taxonomy.id}/${term.id}/${chunk}/`,
      params: { taxonomy: taxonomy.id, term: term.id, page: String(chunk) },
      props: {
        ...shared,
        total: null,
        chunk,
        papers: newestFirst(papers),
        newer: { chunk: chunk < archived ? chunk + 1 : null },
        older: chunk > 1 ? { chunk: chunk - 1 } : null,
        trend: null,
      },
    };
  });
  return [own, ...pages];
}

/** Every term's pages. */
export function termPages(archive: Archive): SitePage<TermPageProps>[] {
  return archive.taxonomies.flatMap((taxonomy) => taxonomy.terms.flatMap((term) => termPagesOf(archive, term)));
}

/**
 * The sitemaps: every page above, plus home and the lists of days, weeks and months, in the
 * order they first appeared — a paper or day on its date, a week or month with its first day, a taxonomy or term with its oldest paper, a term's
 * archive page k with the paper that pushed chunk k off the term's own page (the first of
 * chunk k + 2) — so a new day changes only the last sitemap (see src/site/formats/sitemap-chunks.ts).
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
    const terms = taxonomy.terms.map((term) => ({ term, chunks: chunksOf(term) }));
    entries.push({ path: `${taxonomy.id}/`, since: terms.map(({ chunks }) => chunks[0]![0]!.date).sort()[0]! });
    for (const { term, chunks } of terms) {
      entries.push({ path: `${taxonomy.id}/${term.id}/`, since: chunks[0]![0]!.date });
      chunks.slice(2).forEach((chunk, index) => entries.push({ path: `${taxonomy.id}/${term.id}/${index + 1}/`, since: chunk[0]!.date }));
    }
  }
  entries.push(...periodSitemapEntries(archive));
  return sitemapChunks(entries, size);
}

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
  'term-feed-atom': (archive: Archive) => termFeedPages(archive, 'atom'),
  'term-feed-json': (archive: Archive) => termFeedPages(archive, 'json'),
  'paper-bibtex': (archive: Archive) => paperCitationPages(archive, 'bibtex'),
  'paper-csl': (archive: Archive) => paperCitationPages(archive, 'csl'),
  'day-bibtex': (archive: Archive) => listingBibtexPages(archive, dayPages(archive)),
  'term-bibtex': (archive: Archive) => listingBibtexPages(archive, termPages(archive)),
  sitemap: sitemapPages,
} satisfies Record<string, (archive: Archive) => SitePage<unknown>[]>;

/** The name of a kind of page. */
export type PageKind = keyof typeof PAGE_KINDS;
/** The props of a kind of page. */
export type PropsOf<Kind extends PageKind> = ReturnType<(typeof PAGE_KINDS)[Kind]>[number]['props'];
/** A page with the kind it is of. */
export type KindedPage = SitePage<unknown> & { readonly kind: PageKind };

/** Every kind of page with data of its own, in the order the planner lists them. */
export const DATA_PAGE_KINDS = Object.keys(PAGE_KINDS) as PageKind[];

/** Every page with data of its own (or those of `kinds`), for the build planner. */
export function dataPages(archive: Archive, kinds: readonly PageKind[] = DATA_PAGE_KINDS): KindedPage[] {
  return kinds.flatMap((kind) => PAGE_KINDS[kind](archive).map((page): KindedPage => ({ ...page, kind })));
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
  /** The archive's feed. */
  readonly feed: FeedProps;
  /** How many sitemaps the sitemap index lists. */
  readonly sitemapCount: number;
  /** The search index's bundles, which the search page loads as one. */
  readonly searchBundles: readonly SearchBundle[];
};

/** The site-wide data of `archive`, whose search index comes in bundles of `searchBundleSize` papers. */
export function siteData(archive: Archive, searchBundleSize: number): SiteData {
  const latest = archive.days[0];
  return {
    navigation: navigation(archive),
    paperCount: archive.paperCount,
    latestDay: latest ? dayProps(archive, latest) : null,
    days: archive.days.map((day) => ({ date: day.date, count: day.papers.length })),
    weeks: periodIndex(archive, 'week'),
    months: periodIndex(archive, 'month'),
    feed: archiveFeed(archive),
    sitemapCount: sitemapPages(archive).length,
    searchBundles: searchBundles(archive.paperCount, searchBundleSize),
  };
}
