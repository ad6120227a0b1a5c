/**
 * Registers the service worker that keeps pages and search for offline reading. Only pages
 * that already run a script (search, offline) do this: paper pages carry no JavaScript, and
 * once registered the worker serves every page of the archive anyway.
 */
export function registerWorker(base: string): Promise<ServiceWorkerRegistration | null> {
  if (!('serviceWorker' in navigator) || location.protocol === 'file:') return Promise.resolve(null);
  return navigator.serviceWorker.register(`${base}sw.js`, { scope: base }).catch(() => null);
}
