/**
 * From `file://` the browser refuses `fetch`, and Pagefind fetches every index file. This
 * replaces `fetch` for URLs inside the Pagefind folder only: the file's `<file>.js` wrapper
 * is loaded as a classic script, hands its bytes to `__pf_put`, and the bytes come back as a
 * `Response`. Every other URL goes to the real `fetch`.
 */
import { PUT_GLOBAL, WRAPPER_SUFFIX } from '../portable-names.ts';
import { decodeBase64 } from './decode-base64.ts';
import { loadScript } from './load-script.ts';

/** Serves `fetch(url)` for every URL under `folder` (an absolute URL ending in `/`) from the wrappers beside the files. */
export function installFetchShim(folder: string): void {
  const delivered = new Map<string, string>();
  // One load per path at a time: concurrent requests share it, so deliveries cannot mix.
  const loading = new Map<string, Promise<Uint8Array>>();
  Reflect.set(globalThis, PUT_GLOBAL, (path: string, data: string) => delivered.set(path, data));

  const load = async (path: string): Promise<Uint8Array> => {
    await loadScript(folder + path + WRAPPER_SUFFIX);
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
    if (!url.href.startsWith(folder)) return realFetch(input, init);
    const path = url.href.slice(folder.length);
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
