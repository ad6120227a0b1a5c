/**
 * I/O: writes one Pagefind bundle from search records, through Pagefind's Node API. Every
 * response is checked: a silent indexing error would ship a site whose search finds nothing.
 * Each call is one Pagefind index, deleted from the Pagefind service once written, so memory
 * holds one bundle at a time.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { minifyEngineScriptFile } from './minify-engine-script.ts';
import { recompressBundle } from './recompress-bundle.ts';
import type { SearchRecord } from './search-record.ts';

/** Pagefind's own search interfaces and its worker, which the archive does not use. */
export const UNUSED_UIS = [
  // Searches run on the page (src/scripts/search/pagefind-client.ts), never in Pagefind's worker.
  'pagefind-worker.js',
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

/**
 * Every record is indexed as English (`forceLanguage`), so a search loads `wasm.en.pagefind`
 * and never the engine for languages without a stemmer.
 */
const UNUSED_ENGINE = 'wasm.unknown.pagefind';

/**
 * The search engine itself. A bundle merged into the first one is read by the first bundle's
 * engine (Pagefind's `mergeIndex` loads only a merged index's data), so in the others these
 * would only add bytes to every copy and every offline save.
 */
const ENGINE = ['pagefind.js', 'wasm.en.pagefind'];

/** Options for writing a bundle. */
export interface WriteBundleOptions {
  /** The bundle is merged into another at search time and needs no engine of its own. Default false. */
  readonly merged?: boolean;
  /**
   * No bundle is indexed after this one, so its second gzip may take every core instead of
   * one: it is the last step of the index and nothing else waits for a core. Default false.
   */
  readonly last?: boolean;
}

function check(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind failed to ${step}:\n  ${errors.join('\n  ')}`);
}

/** A bundle Pagefind has written. */
export interface StartedBundle {
  /** Settles once the bundle is final (unused files removed, engine minified, files gzipped again), with its page count. */
  readonly finished: Promise<number>;
}

/**
 * Indexes `records` into a Pagefind bundle at `outputPath` (replacing what is there) and
 * returns the number of pages in it. Does not stop the Pagefind service: call
 * `pagefind.close()` when done with all bundles (`writeSearch` does).
 */
export async function writeSearchBundle(
  records: readonly SearchRecord[],
  outputPath: string,
  options: WriteBundleOptions = {},
): Promise<number> {
  return (await startSearchBundle(records, outputPath, options)).finished;
}

/**
 * `writeSearchBundle`, answering as soon as Pagefind has written the bundle and is free for
 * the next one: what remains (mostly the second gzip) goes on meanwhile, in `finished`. An
 * archive of several bundles is indexed that much sooner.
 */
export async function startSearchBundle(
  records: readonly SearchRecord[],
  outputPath: string,
  options: WriteBundleOptions = {},
): Promise<StartedBundle> {
  const created = await pagefind.createIndex({ forceLanguage: 'en' });
  check('start', created.errors);
  const { index } = created;
  if (!index) throw new Error('Pagefind failed to start: no index was created');
  try {
    // Every record is sent at once. Sent a few thousand at a time, Pagefind sat idle between
    // sends whenever this thread was busy with the render plan, and the index, the last step of
    // a build, ended later (docs/benchmarks.md). Memory holds one bundle's records,
    // `searchBundleSize` papers at most.
    const added = await Promise.all(records.map((record) => index.addCustomRecord(record)));
    added.forEach((response, position) => check(`index ${records[position]!.url}`, response.errors));
    await rm(outputPath, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath });
    check('write the index', written.errors);
  } finally {
    await index.deleteIndex();
  }
  const finished = finishBundle(outputPath, options);
  // The caller awaits it; until then, a failure must not count as unhandled.
  finished.catch(() => {});
  return { finished };
}

/** Makes the bundle Pagefind wrote at `outputPath` final; returns its page count. */
async function finishBundle(outputPath: string, options: WriteBundleOptions): Promise<number> {
  const unused = [...UNUSED_UIS, UNUSED_ENGINE, ...(options.merged ? ENGINE : [])];
  for (const name of unused) await rm(join(outputPath, name), { force: true });
  if (!options.merged) await minifyEngineScriptFile(join(outputPath, 'pagefind.js'));
  await recompressBundle(outputPath, { allCores: options.last ?? false });
  const entry = JSON.parse(await readFile(join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}
