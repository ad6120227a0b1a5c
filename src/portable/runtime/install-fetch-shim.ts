/**
 * From `file://` the browser refuses `fetch`, and Pagefind fetches every index file. This
 * replaces `fetch` for URLs inside the search bundles only (`pagefind/`, `pagefind-2/`…, and the
 * author index `search-authors/`, under the archive root): the file's `<file>.js` wrapper is loaded as a classic script, hands its
 * bytes to `__pf_put`, and the bytes come back as a `Response`. Every other URL goes to the
 * real `fetch`.
 */
import { IN_SEARCH_BUNDLE } from '../../build/search/search-bundles.ts';
import { PUT_GLOBAL, WRAPPER_SUFFIX } from '../portable-names.ts';
import { decodeBase64 } from './decode-base64.ts';
import { loadScript } from './load-script.ts';

/** Serves `fetch(url)` for every URL in a search bundle under `root` (the archive root, an absolute URL ending in `/`) from the wrappers beside the files. */
export function installFetchShim(root: string): void {
  const delivered = new Map<string, string>();
  // One load per path at a time: concurrent requests share it, so deliveries cannot mix.
  const loading = new Map<string, Promise<Uint8Array>>();
  Reflect.set(globalThis, PUT_GLOBAL, (path: string, data: string) => delivered.set(path, data));

  const load = async (path: string): Promise<Uint8Array> => {
    await loadScript(root + path + WRAPPER_SUFFIX);
    const data = delivered.get(decodeURIComponent(path));
    delivered.delete(decodeURIComponent(path));
    if (data === undefined) throw new Error(`${path}${WRAPPER_SUFFIX} ran without delivering ${path}`);
    return decodeBase64(data);
  };

  const realFetch = globalThis.fetch.bind(globalThis);
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input), document.baseURI);
    // Pagefind adds a cache-busting `?ts=…`; the file is the same.
    url.search = '';
    url.hash = '';
    const path = url.href.startsWith(root) ? url.href.slice(root.length) : '';
    if (!IN_SEARCH_BUNDLE.test(path)) return realFetch(input, init);
    let bytes = loading.get(path);
    if (!bytes) {
      bytes = load(path);
      loading.set(path, bytes);
      const done = () => loading.delete(path);
      bytes.then(done, done);
    }
    return new Response((await bytes).slice());
  };
}
