/**
 * `loadPagefind` for an archive opened from disk: Pagefind as a classic script, its index
 * through the fetch shim, no worker, and result URLs relative to the search page and ending
 * in `index.html`.
 */
import type { LoadPagefind, PagefindHit } from '../../scripts/search/pagefind-client.ts';
import { openBundles, type PagefindModule } from '../../scripts/search/open-bundles.ts';
import { CLASSIC_PAGEFIND, PAGEFIND_GLOBAL } from '../portable-names.ts';
import { withIndexHtml } from '../with-index-html.ts';
import { installFetchShim } from './install-fetch-shim.ts';
import { loadScript } from './load-script.ts';

/** Loads Pagefind from the first bundle under `base` (the archive root relative to the page, `../`), with the other bundles merged in. */
export const loadPortablePagefind: LoadPagefind = async (base, bundles) => {
  const root = new URL(base, document.baseURI).href;
  installFetchShim(root);
  await loadScript(root + (bundles[0]?.folder ?? 'pagefind/') + CLASSIC_PAGEFIND);
  const module = Reflect.get(globalThis, PAGEFIND_GLOBAL) as PagefindModule | undefined;
  if (!module) throw new Error(`${CLASSIC_PAGEFIND} did not define ${PAGEFIND_GLOBAL}`);
  const opened = bundles.map((bundle) => ({ path: root + bundle.folder, papers: bundle.papers }));
  const pagefind = await openBundles(module, opened, {
    // A worker cannot start from file://; say so rather than let Pagefind try.
    beforeInit: { noWorker: true },
    // Given before init(), Pagefind would turn a relative base into `/../`; given after, it is
    // used as it is, and result URLs come out relative to this page.
    afterInit: { baseUrl: base },
  });
  return {
    options: (options) => pagefind.options(options),
    init: () => pagefind.init(),
    filters: () => pagefind.filters(),
    async search(query, options) {
      const response = await pagefind.search(query, options);
      return response && { ...response, results: response.results.map(portableHit) };
    },
  };
};

/** The hit with its URL naming the page's `index.html`, which a folder URL on disk would not open. */
function portableHit(hit: PagefindHit): PagefindHit {
  return {
    id: hit.id,
    score: hit.score,
    data: async () => {
      const data = await hit.data();
      return { ...data, url: withIndexHtml(data.url) };
    },
  };
}
