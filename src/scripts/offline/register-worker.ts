/**
 * Registers the service worker that keeps pages and search for offline reading, and resolves
 * with its registration. Every page registers it already, from the reader script
 * (src/scripts/reader/start-reader.ts); this is for a page script that waits for it (the
 * offline page). The same script and scope, so both name one registration.
 */
export function registerWorker(base: string): Promise<ServiceWorkerRegistration | null> {
  if (!('serviceWorker' in navigator) || location.protocol === 'file:') return Promise.resolve(null);
  return navigator.serviceWorker.register(`${base}sw.js`, { scope: base }).catch(() => null);
}
