/**
 * Pagefind's own browser search, run in Node over a site's bundles on disk: the bundle's
 * `pagefind.js` is imported as it is, its `fetch`es are answered from the files, and the
 * bundles are opened exactly as the search page opens them (`openBundles`). Each site gets its
 * own origin, and each site's `pagefind.js` is its own module, so several sites can be open at once.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SearchBundle } from '../../src/build/search/search-bundles.ts';
import type { PagefindApi } from '../../src/scripts/search/pagefind-client.ts';
import { openBundles, type PagefindModule } from '../../src/scripts/search/open-bundles.ts';

const sites = new Map<string, string>();
let realFetch: typeof fetch | undefined;

function installFetch(): void {
  if (realFetch) return;
  const original = globalThis.fetch.bind(globalThis);
  realFetch = original;
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const dir = sites.get(url.origin);
    if (!dir) return original(input, init);
    try {
      return new Response(await readFile(join(dir, decodeURIComponent(url.pathname))));
    } catch {
      return new Response(null, { status: 404 });
    }
  };
}

/**
 * The search API over the bundles (`pagefind/`, `pagefind-2/`…) of the built site in `dir`.
 * `plain`: Pagefind's own `mergeIndex` alone, without the corrections the search page makes, for comparison.
 */
export async function openSite(dir: string, bundles: readonly SearchBundle[], { plain = false } = {}): Promise<PagefindApi> {
  installFetch();
  const origin = `http://site-${sites.size + 1}.papershelf.test`;
  sites.set(origin, dir);
  const first = bundles[0]?.folder ?? 'pagefind/';
  const module = (await import(pathToFileURL(join(dir, first, 'pagefind.js')).href)) as PagefindModule;
  if (plain) {
    await module.options({ basePath: `${origin}/${first}`, baseUrl: '/' });
    await module.init();
    for (const bundle of bundles.slice(1)) await module.mergeIndex(`${origin}/${bundle.folder}`, { baseUrl: '/' });
    return module;
  }
  return openBundles(
    module,
    bundles.map((bundle) => ({ path: `${origin}/${bundle.folder}`, papers: bundle.papers })),
    { beforeInit: { basePath: `${origin}/${first}`, baseUrl: '/' }, afterInit: bundles.length > 1 ? { baseUrl: '/' } : {} },
  );
}

/** The URLs of the first `count` results of a search, in order. */
export async function topUrls(
  pagefind: PagefindApi,
  query: string | null,
  options: Parameters<PagefindApi['search']>[1] = {},
  count = 10,
): Promise<string[]> {
  const response = await pagefind.search(query, options);
  return Promise.all((response?.results ?? []).slice(0, count).map(async (hit) => (await hit.data()).url));
}
