// @ts-check
/// <reference lib="webworker" />
/**
 * Papershelf's service worker, written to `<base>sw.js` by the build with its settings in
 * `self.PAPERSHELF` (prepended by src/integrations/write-offline-files.ts): the build's
 * version, the base path and the app shell to keep.
 *
 * - One cache per build, `papershelf-<version>`; a new build's worker deletes older caches
 *   when it takes over, so a reader never mixes pages of two builds.
 * - Pages: network first, so a reader online always sees the current build; each page read
 *   is kept, and offline the kept copy is served (or the offline page, which can save more).
 * - Everything else (CSS, scripts, the search index): cache first; files are content-hashed
 *   or belong to this build's cache.
 * - Pagefind asks for `pagefind-entry.json?ts=…` in every search bundle (`pagefind/`,
 *   `pagefind-2/`…); the query is only a cache-buster, so it is ignored when matching.
 */

/** @type {ServiceWorkerGlobalScope & { PAPERSHELF: { version: string; base: string; shell: string[] } }} */
// @ts-expect-error -- the global scope of a worker, typed for this file
const worker = self;
const { version, base, shell } = worker.PAPERSHELF;
const CACHE = `papershelf-${version}`;
const OFFLINE_PAGE = `${base}offline/`;

worker.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(shell);
      await worker.skipWaiting();
    })(),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('papershelf-') && name !== CACHE) await caches.delete(name);
      }
      await worker.clients.claim();
    })(),
  );
});

/** A path under the base inside a search bundle: `pagefind/…`, `pagefind-2/…`. */
const IN_SEARCH_BUNDLE = /^pagefind(?:-[1-9]\d*)?\//;

/** The cache key of a request: Pagefind's cache-busting query dropped, the rest kept. */
function keyOf(/** @type {URL} */ url) {
  if (IN_SEARCH_BUNDLE.test(url.pathname.slice(base.length))) return `${url.origin}${url.pathname}`;
  return url.href;
}

/** Pages: the network, then what was kept; pages read are kept. */
async function page(/** @type {Request} */ request) {
  const cache = await caches.open(CACHE);
  const url = new URL(request.url);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(`${url.origin}${url.pathname}`, response.clone());
    return response;
  } catch {
    const kept = (await cache.match(`${url.origin}${url.pathname}`)) ?? (await cache.match(OFFLINE_PAGE));
    return kept ?? new Response('You are offline, and this page was not saved.', { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
}

/** Files: what was kept, else the network (and keep it). */
async function file(/** @type {Request} */ request) {
  const cache = await caches.open(CACHE);
  const key = keyOf(new URL(request.url));
  const kept = await cache.match(key);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await cache.put(key, response.clone());
  return response;
}

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== worker.location.origin || !url.pathname.startsWith(base)) return;
  if (url.pathname === `${base}sw.js` || url.pathname === `${base}offline.json`) return;
  event.respondWith(request.mode === 'navigate' ? page(request) : file(request));
});
