/**
 * The service worker as the build writes it, run in a stand-in for a browser's worker scope:
 * which caches it deletes when it takes over, and what it keeps of a reader's first visit.
 * The real browser runs it in e2e/reading-offline-after-saving.spec.ts and
 * e2e/archives-side-by-side-keep-their-offline-copies.spec.ts.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeOfflineFiles } from '../../src/build/offline/write-offline-files.ts';
import { cacheName, isArchiveCache } from '../../src/offline/cache-names.ts';

const ORIGIN = 'https://example.org';
const root = mkdtempSync(join(tmpdir(), 'papershelf-worker-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A site built for `/a/`: its worker's source and version. */
let source = '';
let version = '';
beforeAll(async () => {
  const files = [
    'index.html',
    'search/index.html',
    'offline/index.html',
    '_astro/site.css',
    'papers/x/index.html',
    'pagefind/pagefind.js',
    'pagefind/index/en_1.pf_index',
  ];
  for (const path of files) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), path);
  }
  version = (await writeOfflineFiles(root, '/a/', { threads: 0 })).version;
  source = readFileSync(join(root, 'sw.js'), 'utf8');
});

/** A browser's caches for one origin, holding response texts by absolute URL. */
class Caches {
  readonly stores = new Map<string, Map<string, string>>();
  async keys(): Promise<string[]> {
    return [...this.stores.keys()];
  }
  async delete(name: string): Promise<boolean> {
    return this.stores.delete(name);
  }
  async open(name: string) {
    const store = this.stores.get(name) ?? new Map<string, string>();
    this.stores.set(name, store);
    const put = async (key: string, response: Response) => void store.set(new URL(key, ORIGIN).href, await response.text());
    return {
      match: async (key: string) => (store.has(new URL(key, ORIGIN).href) ? new Response(store.get(new URL(key, ORIGIN).href)) : undefined),
      put,
      addAll: async (urls: string[]) => {
        for (const url of urls) await put(url, await serve(url));
      },
    };
  }
}

/** The network: every URL answers with its own path. */
async function serve(request: string | { url: string }): Promise<Response> {
  return new Response(`network ${new URL(typeof request === 'string' ? request : request.url, ORIGIN).pathname}`);
}

/** Runs the worker with `caches`, pages `open` in windows; returns a way to fire its events. */
function startWorker(caches: Caches, open: string[] = []) {
  const listeners = new Map<string, (event: unknown) => void>();
  const scope = {
    caches,
    fetch: serve,
    Response,
    URL,
    location: { origin: ORIGIN },
    clients: { claim: async () => {}, matchAll: async () => open.map((url) => ({ url: new URL(url, ORIGIN).href })) },
    skipWaiting: async () => {},
    addEventListener: (type: string, listener: (event: unknown) => void) => listeners.set(type, listener),
  };
  runInNewContext(source, { ...scope, self: scope });
  return async (type: string, request?: { url: string; mode: string; method: string }) => {
    const waits: Promise<unknown>[] = [];
    listeners.get(type)!({
      request,
      waitUntil: (promise: Promise<unknown>) => waits.push(promise),
      respondWith: (promise: Promise<unknown>) => waits.push(promise),
    });
    await Promise.all(waits);
  };
}

/** A cache holding `urls`. */
const holding = (...urls: string[]) => new Map(urls.map((url) => [new URL(url, ORIGIN).href, 'kept']));

describe('a new build’s worker taking over', () => {
  it('deletes this archive’s older caches, and never those of archives under other bases', async () => {
    const caches = new Caches();
    caches.stores.set(cacheName('/a/', '00000000000000aa'), holding('/a/'));
    caches.stores.set(cacheName('/b/', '00000000000000bb'), holding('/b/'));
    caches.stores.set(cacheName('/a/b/', '00000000000000ab'), holding('/a/b/'));
    caches.stores.set('other-app', holding('/a/'));
    // Named before caches carried the base: this archive's holds its home page, another's does not.
    caches.stores.set('papershelf-00000000000000a1', holding('/a/', '/a/papers/x/'));
    caches.stores.set('papershelf-00000000000000b1', holding('/b/', '/b/papers/y/'));
    const fire = startWorker(caches);
    await fire('install');
    await fire('activate');
    expect((await caches.keys()).sort()).toEqual(
      [
        `papershelf:/a/:${version}`,
        'papershelf:/a/b/:00000000000000ab',
        'papershelf:/b/:00000000000000bb',
        'other-app',
        'papershelf-00000000000000b1',
      ].sort(),
    );
  });

  it('keeps the pages open in its windows, read before it was ready', async () => {
    const caches = new Caches();
    const fire = startWorker(caches, ['/a/papers/x/?from=feed']);
    await fire('install');
    await fire('activate');
    const kept = caches.stores.get(cacheName('/a/', version))!;
    expect(kept.get(`${ORIGIN}/a/papers/x/`)).toBe('network /a/papers/x/');
    expect([...kept.keys()]).toEqual(
      expect.arrayContaining([`${ORIGIN}/a/`, `${ORIGIN}/a/search/`, `${ORIGIN}/a/offline/`, `${ORIGIN}/a/_astro/site.css`]),
    );
  });

  it('keeps the search files only once the reader opens the search page', async () => {
    const caches = new Caches();
    const fire = startWorker(caches);
    await fire('install');
    await fire('activate');
    const kept = caches.stores.get(cacheName('/a/', version))!;
    expect([...kept.keys()].filter((url) => url.includes('/pagefind/'))).toEqual([]);
    await fire('fetch', { url: `${ORIGIN}/a/search/?q=heads`, mode: 'navigate', method: 'GET' });
    expect([...kept.keys()].filter((url) => url.includes('/pagefind/')).sort()).toEqual([
      `${ORIGIN}/a/pagefind/index/en_1.pf_index`,
      `${ORIGIN}/a/pagefind/pagefind.js`,
    ]);
  });
});

describe('isArchiveCache', () => {
  it('claims the caches of its base’s builds, not those of a longer or another base', () => {
    const names = [
      'papershelf:/a/:0123abcd',
      'papershelf:/a/:',
      'papershelf:/a/b/:0123abcd',
      'papershelf:/a/:b/:0123',
      'papershelf:/b/:0123abcd',
      'papershelf-0123abcd',
    ];
    expect(names.filter((name) => isArchiveCache(name, '/a/'))).toEqual(['papershelf:/a/:0123abcd']);
  });
});
