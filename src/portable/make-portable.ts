/**
 * I/O: turns a finished build (markup guard passed, Pagefind index written) into an archive
 * that works when its `index.html` is opened from disk, in place. Runs on the private build
 * folder, before it is moved into `--out`.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bundlePortableSearch } from './bundle-portable-search.ts';
import { classicPagefind } from './classic-pagefind.ts';
import { eachInBatches } from '../fs/in-batches.ts';
import { listFiles } from '../fs/list-files.ts';
import { IN_SEARCH_BUNDLE } from '../build/search/search-bundles.ts';
import { portablePage } from './portable-page.ts';
import { CLASSIC_PAGEFIND, SEARCH_SCRIPT, WRAPPER_SUFFIX } from './portable-names.ts';
import { relativeUrl } from './relative-url.ts';
import { rewriteCssUrls } from './rewrite-css-urls.ts';
import { wrapDataFile } from './wrap-data-file.ts';

/** What was changed. */
export interface PortableResult {
  readonly pages: number;
  readonly stylesheets: number;
  /** Pagefind data files now delivered by classic-script wrappers. */
  readonly dataFiles: number;
}

/** Makes the archive in `dir`, built for the base path `base` (ending in `/`), readable from `file://`. */
export async function makePortable(dir: string, base: string): Promise<PortableResult> {
  const files = await listFiles(dir);
  // Every search bundle's files (`pagefind/…`, `pagefind-2/…`), relative to the archive root.
  const bundleFiles = files.filter((file) => IN_SEARCH_BUNDLE.test(file));
  if (!files.includes('pagefind/pagefind.js'))
    throw new Error(`${join(dir, 'pagefind', 'pagefind.js')} is missing: a portable archive needs the search index`);

  // 1. Pages: internal links relative and naming index.html, module scripts out, the
  //    classic search script in on the search page.
  const pages = files.filter((file) => file.endsWith('.html'));
  await eachInBatches(pages, async (page) => {
    const html = await readFile(join(dir, page), 'utf8');
    const next = portablePage(html, { pagePath: page, base, searchScript: SEARCH_SCRIPT });
    if (next !== html) await writeFile(join(dir, page), next);
  });

  // 2. Stylesheets: url() references relative to the stylesheet.
  const stylesheets = files.filter((file) => file.endsWith('.css') && !IN_SEARCH_BUNDLE.test(file));
  await eachInBatches(stylesheets, async (sheet) => {
    const css = await readFile(join(dir, sheet), 'utf8');
    const next = rewriteCssUrls(css, (url) => relativeUrl(url, sheet, base));
    if (next !== css) await writeFile(join(dir, sheet), next);
  });

  // 3. Pagefind: the first bundle's module becomes a classic script (the other bundles are
  //    merged into it and have no engine of their own), each data file of every bundle a
  //    script that hands over its bytes. Module scripts, the worker and Pagefind's own UIs
  //    cannot run from disk, and the originals of wrapped files are never read, so all of them go.
  const classic = await classicPagefind(await readFile(join(dir, 'pagefind', 'pagefind.js'), 'utf8'));
  const dataFiles = bundleFiles.filter((file) => !file.endsWith('.js') && !file.endsWith('.css'));
  await eachInBatches(dataFiles, async (file) => {
    await writeFile(join(dir, file + WRAPPER_SUFFIX), wrapDataFile(file, await readFile(join(dir, file))));
  });
  await eachInBatches(bundleFiles, (file) => rm(join(dir, file)));
  await writeFile(join(dir, 'pagefind', CLASSIC_PAGEFIND), classic);

  // 4. The search UI as one classic script.
  await writeFile(join(dir, SEARCH_SCRIPT), await bundlePortableSearch());

  // 5. What keeps a hosted archive offline (service worker, app manifest, save lists) has no
  //    use in a folder that is already on the reader's disk.
  const hostedOnly = files.filter(
    (file) => ['sw.js', 'offline.json', 'manifest.webmanifest'].includes(file) || /^offline-files-\d+\.json$/.test(file),
  );
  await Promise.all(hostedOnly.map((file) => rm(join(dir, file))));
  return { pages: pages.length, stylesheets: stylesheets.length, dataFiles: dataFiles.length };
}
