/**
 * Writes what reading offline needs into a built site: `sw.js` (the service worker with this
 * build's cache name, app shell and search files), `manifest.webmanifest`, and `offline.json`
 * with the archive's size and the lists of files "Save for offline" downloads. The version is a
 * hash of every output file's path and content, so any change to the site gives the worker a new
 * cache; files are hashed on every core, and those an earlier build already hashed, and that have
 * not changed since, are not read again.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listFiles } from '../../fs/list-files.ts';
import { ARCHIVE_MARKER } from '../publish/output-folder.ts';
import { CARDS_FOLDER } from '../../site/social-card.ts';
import { DATASET_FILE } from '../../site/formats/archive-dataset.ts';
import { cacheName, cachePrefix } from '../../offline/cache-names.ts';
import { IN_SEARCH_BUNDLE, WHOLE_INDEX_BYTES } from '../search/search-bundles.ts';
import { AUTHOR_INDEX, AUTHOR_MANIFEST } from '../search/author-shards.ts';
import { type DigestRequest, type FileDigest } from './digest-files.ts';
import { mapInWorkers } from '../workers/worker-pool.ts';

export type { FileDigest } from './digest-files.ts';

/** Files per list in `offline-files-<n>.json`: small enough to fetch, few enough to count. */
const LIST_SIZE = 5_000;
/**
 * Files for feed readers, crawlers, reference managers, text tools and link previews: part of the
 * version, not of what "Save for offline" downloads. Citation files are left out too: a paper page
 * carries its BibTeX (and copies it) already, and three more files per paper would quadruple the
 * downloads; so is a paper's Markdown copy (`papers/<slug>.md`), its page again as text. The
 * `cards/` images are for link previews; no page shows them. The archive's download holds
 * every paper again, for whoever builds or studies the archive, not for reading it.
 */
const FOR_MACHINES = new RegExp(
  String.raw`(^|/)(feed\.xml|feed\.json|cite\.bib|cite\.json|cite\.ris|papers\.bib|papers\.ris)$|^papers/[^/]+\.md$|^sitemap(-\d+)?\.xml$|^robots\.txt$|^${CARDS_FOLDER}/` +
    `|^${DATASET_FILE.replaceAll('.', String.raw`\.`)}$`,
);
/** Written by this step, so not part of what they describe. */
const OWN_FILES = new Set(['sw.js', 'offline.json', 'manifest.webmanifest']);

/** What was written. */
export interface OfflineFiles {
  readonly version: string;
  readonly files: number;
  readonly bytes: number;
  /** Every archive file's digest, by path: store them and pass them as `known` to the next build. */
  readonly digests: Map<string, FileDigest>;
}

/** What `writeOfflineFiles` may reuse, and how it reads. */
export interface OfflineOptions {
  /**
   * Digests from an earlier build (its `digests`), by path. A file whose size and `mtimeMs`
   * still equal its entry is not read again; its recorded hash is trusted. Default: none.
   */
  readonly known?: ReadonlyMap<string, FileDigest> | undefined;
  /**
   * Files the caller knows to be exactly the ones `known` describes (files it checked against
   * the record and left in place): their recorded digests are taken without a look. Default: none.
   */
  readonly unchanged?: ReadonlySet<string> | undefined;
  /**
   * The archive's files (relative, `/`-separated), when the caller knows them: an incremental
   * build does, and walking every file of a large archive takes a while. Default: every file in
   * the folder.
   */
  readonly files?: readonly string[] | undefined;
  /** Worker threads. Default: one per core (at most 8), none for fewer than 500 files; 0 reads in this thread. */
  readonly threads?: number | undefined;
  /** What the web app manifest names: the archive's name, line, colour and icon (below the base). Default Papershelf's. */
  readonly manifest?: ManifestBrand | undefined;
}

/** The archive as the web app manifest presents it. */
export interface ManifestBrand {
  readonly name: string;
  readonly description: string;
  readonly themeColor: string;
  /** The icon's path below the base, and its media type. */
  readonly icon: { readonly path: string; readonly type: string };
}

const DEFAULT_MANIFEST: ManifestBrand = {
  name: 'Papershelf',
  description: 'A searchable archive of research papers that works offline.',
  themeColor: '#1d5fc9',
  icon: { path: 'favicon.svg', type: 'image/svg+xml' },
};

/** The archive's files (`known`, or all in `dir`), sorted, leaving out what this step writes itself. */
async function archiveFiles(dir: string, known?: readonly string[]): Promise<string[]> {
  const files = known ? [...new Set(known)].sort() : await listFiles(dir);
  // The archive's marker says who made the folder; it is not part of the site.
  return files.filter((path) => !OWN_FILES.has(path) && !/^offline-files-\d+\.json$/.test(path) && path !== ARCHIVE_MARKER);
}

/** The URL a file is asked for by: folders by their slash, not their `index.html`. */
export function urlOf(path: string, base: string): string {
  return `${base}${path.replace(/(^|\/)index\.html$/, '$1')}`;
}

/**
 * The files a first visit keeps, on any page: the pages a reader needs offline (home, search,
 * the offline page, the 404 page), the icon, and every style and script. Small, since every
 * reader of a hosted archive downloads it, whatever page they came for.
 */
export function shellOf(files: readonly { path: string }[], base: string): string[] {
  const pages = ['index.html', 'search/index.html', 'offline/index.html', '404.html', 'favicon.svg'];
  return [
    ...pages.filter((path) => files.some((file) => file.path === path)),
    ...files.filter((file) => file.path.startsWith('_astro/')).map((file) => file.path),
  ].map((path) => urlOf(path, base));
}

/** The search files cached once a reader opens the search page: the core of every search bundle, and the index while it is small. */
export function searchFilesOf(files: readonly { path: string; bytes: number }[], base: string): string[] {
  // Every search bundle (`pagefind/`, `pagefind-2/`…) is opened by a first search; the index
  // files come in whole only while all bundles' index files together stay under the budget. The
  // author index's files other than its manifest are index files too: a search fetches a few.
  const pagefind = files.filter((file) => IN_SEARCH_BUNDLE.test(file.path));
  const authorManifest = `${AUTHOR_INDEX}${AUTHOR_MANIFEST}`;
  const isIndexChunk = (path: string) =>
    /^pagefind(?:-\d+)?\/index\//.test(path) || (path.startsWith(AUTHOR_INDEX) && path !== authorManifest);
  const indexBytes = pagefind.filter((file) => isIndexChunk(file.path)).reduce((sum, file) => sum + file.bytes, 0);
  const core = pagefind.filter(
    (file) =>
      /^pagefind(?:-\d+)?\/(pagefind\.js|pagefind-entry\.json|wasm\.[\w-]+\.pagefind|pagefind\.[\w-]+\.pf_meta)$/.test(file.path) ||
      /^pagefind(?:-\d+)?\/filter\//.test(file.path) ||
      file.path === authorManifest ||
      (indexBytes <= WHOLE_INDEX_BYTES && isIndexChunk(file.path)),
  );
  return core.map((file) => urlOf(file.path, base));
}

/** Writes the offline files into `outDir`, built for `base`. */
export async function writeOfflineFiles(outDir: string, base: string, options: OfflineOptions = {}): Promise<OfflineFiles> {
  // 1. Every file's size and hash, and the version: one hash over the sorted paths and their hashes.
  const paths = await archiveFiles(outDir, options.files);
  const vouched = (path: string) => (options.unchanged?.has(path) ? options.known?.get(path) : undefined);
  const requests = paths.filter((path) => !vouched(path)).map((path): DigestRequest => ({ path, known: options.known?.get(path) }));
  const fileDigests = await mapInWorkers(requests, {
    task: 'digest',
    shared: { dir: outDir },
    threads: options.threads,
  });
  const hash = createHash('sha256');
  const digests = new Map<string, FileDigest>();
  const files: { path: string; bytes: number }[] = [];
  let next = 0;
  paths.forEach((path) => {
    const digest = vouched(path) ?? fileDigests[next++]!;
    hash.update(`${path}\0${digest.hash}\n`);
    digests.set(path, digest);
    files.push({ path, bytes: digest.size });
  });
  const version = hash.digest('hex').slice(0, 16);

  // 2. The lists "Save for offline" walks through, and their summary. Feeds, sitemaps and cards
  //    are for feed readers, crawlers and link previews, not for reading, so they stay out of what is saved.
  const saved = files.filter((file) => !FOR_MACHINES.test(file.path));
  const lists: string[] = [];
  for (let start = 0; start < saved.length; start += LIST_SIZE) {
    const name = `offline-files-${lists.length}.json`;
    const chunk = saved.slice(start, start + LIST_SIZE).map((file) => [urlOf(file.path, base), file.bytes]);
    await writeFile(join(outDir, name), JSON.stringify(chunk));
    lists.push(urlOf(name, base));
  }
  // Lists an earlier build of this folder wrote beyond these go: an incremental build updates it in place.
  for (const name of await readdir(outDir)) {
    const number = /^offline-files-(\d+)\.json$/.exec(name)?.[1];
    if (number !== undefined && Number(number) >= lists.length) await rm(join(outDir, name), { force: true });
  }
  const totalBytes = saved.reduce((sum, file) => sum + file.bytes, 0);
  // Each paper has its citation file; a former address's page (a redirect, a removed paper) has none.
  const pages = files.filter((file) => /^papers\/[^/]+\/cite\.bib$/.test(file.path)).length;
  await writeFile(join(outDir, 'offline.json'), JSON.stringify({ version, files: saved.length, bytes: totalBytes, papers: pages, lists }));

  // 3. The worker, with its settings in front of its code. Its cache is named by the base
  //    too, so archives side by side on one origin keep their copies apart.
  const source = await readFile(new URL('../../offline/service-worker.js', import.meta.url), 'utf8');
  const settings = {
    base,
    cache: cacheName(base, version),
    prefix: cachePrefix(base),
    shell: shellOf(files, base),
    search: searchFilesOf(files, base),
    download: urlOf(DATASET_FILE, base),
  };
  await writeFile(join(outDir, 'sw.js'), `self.PAPERSHELF = ${JSON.stringify(settings)};\n${source}`);

  // 4. The web app manifest, so the archive can be installed and opened like an app.
  const brand = options.manifest ?? DEFAULT_MANIFEST;
  const manifest = {
    name: brand.name,
    short_name: brand.name,
    description: brand.description,
    start_url: base,
    scope: base,
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: brand.themeColor,
    icons: [{ src: `${base}${brand.icon.path}`, sizes: 'any', type: brand.icon.type, purpose: 'any' }],
  };
  await writeFile(join(outDir, 'manifest.webmanifest'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { version, files: saved.length, bytes: totalBytes, digests };
}
