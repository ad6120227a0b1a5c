/**
 * The link check of one file of a built site, pure: its links resolved and each one that
 * leads to no file reported. Links to an element of another page are handed back, since
 * that page's ids are known only once it is read (see `checkFragments`).
 */
import { jsonLinks, robotsLinks, xmlLinks, cssFileLinks } from './data-links.ts';
import type { FileLinks } from './found-link.ts';
import { htmlLinks } from './html-links.ts';
import { resolveLink, resolveSiteUrl, servedPath, type Fragment, type SiteAddress } from './resolve-link.ts';

/** A link that leads nowhere. */
export interface BrokenLink {
  /** The file it is written in, relative to the site's folder. */
  readonly file: string;
  readonly line: number;
  /** As written. */
  readonly url: string;
  readonly reason: string;
}

/** A link to an element of another page, to be checked against that page's ids. */
export interface FragmentLink {
  readonly file: string;
  readonly line: number;
  readonly url: string;
  /** The page it leads to, relative to the site's folder. */
  readonly target: string;
  readonly fragment: Fragment;
}

/** What one file's check found. */
export interface FileReport {
  readonly file: string;
  /** Links found in the file, external ones (counted, not checked) included. */
  readonly links: number;
  readonly broken: BrokenLink[];
  readonly fragments: FragmentLink[];
}

/** True for the files whose links are checked; scripts and search index files are not. */
export function hasLinks(file: string): boolean {
  return /\.(html?|xml|json|webmanifest|css)$/i.test(file) || file === 'robots.txt';
}

/** Finds the links of `text`, the content of `file`, by its kind. */
export function linksOf(file: string, text: string): FileLinks {
  if (/\.html?$/i.test(file)) return htmlLinks(text);
  if (/\.xml$/i.test(file)) return xmlLinks(text);
  if (/\.css$/i.test(file)) return cssFileLinks(text);
  if (file === 'robots.txt') return robotsLinks(text);
  return jsonLinks(text, { manifest: /\.webmanifest$/i.test(file) });
}

/** Whether a target page's ids hold a fragment: as written or decoded, as browsers look it up. */
export const holdsFragment = (ids: ReadonlySet<string>, fragment: Fragment): boolean => ids.has(fragment.decoded) || ids.has(fragment.raw);

/** Checks the links of `file` (already found) against the files that exist. */
export function checkFileLinks(file: string, found: FileLinks, site: SiteAddress, exists: (file: string) => boolean): FileReport {
  const from = servedPath(file, site.base);
  const broken: BrokenLink[] = [];
  const fragments: FragmentLink[] = [];
  for (const { url, line, onSite } of found.links) {
    const destination = onSite === true ? resolveSiteUrl(url, site) : resolveLink(url, from, site);
    if (destination.kind === 'external') continue;
    if (destination.kind === 'broken') {
      broken.push({ file, line, url, reason: destination.reason });
      continue;
    }
    const target = destination.files.find(exists);
    if (target === undefined) {
      broken.push({ file, line, url, reason: `no such file: ${destination.files[0]}` });
    } else if (destination.fragment !== null && /\.html?$/i.test(target)) {
      if (target !== file) fragments.push({ file, line, url, target, fragment: destination.fragment });
      else if (!holdsFragment(found.ids, destination.fragment))
        broken.push({ file, line, url, reason: `no element with id \`${destination.fragment.decoded}\` on this page` });
    }
  }
  return { file, links: found.links.length, broken, fragments };
}
