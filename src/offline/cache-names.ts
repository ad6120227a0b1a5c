/**
 * The names of the caches an archive reads offline from: `papershelf:<base>:<version>`, one
 * per build. A browser keeps caches per origin, so the origin needs no place in the name; the
 * base tells apart archives served side by side on one origin (`/a/`, `/b/`), so that one
 * archive's worker or offline page never deletes another's copy. Pure; the build hands the
 * names to the service worker (src/offline/service-worker.js), the offline page uses them as they are.
 */

/** What every cache of the archive at `base` is named by: `papershelf:/shelf/:`. */
export const cachePrefix = (base: string): string => `papershelf:${base}:`;

/** The cache of one build of the archive at `base`. */
export const cacheName = (base: string, version: string): string => `${cachePrefix(base)}${version}`;

/**
 * Whether `name` is a cache of the archive at `base`, of any build: the prefix, then a version
 * (hex digits). A base ends in `/`, so the cache of a longer base (`papershelf:/a/:b/:…`
 * against `/a/`) never passes. The service worker applies the same rule to the prefix it is given.
 */
export function isArchiveCache(name: string, base: string): boolean {
  const prefix = cachePrefix(base);
  return name.startsWith(prefix) && /^[\da-f]+$/.test(name.slice(prefix.length));
}
