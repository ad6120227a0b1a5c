/**
 * Every internal address of the site, in one place, each honouring the configured `base`
 * (an archive may be served under `/<repo>/`). Pages link only through these.
 */
const BASE = import.meta.env.BASE_URL.replace(/\/?$/, '/');

/** A path under the site's base: `href('days/')` → `/<base>/days/`. */
export function href(path = ''): string {
  return `${BASE}${path.replace(/^\//, '')}`;
}

/** The home page. */
export const homeUrl = (): string => href();
/** A paper's page. */
export const paperUrl = (slug: string): string => href(`papers/${slug}/`);
/** A day's listing. */
export const dayUrl = (date: string): string => href(`days/${date}/`);
/** The list of all days. */
export const daysUrl = (): string => href('days/');
/** A taxonomy's list of terms. */
export const taxonomyUrl = (taxonomy: string): string => href(`${taxonomy}/`);
/** A term's papers, first page. */
export const termUrl = (taxonomy: string, term: string): string => href(`${taxonomy}/${term}/`);
/** The search page, optionally with a query. */
export const searchUrl = (query?: string): string => href(query ? `search/?q=${encodeURIComponent(query)}` : 'search/');
/** The page that saves the archive for reading offline. */
export const offlineUrl = (): string => href('offline/');
