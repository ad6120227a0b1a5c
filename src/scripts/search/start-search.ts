/**
 * The search page's behaviour: read the state from the URL, run Pagefind, draw filters and
 * results, and write the state back so the address can be shared. All entry text is inserted
 * as text nodes; nothing from the index is ever parsed as HTML.
 */
import { authorResults } from './author-results.ts';
import { openAuthorIndex, type FoundAuthor } from './author-search.ts';
import { buildExcerpt } from './excerpt.ts';
import { loadPagefind, type FilterCounts, type LoadPagefind, type PagefindApi, type PagefindHit } from './pagefind-client.ts';
import { readState, writeState, type SearchState } from './url-state.ts';
import { requiredElement } from '../required-element.ts';
import type { SearchBundle } from '../../build/search/search-bundles.ts';

/** Results drawn first: more than a screen holds. Each drawn result fetches its own fragment,
 *  so the first search does not fetch what the reader would have to scroll to. */
const FIRST = 8;
/** Results added by each "Show more". */
const PAGE = 10;
/** Filter values shown before the rest fold into "More". */
const VISIBLE_VALUES = 12;
/** Typing pause before searching, in milliseconds. */
const DEBOUNCE = 150;

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A result's date as its page shows it: a listing day, or a publication date known to the month or year only. */
function formatDate(date: string): string {
  if (date.length === 4) return date;
  const format = date.length === 7 ? MONTH : DAY;
  return format.format(new Date(`${date.length === 7 ? `${date}-01` : date}T00:00:00Z`));
}

/** The authors a search found, as the status line adds them to its count of papers: `, and 3 authors`. */
function authorCount(authors: readonly FoundAuthor[]): string {
  return authors.length === 0 ? '' : `, and ${authors.length.toLocaleString('en-US')} ${authors.length === 1 ? 'author' : 'authors'}`;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Wires up the search UI inside `root` (the element with `data-search`, whose `data-bundles`
 * lists the search bundles), loading Pagefind with `load` (default: the hosted way). `link`
 * writes the URL of a page of the site as a link; Pagefind's results come from `load` as links
 * already. Default: the URL as it is.
 */
export function startSearch(root: HTMLElement, load: LoadPagefind = loadPagefind, link: (url: string) => string = (url) => url): void {
  const base = root.dataset['base'] ?? '/';
  const labels = JSON.parse(root.dataset['labels'] ?? '{}') as Record<string, string>;
  const bundles = JSON.parse(root.dataset['bundles'] ?? '[{"folder":"pagefind/","papers":0}]') as SearchBundle[];
  const filterNames = Object.keys(labels);
  const form = requiredElement<HTMLFormElement>(root, '[data-search-form]');
  const input = requiredElement<HTMLInputElement>(root, '[data-search-input]');
  const sortSelect = requiredElement<HTMLSelectElement>(root, '[data-search-sort]');
  const filtersBox = requiredElement<HTMLElement>(root, '[data-search-filters]');
  const showFilters = requiredElement<HTMLButtonElement>(root, '[data-search-show-filters]');
  const status = requiredElement<HTMLElement>(root, '[data-search-status]');
  const list = requiredElement<HTMLOListElement>(root, '[data-search-results]');
  const more = requiredElement<HTMLButtonElement>(root, '[data-search-more]');

  let state: SearchState = readState(new URLSearchParams(location.search), filterNames);
  input.value = state.query;
  sortSelect.value = state.sort;
  let generation = 0;
  let hits: PagefindHit[] = [];
  let shown = 0;
  const engine: Promise<PagefindApi> = load(base, bundles);
  // Opened after `load`, which may route the search files' requests (from disk) first.
  const authorIndex = openAuthorIndex(base);
  const authorGroup = authorResults(root, base, link);
  // Filter values and counts come from files as large as the index itself, so they are loaded
  // only when the reader asks for filters, or arrives with some already chosen.
  let totals: Promise<FilterCounts> | null = null;
  const loadFilters = (): Promise<FilterCounts> => {
    showFilters.hidden = true;
    return (totals ??= engine.then((pagefind) => pagefind.filters()).catch(() => ({})));
  };
  if (Object.keys(state.filters).length > 0) void loadFilters();

  const setState = (next: SearchState) => {
    state = next;
    const query = writeState(state).toString();
    history.replaceState(null, '', query ? `?${query}` : location.pathname);
    void run();
  };

  async function run(): Promise<void> {
    const mine = ++generation;
    let pagefind: PagefindApi;
    try {
      pagefind = await engine;
    } catch {
      status.textContent = 'Search could not start: the search index did not load. Reload the page to try again.';
      return;
    }
    const chosen = Object.entries(state.filters).filter(([, values]) => values.length > 0);
    if (!state.query.trim() && chosen.length === 0) {
      const all = totals ? await totals : null;
      if (mine !== generation) return;
      if (all) drawFilters(all, all);
      hits = [];
      list.replaceChildren();
      authorGroup.show([]);
      more.hidden = true;
      status.textContent = 'Type to search titles, authors and abstracts, or pick a filter.';
      return;
    }
    const order = totals ? await totals : null;
    const [key, direction] = state.sort.split(':');
    // Authors are found by the words alone: they have no topics or years to filter by.
    const [response, authors] = await Promise.all([
      pagefind.search(state.query.trim() || null, {
        filters: Object.fromEntries(chosen.map(([name, values]) => [name, { any: values }])),
        ...(key && (direction === 'asc' || direction === 'desc') ? { sort: { [key]: direction } } : {}),
      }),
      authorIndex.search(state.query),
    ]);
    if (mine !== generation || !response) return;
    if (order) drawFilters(response.filters, order);
    hits = response.results;
    shown = 0;
    // The first results and the count appear together, so the page never says "12 found"
    // above an empty list (or the previous search's results).
    const items = await nextBatch(mine, FIRST);
    if (!items) return;
    list.replaceChildren(...items);
    authorGroup.show(authors);
    const count = `${hits.length} ${hits.length === 1 ? 'paper' : 'papers'}`;
    status.textContent = (state.query.trim() ? `${count} found for “${state.query.trim()}”` : `${count} found`) + authorCount(authors);
    more.hidden = shown >= hits.length;
  }

  /** Draws the next `size` results; null when a newer search has started meanwhile. */
  async function nextBatch(mine: number, size: number): Promise<HTMLLIElement[] | null> {
    const batch = hits.slice(shown, shown + size);
    const items = await Promise.all(batch.map(async (hit) => drawResult(await hit.data())));
    if (mine !== generation) return null;
    shown += batch.length;
    return items;
  }

  async function showMore(mine: number): Promise<void> {
    const items = await nextBatch(mine, PAGE);
    if (!items) return;
    list.append(...items);
    more.hidden = shown >= hits.length;
  }

  function drawResult(data: Awaited<ReturnType<PagefindHit['data']>>): HTMLLIElement {
    const item = element('li', 'result');
    const heading = element('h2', 'result-title');
    const link = element('a', undefined, data.meta['title'] ?? data.url);
    link.href = data.url.startsWith(base) ? data.url : base;
    link.dir = 'auto';
    heading.append(link);
    const meta = element('p', 'result-meta');
    const date = data.meta['date'];
    if (date) {
      const time = element('time', undefined, formatDate(date));
      time.dateTime = date;
      meta.append(time);
    }
    if (data.meta['tags']) meta.append(element('span', 'result-tags', data.meta['tags']));
    const excerpt = element('p', 'result-excerpt');
    excerpt.dir = 'auto';
    for (const piece of buildExcerpt(data.content, data.locations)) {
      excerpt.append(piece.mark ? element('mark', undefined, piece.text) : document.createTextNode(piece.text));
    }
    item.append(heading, meta, excerpt);
    return item;
  }

  /** Draws the filters with the current result counts, ordered by the archive-wide counts so
   *  that a value never moves under the reader's pointer as results change. */
  function drawFilters(counts: FilterCounts, order: FilterCounts): void {
    const focused = document.activeElement instanceof HTMLInputElement ? document.activeElement.id : '';
    const groups = filterNames
      .filter((name) => Object.keys(counts[name] ?? {}).length > 0 || (state.filters[name] ?? []).length > 0)
      .map((name) => drawGroup(name, counts[name] ?? {}, order[name] ?? {}));
    filtersBox.replaceChildren(...groups);
    if (focused) document.getElementById(focused)?.focus();
  }

  function drawGroup(name: string, counts: Record<string, number>, order: Record<string, number>): HTMLFieldSetElement {
    const chosen = new Set(state.filters[name] ?? []);
    // Values no result carries are noise, unless the reader chose them (then they must stay to be unchosen).
    const present = Object.keys(counts).filter((value) => (counts[value] ?? 0) > 0);
    const values = [...new Set([...present, ...chosen])].sort((a, b) =>
      name === 'year' ? b.localeCompare(a) : (order[b] ?? 0) - (order[a] ?? 0) || a.localeCompare(b),
    );
    const group = element('fieldset', 'filter-group');
    group.append(element('legend', undefined, labels[name] ?? name));
    const overflow = element('details', 'filter-more');
    overflow.append(element('summary', undefined, `${Math.max(0, values.length - VISIBLE_VALUES)} more`));
    values.forEach((value, index) => {
      const id = `filter-${name}-${value.replace(/[^a-z0-9]/gi, (c) => `_${c.codePointAt(0)}_`)}`;
      const row = element('div', 'filter-option');
      const box = element('input');
      box.type = 'checkbox';
      box.id = id;
      box.checked = chosen.has(value);
      box.addEventListener('change', () => {
        const next = new Set(state.filters[name] ?? []);
        if (box.checked) next.add(value);
        else next.delete(value);
        setState({ ...state, filters: { ...state.filters, [name]: [...next] } });
      });
      const label = element('label', undefined, value);
      label.htmlFor = id;
      row.append(box, label, element('span', 'count', String(counts[value] ?? 0)));
      (index < VISIBLE_VALUES || chosen.has(value) ? group : overflow).append(row);
    });
    if (overflow.childElementCount > 1) group.append(overflow);
    return group;
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => setState({ ...state, query: input.value }), DEBOUNCE);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    setState({ ...state, query: input.value });
  });
  sortSelect.addEventListener('change', () => setState({ ...state, sort: sortSelect.value }));
  more.addEventListener('click', () => void showMore(generation));
  showFilters.addEventListener('click', () => {
    void loadFilters().then(() => run());
  });
  void run();
}
