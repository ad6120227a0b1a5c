/**
 * The link check's report, pure: one line per broken link on standard error, as
 * `<file>:<line>: <url>: <reason>` (the command line's problem format), and one summary line.
 * A link broken on many pages (a navigation link) is listed for its first pages only.
 */
import type { BrokenLink } from './check-file-links.ts';
import type { LinkCheck } from './check-links.ts';

/** Pages listed for one broken address before the rest are counted. */
export const PAGES_PER_URL = 10;

/** The problem lines, each broken link once per file and line; `dir` prefixes each file, as the user named the folder. */
export function brokenLinkLines(broken: readonly BrokenLink[], dir: string): string[] {
  // Keyed by the URL as written: a relative link in a shared template breaks the same way on every page.
  const filesOf = new Map<string, Set<string>>();
  const lines = new Set<string>();
  for (const link of broken) {
    const files = filesOf.get(link.url) ?? new Set<string>();
    filesOf.set(link.url, files.add(link.file));
    if (files.size <= PAGES_PER_URL) lines.add(`${join(dir, link.file)}:${link.line}: ${link.url}: ${link.reason}`);
  }
  const more = [...filesOf].filter(([, files]) => files.size > PAGES_PER_URL);
  return [...lines, ...more.map(([url, files]) => `… and ${files.size - PAGES_PER_URL} more files link to ${url}`)];
}

/** The summary: `Checked 119 files in dist: 3,412 links, 0 broken`, with a hint when most links are broken. */
export function linkSummary(check: LinkCheck, dir: string, site: { origin: string; base: string }): string {
  const number = (count: number) => count.toLocaleString('en-US');
  const line = `Checked ${number(check.files)} files in ${dir}: ${number(check.links)} links, ${number(check.broken.length)} broken`;
  // So many broken links are rarely so many mistakes: the archive was built for another address.
  return check.broken.length > 0 && check.broken.length >= check.links / 2
    ? `${line}. Most links are broken: was the archive built for another site or base than ${site.origin}${site.base} (--site, --base)?`
    : line;
}

const join = (dir: string, file: string) => `${dir.replace(/\/+$/, '')}/${file}`;
