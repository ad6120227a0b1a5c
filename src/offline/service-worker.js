// @ts-check
/// <reference lib="webworker" />
/**
 * Papershelf's service worker, written to `<base>sw.js` by the build with its settings in
 * `self.PAPERSHELF` (prepended by src/build/offline/write-offline-files.ts): the base path, the
 * build's cache, the prefix of the archive's caches, the app shell, and the search files.
 * Every page of a hosted archive registers it (the reader script, src/scripts/reader/), for the base.
 *
 * - One cache per build, `papershelf:<base>:<version>` (src/offline/cache-names.ts); a new
 *   build's worker deletes the archive's older caches when it takes over, so a reader never
 *   mixes pages of two builds, and leaves alone the caches of archives under other bases.
 * - A first visit caches the app shell: the home, search, offline and 404 pages and the styles
 *   and scripts. The search files (Pagefind's engine, and its whole index while small) are
 *   cached once the reader opens the search page, so a reader who only reads papers never
 *   downloads them.
 * - Pages: network first, so a reader online always sees the current build; each page read is
 *   cached, and offline the cached copy is served (or the offline page, which can save more).
 *   Pages open when the worker takes over, read before it was ready, are cached then; a page
 *   that opened while it was taking over asks to be kept (a `keep` message).
 * - Everything else (CSS, scripts, the search index): cache first; files are content-hashed
 *   or belong to this build's cache.
 * - Requests that bypass caches (`no-store`: "Save for offline", which fills the cache itself)
 *   go to the network untouched, and so does the archive's download (`download`): it is as
 *   large as all the papers together, and a reader who saves it keeps it on disk anyway.
 * - Pagefind asks for `pagefind-entry.json?ts=…` in every search bundle (`pagefind/`,
 *   `pagefind-2/`…), and the search page for `search-authors/authors.json?ts=…`; the query is
 *   only a cache-buster, so it is ignored when matching.
 */

/** @type {ServiceWorkerGlobalScope & { PAPERSHELF: { base: string; cache: string; prefix: string; shell: string[]; search: string[]; download: string } }} */
// @ts-expect-error -- the global scope of a worker, typed for this file
const worker = self;
const { base, cache: CACHE, prefix, shell, search, download } = worker.PAPERSHELF;
const HOME = `${worker.location.origin}${base}`;
const OFFLINE_PAGE = `${base}offline/`;
const SEARCH_PAGE = `${base}search/`;

worker.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(shell);
      await worker.skipWaiting();
    })(),
  );
});

/**
 * Whether the cache `name` is an older copy of this archive: another build's (the prefix, then
 * a version, as isArchiveCache in cache-names.ts decides), or one named before caches carried
 * the base (`papershelf-<version>`) that holds this archive's home page.
 */
async function isOlderCopy(/** @type {string} */ name) {
  if (name === CACHE) return false;
  if (name.startsWith(prefix)) return /^[\da-f]+$/.test(name.slice(prefix.length));
  return name.startsWith('papershelf-') && Boolean(await (await caches.open(name)).match(HOME));
}

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (await isOlderCopy(name)) await caches.delete(name);
      await worker.clients.claim();
      // The pages now controlled that were loaded before: the one that registered the worker,
      // and any read while it installed.
      const open = await worker.clients.matchAll({ type: 'window' });
      await Promise.all(open.map((client) => keepPage(new URL(client.url))));
    })(),
  );
});

// A page that opened while this worker was taking over (too late for the pages kept on
// activation, too early to be controlled) asks to be kept. Its address is the client's own,
// never the message's.
worker.addEventListener('message', (event) => {
  const source = event.source;
  if (event.data !== 'keep' || !(source instanceof WindowClient)) return;
  const url = new URL(source.url);
  if (url.origin === worker.location.origin && url.pathname.startsWith(base)) event.waitUntil(keepPage(url));
});

/** A path under the base inside a search bundle or the author index: `pagefind/…`, `pagefind-2/…`, `search-authors/…`. */
const IN_SEARCH_BUNDLE = /^(?:pagefind(?:-[1-9]\d*)?|search-authors)\//;

/** The cache key of a request: Pagefind's cache-busting query dropped, the rest as it is. */
function keyOf(/** @type {URL} */ url) {
  if (IN_SEARCH_BUNDLE.test(url.pathname.slice(base.length))) return `${url.origin}${url.pathname}`;
  return url.href;
}

/** Caches the page at `url` (without its query), unless cached already; offline, nothing happens. */
async function keepPage(/** @type {URL} */ url) {
  const cache = await caches.open(CACHE);
  const key = `${url.origin}${url.pathname}`;
  if (await cache.match(key)) return;
  try {
    const response = await fetch(key);
    if (response.ok) await cache.put(key, response);
  } catch {}
}

/**
 * Caching the search files, done once in a worker's life, forgotten when it fails so the next
 * visit to the search page tries again.
 * @type {Promise<void> | undefined}
 */
let searchKept;

/** Caches the search files not cached yet. */
function keepSearch() {
  searchKept ??= (async () => {
    const cache = await caches.open(CACHE);
    const missing = [];
    for (const url of search) if (!(await cache.match(url))) missing.push(url);
    await cache.addAll(missing);
  })().catch(() => {
    searchKept = undefined;
  });
  return searchKept;
}

/** Pages: the network, then the cache; pages read are cached. */
async function page(/** @type {Request} */ request) {
  const cache = await caches.open(CACHE);
  const url = new URL(request.url);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(`${url.origin}${url.pathname}`, response.clone());
    return response;
  } catch {
    const kept = (await cache.match(`${url.origin}${url.pathname}`)) ?? (await cache.match(OFFLINE_PAGE));
    return (
      kept ??
      new Response('You are offline, and this page was not saved.', {
        status: 503,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
      })
    );
  }
}

/** Files: the cache, else the network (and cache it). */
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
  // "Save for offline" asks the network itself (`no-store`) and fills the cache: the worker
  // caching each file too would write it twice.
  if (request.cache === 'no-store' || url.pathname === download) return;
  if (request.mode !== 'navigate') {
    event.respondWith(file(request));
    return;
  }
  event.respondWith(page(request));
  if (url.pathname === SEARCH_PAGE) event.waitUntil(keepSearch());
});
