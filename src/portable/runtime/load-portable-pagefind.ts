/**
 * `loadPagefind` for an archive opened from disk: Pagefind as a classic script, its index
 * through the fetch shim, no worker, and result URLs relative to the search page and ending
 * in `index.html`.
 */
import type { PagefindApi, PagefindHit } from '../../scripts/search/pagefind-client.ts';
import { CLASSIC_PAGEFIND, PAGEFIND_GLOBAL } from '../portable-names.ts';
import { withIndexHtml } from '../with-index-html.ts';
import { installFetchShim } from './install-fetch-shim.ts';
import { loadScript } from './load-script.ts';

/** Loads Pagefind from `<base>pagefind/`, where `base` is the archive root relative to the page (`../`). */
export async function loadPortablePagefind(base: string): Promise<PagefindApi> {
  const folder = new URL(`${base}pagefind/`, document.baseURI).href;
  installFetchShim(folder);
  await loadScript(folder + CLASSIC_PAGEFIND);
  const pagefind = Reflect.get(globalThis, PAGEFIND_GLOBAL) as PagefindApi | undefined;
  if (!pagefind) throw new Error(`${CLASSIC_PAGEFIND} did not define ${PAGEFIND_GLOBAL}`);
  // A worker cannot start from file://; say so rather than let Pagefind try.
  await pagefind.options({ noWorker: true });
  await pagefind.init();
  // Given before init(), Pagefind would turn a relative base into `/../`; given after, it is
  // used as it is, and result URLs come out relative to this page.
  await pagefind.options({ baseUrl: base });
  return {
    options: (options) => pagefind.options(options),
    init: () => pagefind.init(),
    filters: () => pagefind.filters(),
    async search(query, options) {
      const response = await pagefind.search(query, options);
      return response && { ...response, results: response.results.map(portableHit) };
    },
  };
}

/** The hit with its URL naming the page's `index.html`, which a folder URL on disk would not open. */
function portableHit(hit: PagefindHit): PagefindHit {
  return {
    id: hit.id,
    data: async () => {
      const data = await hit.data();
      return { ...data, url: withIndexHtml(data.url) };
    },
  };
}
