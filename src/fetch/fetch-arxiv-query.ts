/**
 * I/O: the entries of one arXiv API query, newest submissions first, page after page. Each
 * page starts where the entries that came back end (a page may be shorter than asked); a page
 * that comes back empty although `opensearch:totalResults` says there are more is asked again,
 * a few times. It stops at the end of the results, at `max` entries, or at the first entry
 * published before `since`.
 */
import { userError } from '../messages/message.ts';
import { ArxivQueryRejected } from '../messages/messages.ts';
import { arxivFeed, readArxivPage, type ArxivEntry, type ArxivPage } from './arxiv-feed.ts';
import { FetchFailure, getWithRetry, type HttpOptions } from './http-client.ts';

/** One query and where to ask it. */
export interface ArxivQuery {
  /** arXiv's `search_query`, e.g. `cat:cs.LG`. */
  readonly query: string;
  /** The API's address, e.g. `https://export.arxiv.org/api/query`. */
  readonly endpoint: string;
  /** The most entries to bring. */
  readonly max: number;
  /** Entries published before this day (`YYYY-MM-DD`) end the query. */
  readonly since?: string | undefined;
  /** How requests are made: give it a spacing `gate` (space-requests.ts). */
  readonly http: HttpOptions;
  /** Entries asked for per page. Default 100. */
  readonly pageSize?: number;
  /** How many times a page that is empty too early is asked again. Default 3. */
  readonly emptyRetries?: number;
}

/** The address of one page. */
export function arxivPageUrl(endpoint: string, query: string, start: number, count: number): string {
  const url = new URL(endpoint);
  url.searchParams.set('search_query', query);
  url.searchParams.set('sortBy', 'submittedDate');
  url.searchParams.set('sortOrder', 'descending');
  url.searchParams.set('start', String(start));
  url.searchParams.set('max_results', String(count));
  return url.href;
}

/** The entries of `q` as one Atom document, and how many; null when the query brought none. */
export async function fetchArxivQuery(q: ArxivQuery): Promise<{ feed: string; entries: number } | null> {
  const pageSize = q.pageSize ?? 100;
  const entries: ArxivEntry[] = [];
  const seen = new Set<string>();
  let first: ArxivPage | null = null;
  let start = 0;
  let empties = 0;
  pages: while (entries.length < q.max) {
    const url = arxivPageUrl(q.endpoint, q.query, start, Math.min(pageSize, q.max - entries.length));
    const { value: page } = await getWithRetry(url, readArxivPage, { accept: 'application/atom+xml', ...q.http });
    if (page.error !== null) throw userError(ArxivQueryRejected, q.query, page.error);
    first ??= page;
    const total = page.total ?? first.total;
    if (page.entries.length === 0) {
      // arXiv sometimes answers a page with nothing although its count says there is more.
      if (total === null || start >= total) break;
      empties += 1;
      if (empties > (q.emptyRetries ?? 3))
        throw new FetchFailure(url, `an empty page ${empties} times, though ${total} results are announced`, 1, true);
      continue;
    }
    empties = 0;
    const before = entries.length;
    for (const entry of page.entries) {
      if (q.since !== undefined && entry.published !== '' && entry.published < q.since) break pages;
      // Papers submitted while paging shift the pages: an entry seen on the page before comes again.
      if (seen.has(entry.id)) continue;
      seen.add(entry.id);
      entries.push(entry);
      if (entries.length === q.max) break pages;
    }
    start += page.entries.length;
    // A page with nothing new (a server that ignores `start`) ends the query as the last page does.
    if ((total !== null && start >= total) || entries.length === before) break;
  }
  return first === null || entries.length === 0 ? null : { feed: arxivFeed(first, entries), entries: entries.length };
}
