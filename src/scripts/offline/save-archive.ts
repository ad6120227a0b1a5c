/**
 * "Save for offline": downloads every file of this build into the cache the service worker
 * serves from (`papershelf:<base>:<version>`), skipping what is cached already, and marks the
 * copy complete only when every file arrived. Only this archive's caches are ever looked at or
 * removed: another archive on the same origin, under another base, keeps its own.
 */
import { cacheName, isArchiveCache } from '../../offline/cache-names.ts';

/** The summary the build writes to `offline.json`. */
export interface OfflineSummary {
  readonly version: string;
  readonly files: number;
  readonly bytes: number;
  readonly papers: number;
  /** URLs of the lists of `[url, bytes]` pairs. */
  readonly lists: readonly string[];
}

/** How far a save has come. */
export interface SaveProgress {
  readonly doneFiles: number;
  readonly doneBytes: number;
  readonly failed: number;
}

/** Files fetched at once: enough to keep the line busy, few enough not to flood a server. */
const PARALLEL = 6;

/** The key marking a complete copy of a build. */
export const savedMarker = (base: string): string => `${base}offline.json#saved`;

/** Reads this build's offline summary, never from a cache. */
export async function loadSummary(base: string): Promise<OfflineSummary> {
  const response = await fetch(`${base}offline.json`, { cache: 'no-store' });
  if (!response.ok) throw new Error(`offline.json: HTTP ${response.status}`);
  return (await response.json()) as OfflineSummary;
}

/** Whether this build is saved completely; whether a copy of another build of this archive is present. */
export async function savedState(summary: OfflineSummary, base: string): Promise<{ saved: boolean; older: boolean }> {
  const names = await caches.keys();
  const current = cacheName(base, summary.version);
  const saved = names.includes(current) && Boolean(await (await caches.open(current)).match(savedMarker(base)));
  const older = names.some((name) => isArchiveCache(name, base) && name !== current);
  return { saved, older };
}

/** Saves every file of the build; reports progress as it goes; resolves with the final count. */
export async function saveArchive(
  summary: OfflineSummary,
  base: string,
  onProgress: (progress: SaveProgress) => void,
): Promise<SaveProgress> {
  const cache = await caches.open(cacheName(base, summary.version));
  const lists = await Promise.all(
    summary.lists.map(async (url) => (await (await fetch(url, { cache: 'no-store' })).json()) as [string, number][]),
  );
  const queue = lists.flat();
  let doneFiles = 0;
  let doneBytes = 0;
  let failed = 0;
  const report = () => onProgress({ doneFiles, doneBytes, failed });
  const saveOne = async ([url, bytes]: [string, number]) => {
    if (!(await cache.match(url))) {
      try {
        await cache.add(new Request(url, { cache: 'no-store' }));
      } catch {
        try {
          await cache.add(new Request(url, { cache: 'no-store' }));
        } catch {
          failed += 1;
        }
      }
    }
    doneFiles += 1;
    doneBytes += bytes;
    report();
  };
  const workers = Array.from({ length: PARALLEL }, async () => {
    for (let item = queue.shift(); item; item = queue.shift()) await saveOne(item);
  });
  await Promise.all(workers);
  if (failed === 0) await cache.put(savedMarker(base), new Response(JSON.stringify({ version: summary.version })));
  report();
  return { doneFiles, doneBytes, failed };
}

/** Removes every saved copy of the archive at `base`, and nothing of other archives. */
export async function removeSaved(base: string): Promise<void> {
  for (const name of await caches.keys()) if (isArchiveCache(name, base)) await caches.delete(name);
}
