/**
 * The search page's group of authors, above the papers: the first few authors a search found,
 * each a link to their page with their number of papers, and a button for more. Names are
 * inserted as text nodes, never parsed as HTML.
 */
import { authorPath } from '../../build/search/author-shards.ts';
import { requiredElement } from '../required-element.ts';
import type { FoundAuthor } from './author-search.ts';

/** Authors shown first: a glance, so the papers stay in view. */
const FIRST_AUTHORS = 5;
/** Authors added by each "Show more authors". */
const MORE_AUTHORS = 20;

/** The group of authors inside the search UI. */
export interface AuthorResults {
  /** Shows the first few of `authors` (all a search found, best first); hides the group when there are none. */
  show(authors: readonly FoundAuthor[]): void;
}

/**
 * The group in `root` (its `[data-search-authors]`). Author pages are under `base`; `link`
 * writes a page's URL as a link (from disk, naming its `index.html`).
 */
export function authorResults(root: HTMLElement, base: string, link: (url: string) => string): AuthorResults {
  const group = requiredElement<HTMLElement>(root, '[data-search-authors]');
  const list = requiredElement<HTMLUListElement>(group, '[data-search-author-list]');
  const more = requiredElement<HTMLButtonElement>(group, '[data-search-more-authors]');
  let found: readonly FoundAuthor[] = [];

  const item = (author: FoundAuthor): HTMLLIElement => {
    const row = document.createElement('li');
    const anchor = document.createElement('a');
    anchor.href = link(`${base}${authorPath(author.slug)}`);
    anchor.dir = 'auto';
    anchor.textContent = author.name;
    const count = document.createElement('span');
    count.className = 'count';
    count.textContent = `${author.papers.toLocaleString('en-US')} ${author.papers === 1 ? 'paper' : 'papers'}`;
    row.append(anchor, ' ', count);
    return row;
  };
  const showUpTo = (count: number) => {
    list.append(...found.slice(list.childElementCount, count).map(item));
    more.hidden = list.childElementCount >= found.length;
  };
  more.addEventListener('click', () => {
    const first = list.childElementCount;
    showUpTo(first + MORE_AUTHORS);
    // The button may have gone with the last authors; the reader goes on from the first new one.
    list.children[first]?.querySelector('a')?.focus();
  });

  return {
    show(authors) {
      found = authors;
      list.replaceChildren();
      group.hidden = authors.length === 0;
      showUpTo(FIRST_AUTHORS);
    },
  };
}
