/**
 * The links of a built site's files for machines: feeds (Atom, JSON Feed), sitemaps,
 * robots.txt, the web app manifest and other JSON, and style sheets. Feeds and sitemaps link
 * absolutely, to the public site; the addresses that describe the site itself (a sitemap's
 * `<loc>`, a feed's own and home address, robots.txt's `Sitemap:`) must lead into it, so an
 * archive built for another site or base is caught.
 */
import { scanHtml } from '../html/scan-html.ts';
import { isAbsoluteHttp, jsonStrings, lineFinder, type FileLinks, type FoundLink } from './found-link.ts';
import { cssUrls } from './html-links.ts';

const NO_IDS: ReadonlySet<string> = new Set();

/** `Sitemap:` lines of robots.txt; the rest (`Allow`, `Disallow`) are path patterns, not links. */
export function robotsLinks(text: string): FileLinks {
  const links: FoundLink[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const sitemap = /^\s*sitemap\s*:\s*(\S+)/i.exec(line);
    if (sitemap) links.push({ url: sitemap[1]!, line: index + 1, onSite: true });
  });
  return { links, ids: NO_IDS };
}

/** Elements whose text is an address: a sitemap's `<loc>` (must be on the site), Atom's `<id>`, `<icon>`, `<logo>`, `<uri>`, RSS's `<link>`. */
const TEXT_LINKS: Readonly<Record<string, boolean>> = {
  loc: true,
  id: false,
  icon: false,
  logo: false,
  uri: false,
  link: false,
  url: false,
  comments: false,
};

/**
 * The links of an XML file (a sitemap, an Atom or RSS feed). The HTML tokenizer reads the
 * XML we write (no CDATA, no DTD) as a stream of tags and text, which is all this needs.
 */
export function xmlLinks(xml: string): FileLinks {
  const links: FoundLink[] = [];
  let open: { name: string; text: string; line: number } | null = null;
  scanHtml(xml, {
    startTag(tag) {
      const line = tag.sourceCodeLocation?.startLine ?? 1;
      const name = tag.tagName.replace(/^.*:/, '');
      const href = tag.attrs.find((attribute) => attribute.name === 'href')?.value;
      if (href !== undefined) {
        // A feed's link to itself and to its page must lead into the site.
        const rel = tag.attrs.find((attribute) => attribute.name === 'rel')?.value ?? 'alternate';
        links.push({ url: href, line, onSite: name === 'link' && rel === 'self' });
      }
      open = !tag.selfClosing && name in TEXT_LINKS ? { name, text: '', line } : null;
    },
    text(text) {
      if (open) open.text += text.text;
    },
    endTag() {
      if (!open) return;
      const { name, text, line } = open;
      open = null;
      const onSite = TEXT_LINKS[name] === true;
      // Atom ids and the like are often not addresses at all (`urn:…`); only http(s) ones are links.
      if (onSite || isAbsoluteHttp(text)) links.push({ url: text.trim(), line, onSite });
    },
  });
  return { links, ids: NO_IDS };
}

/**
 * The links of a JSON file. A JSON Feed's `feed_url` and `home_page_url` must lead into the
 * site; a web app manifest's `start_url`, `scope` and `src`s are relative to it; in any
 * JSON, a string that is an absolute http(s) address is a link.
 */
export function jsonLinks(text: string, options: { manifest?: boolean } = {}): FileLinks {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // Not JSON: no links to follow (what reads the file reports that).
    return { links: [], ids: NO_IDS };
  }
  const isFeed =
    typeof data === 'object' &&
    data !== null &&
    /^https:\/\/jsonfeed\.org\/version\//.test(String((data as { version?: unknown }).version));
  const links: FoundLink[] = [];
  const lineOf = lineFinder(text);
  for (const { key, value } of jsonStrings(data)) {
    const relative = options.manifest === true && ['start_url', 'scope', 'src', 'url'].includes(key);
    if (!relative && !isAbsoluteHttp(value)) continue;
    const onSite = isFeed && (key === 'feed_url' || key === 'home_page_url');
    links.push({ url: value.trim(), line: lineOf(JSON.stringify(value).slice(1, -1)), onSite });
  }
  return { links, ids: NO_IDS };
}

/** The links of a style sheet: its `url()`s and `@import`s. */
export function cssFileLinks(css: string): FileLinks {
  const lineOf = lineFinder(css);
  const links = cssUrls(css).map((url) => ({ url, line: lineOf(url) }));
  return { links, ids: NO_IDS };
}
