/**
 * I/O: every paper Hugging Face lists for one day, page after page. A page names the next in a
 * `Link: <…>; rel="next"` header; a server that sends no `Link` is paged by `p=` while a page
 * comes back full. A page that adds no paper not already seen ends it too, so a server that
 * ignores `p` cannot keep it going.
 */
import { FetchFailure, getWithRetry, type HttpOptions } from './http-client.ts';
import { paperId, readDailyItems, type DailyItem } from './daily-papers-items.ts';

/** Where and how to ask. */
export interface HfDayOptions {
  /** The API's origin (and path prefix, for a mirror), e.g. `https://huggingface.co`. */
  readonly endpoint: string;
  readonly http: HttpOptions;
  /** Papers asked for per page. Default 100. */
  readonly limit?: number;
  /** The most pages read for one day. Default 50. */
  readonly maxPages?: number;
}

/** The address of page `page` of `day`. */
export function dailyPapersUrl(endpoint: string, day: string, limit: number, page: number): string {
  const url = new URL(`${endpoint.replace(/\/+$/, '')}/api/daily_papers`);
  url.searchParams.set('date', day);
  url.searchParams.set('limit', String(limit));
  if (page > 0) url.searchParams.set('p', String(page));
  return url.href;
}

/** The `rel="next"` target of a `Link` header, resolved against `base`; null when there is none. */
export function nextLink(header: string | null, base: string): string | null {
  for (const match of (header ?? '').matchAll(/<([^>]*)>([^,<]*)/g)) {
    const rel = /;\s*rel\s*=\s*"?([^";]*)"?/i.exec(match[2] ?? '')?.[1] ?? '';
    if (rel.toLowerCase().split(/\s+/).includes('next')) return new URL(match[1] ?? '', base).href;
  }
  return null;
}

/** Every item listed on `day`, in the order the pages gave them, each paper once. */
export async function fetchHfDay(day: string, options: HfDayOptions): Promise<DailyItem[]> {
  const limit = options.limit ?? 100;
  const maxPages = options.maxPages ?? 50;
  const items: DailyItem[] = [];
  const seen = new Set<string>();
  let url = dailyPapersUrl(options.endpoint, day, limit, 0);
  for (let page = 0; ; page += 1) {
    if (page === maxPages) throw new FetchFailure(url, `more than ${maxPages} pages for one day`, 1, true);
    const { value, headers } = await getWithRetry(url, readDailyItems, { accept: 'application/json', ...options.http });
    const fresh = value.filter((item) => {
      const id = paperId(item);
      if (id === undefined) return true;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
    items.push(...fresh);
    // A page that adds nothing (a server repeating itself) ends the day as an empty page does.
    if (page > 0 && fresh.length === 0) return items;
    const link = headers.get('link');
    const next = nextLink(link, url);
    if (next !== null) {
      // A next page elsewhere would send this client's requests to a host nobody named.
      if (new URL(next).origin !== new URL(url).origin) throw new FetchFailure(url, `the next page is on another host (${next})`, 1, false);
      url = next;
    } else if (link === null && value.length >= limit) {
      url = dailyPapersUrl(options.endpoint, day, limit, page + 1);
    } else {
      return items;
    }
  }
}
