/**
 * Writes what reading offline needs into a built site: `sw.js` (the service worker with this
 * build's version and app shell), `manifest.webmanifest`, and `offline.json` with the
 * archive's size and the lists of files "Save for offline" downloads. The version is a hash of
 * every output file, so any change to the site gives the worker a new cache.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listFiles } from '../fs/list-files.ts';

/** Files per list in `offline-files-<n>.json`: small enough to fetch, few enough to count. */
const LIST_SIZE = 5_000;
/** Up to this many bytes of search index, the first visit keeps all of it; past it, what searches use. */
const SHELL_INDEX_BYTES = 2 * 1024 * 1024;
/** Written by this step, so not part of what they describe. */
const OWN_FILES = new Set(['sw.js', 'offline.json', 'manifest.webmanifest']);

/** What was written. */
export interface OfflineFiles {
  readonly version: string;
  readonly files: number;
  readonly bytes: number;
}

/** The archive's files, leaving out what this step writes itself. */
async function archiveFiles(dir: string): Promise<string[]> {
  return (await listFiles(dir)).filter((path) => !OWN_FILES.has(path) && !/^offline-files-\d+\.json$/.test(path));
}

/** The URL a file is asked for by: folders by their slash, not their `index.html`. */
export function urlOf(path: string, base: string): string {
  return `${base}${path.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** The files a first visit keeps: the pages a reader needs offline, styles and scripts, and the core of search. */
export function shellOf(files: readonly { path: string; bytes: number }[], base: string): string[] {
  const pagefind = files.filter((file) => file.path.startsWith('pagefind/'));
  const index = pagefind.filter((file) => file.path.startsWith('pagefind/index/'));
  const indexBytes = index.reduce((sum, file) => sum + file.bytes, 0);
  const core = pagefind.filter(
    (file) =>
      /^pagefind\/(pagefind\.js|pagefind-entry\.json|wasm\.[\w-]+\.pagefind|pagefind\.[\w-]+\.pf_meta)$/.test(file.path) ||
      file.path.startsWith('pagefind/filter/') ||
      (indexBytes <= SHELL_INDEX_BYTES && file.path.startsWith('pagefind/index/')),
  );
  const pages = ['index.html', 'search/index.html', 'offline/index.html', '404.html', 'favicon.svg'];
  return [
    ...pages.filter((path) => files.some((file) => file.path === path)),
    ...files.filter((file) => file.path.startsWith('_astro/')).map((file) => file.path),
    ...core.map((file) => file.path),
  ].map((path) => urlOf(path, base));
}

/** Writes the offline files into `outDir`, built for `base`. */
export async function writeOfflineFiles(outDir: string, base: string): Promise<OfflineFiles> {
  // 1. Every file, its size, and one hash over all of them.
  const hash = createHash('sha256');
  const files: { path: string; bytes: number }[] = [];
  for (const path of await archiveFiles(outDir)) {
    const bytes = await readFile(join(outDir, path));
    hash.update(path).update('\0').update(bytes);
    files.push({ path, bytes: bytes.length });
  }
  const version = hash.digest('hex').slice(0, 16);

  // 2. The lists "Save for offline" walks through, and their summary.
  const lists: string[] = [];
  for (let start = 0; start < files.length; start += LIST_SIZE) {
    const name = `offline-files-${lists.length}.json`;
    const chunk = files.slice(start, start + LIST_SIZE).map((file) => [urlOf(file.path, base), file.bytes]);
    await writeFile(join(outDir, name), JSON.stringify(chunk));
    lists.push(urlOf(name, base));
  }
  const totalBytes = files.reduce((sum, file) => sum + file.bytes, 0);
  const pages = files.filter((file) => file.path.startsWith('papers/') && file.path.endsWith('/index.html')).length;
  await writeFile(join(outDir, 'offline.json'), JSON.stringify({ version, files: files.length, bytes: totalBytes, papers: pages, lists }));

  // 3. The worker, with its settings in front of its code.
  const source = await readFile(new URL('../offline/service-worker.js', import.meta.url), 'utf8');
  const settings = { version, base, shell: shellOf(files, base) };
  await writeFile(join(outDir, 'sw.js'), `self.PAPERSHELF = ${JSON.stringify(settings)};\n${source}`);

  // 4. The web app manifest, so the archive can be installed and opened like an app.
  const manifest = {
    name: 'Papershelf',
    short_name: 'Papershelf',
    description: 'A searchable archive of research papers that works offline.',
    start_url: base,
    scope: base,
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#1d5fc9',
    icons: [{ src: `${base}favicon.svg`, sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
  };
  await writeFile(join(outDir, 'manifest.webmanifest'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { version, files: files.length, bytes: totalBytes };
}
