/** Pure: links to an element of another page, checked once the pages they lead to have been read. */
import { holdsFragment, type BrokenLink, type FragmentLink } from './check-file-links.ts';

/** The fragment links whose element is missing; `idsOf` gives a page's ids (null: unreadable). */
export function checkFragments(links: readonly FragmentLink[], idsOf: (page: string) => ReadonlySet<string> | null): BrokenLink[] {
  const broken: BrokenLink[] = [];
  for (const link of links) {
    const ids = idsOf(link.target);
    if (ids === null || !holdsFragment(ids, link.fragment)) {
      broken.push({
        file: link.file,
        line: link.line,
        url: link.url,
        reason: `no element with id \`${link.fragment.decoded}\` in ${link.target}`,
      });
    }
  }
  return broken;
}
