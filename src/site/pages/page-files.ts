/**
 * The data files — term feeds, citation files, papers' Markdown copies, sitemaps — as pure
 * functions of their props and the site's origin. They have no Astro routes: the build writes them
 * itself (src/build/data-files/), and `astro dev` serves the same text (src/integrations/serve-data-files.ts).
 */
import { atomFeed } from '../formats/atom-feed.ts';
import {
  BIBTEX_TYPE,
  CSL_JSON_TYPE,
  RIS_TYPE,
  listingBibtexFile,
  listingRisFile,
  paperBibtexFile,
  paperCslFile,
  paperRisFile,
} from '../formats/citation-files.ts';
import { paperMarkdown } from '../formats/paper-markdown.ts';
import { jsonFeed } from '../formats/json-feed.ts';
import type { PageKind, PropsOf } from './site-pages.ts';
import { sitemapXml } from '../formats/sitemap-xml.ts';
import { redirectHtml, removedHtml } from '../formats/address-html.ts';
import { formatDay } from '../format-date.ts';
import { absoluteUrl, href, homeUrl, paperUrl, searchUrl, termUrl } from '../urls.ts';

const HTML_TYPE = 'text/html; charset=utf-8';

/** How a kind of page is written as a file. */
type PageFile<Props> = { readonly type: string; readonly write: (props: Props, site: URL | string) => string };

const FILES = {
  'term-feed-atom': { type: 'application/atom+xml; charset=utf-8', write: atomFeed },
  'term-feed-json': { type: 'application/feed+json; charset=utf-8', write: jsonFeed },
  'paper-bibtex': { type: BIBTEX_TYPE, write: paperBibtexFile },
  'paper-csl': { type: CSL_JSON_TYPE, write: paperCslFile },
  'paper-ris': { type: RIS_TYPE, write: paperRisFile },
  'paper-markdown': {
    type: 'text/markdown; charset=utf-8',
    write: (props, site) =>
      paperMarkdown(props, {
        page: absoluteUrl(paperUrl(props.paper.slug), site),
        term: (taxonomy, term) => absoluteUrl(termUrl(taxonomy, term), site),
      }),
  },
  'day-bibtex': { type: BIBTEX_TYPE, write: listingBibtexFile },
  'author-feed-atom': { type: 'application/atom+xml; charset=utf-8', write: atomFeed },
  'author-feed-json': { type: 'application/feed+json; charset=utf-8', write: jsonFeed },
  'author-bibtex': { type: BIBTEX_TYPE, write: listingBibtexFile },
  'author-ris': { type: RIS_TYPE, write: listingRisFile },
  'term-bibtex': { type: BIBTEX_TYPE, write: listingBibtexFile },
  'day-ris': { type: RIS_TYPE, write: listingRisFile },
  'term-ris': { type: RIS_TYPE, write: listingRisFile },
  sitemap: {
    type: 'application/xml; charset=utf-8',
    write: ({ paths }, site) => sitemapXml(paths.map((path) => absoluteUrl(href(path), site))),
  },
  // The pages of former addresses (content/addresses.yaml): whole HTML files, never indexed.
  'paper-redirect': {
    type: HTML_TYPE,
    write: ({ to, title }, site) => redirectHtml({ title, target: paperUrl(to), canonical: absoluteUrl(paperUrl(to), site) }),
  },
  'paper-removed': {
    type: HTML_TYPE,
    write: ({ title, removed }) => removedHtml({ title, removed: formatDay(removed), search: searchUrl(title), home: homeUrl() }),
  },
} satisfies { [Kind in PageKind]?: PageFile<PropsOf<Kind>> };

/** A kind of page that is a file of data. */
export type FileKind = keyof typeof FILES;

/** True for a kind of page the build writes itself. */
export const isFileKind = (kind: PageKind): kind is FileKind => Object.hasOwn(FILES, kind);

/** The text of a page of a file kind. */
export function pageFileText(kind: FileKind, props: unknown, site: URL | string): string {
  return (FILES[kind].write as (props: unknown, site: URL | string) => string)(props, site);
}

/** The media type of a data file of kind `kind`. */
export function dataFileType(kind: FileKind): string {
  return FILES[kind].type;
}
