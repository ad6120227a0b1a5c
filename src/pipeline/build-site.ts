/**
 * `papershelf build`: a complete archive, search included, built in a private folder and moved
 * into `--out` only when every step has succeeded, so a failed build leaves `--out` exactly as
 * it was. Built again into the same `--out`, it renders only the pages that changed (see
 * src/pipeline/render/render-site.ts). With `portable` (or `zip`) the archive is also made to
 * work opened from disk (src/portable/), and `zip` writes it as one zip file.
 */
import { createHash } from 'node:crypto';
import { chmod, copyFile, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { exists } from '../fs/exists.ts';
import { linkFiles, moveTree, removeFiles } from '../fs/move-tree.ts';
import { writeOfflineFiles, type FileDigest } from '../integrations/write-offline-files.ts';
import { makePortable } from '../portable/make-portable.ts';
import { writeZip } from '../portable/write-zip.ts';
import { ingestSources, type IngestOptions, type IngestResult } from './ingest-sources.ts';
import { PROJECT_CONTENT, PROJECT_ROOT, TAXONOMY_FILE } from './project-paths.ts';
import { readBuildRecord, writeBuildRecord } from './render/build-record.ts';
import { renderSite } from './render/render-site.ts';
import type { ReadPaper } from '../lib/read-archive.ts';
import type { BuildStats } from './report.ts';
import { timed } from './stage-clock.ts';

/** Where the archive goes and how. */
export interface PublishOptions {
  /** The folder the finished archive ends up in; replaced as a whole. May be left out when `zip` is given. */
  readonly out?: string | undefined;
  /** Make the archive work when its `index.html` is opened from disk, with no server. Default false. */
  readonly portable?: boolean | undefined;
  /** Also write the portable archive as this zip file (implies `portable`). */
  readonly zip?: string | undefined;
  /** Print Astro's progress. Default false: only warnings and errors. */
  readonly verbose?: boolean | undefined;
  /** The paper files an ingest just wrote, by file name, with what reading them gives (see `readArchiveData`). */
  readonly ingested?: ReadonlyMap<string, ReadPaper> | undefined;
}

/** Options for a build from sources. */
export interface BuildOptions extends Omit<IngestOptions, 'contentDir'>, PublishOptions {}

/** The base path Astro builds for (astro.config.mjs reads `PAPERSHELF_BASE`), as `/…/`. */
const siteBase = () => `/${(process.env['PAPERSHELF_BASE'] || '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');

/**
 * The private folder kept for the archive built into `destination`: its content folder,
 * Astro's cache and the record of the last build. Inside the project because Astro bundles
 * only files under its root.
 */
const CACHES = join(PROJECT_ROOT, 'node_modules', '.cache', 'papershelf', 'archives');
function archiveCache(destination: string): string {
  return join(CACHES, createHash('sha256').update(destination).digest('hex').slice(0, 16));
}

/** A cache whose archive is gone for good is only weight: gone when its folder's parent is gone, or an hour after the folder itself. */
const STALE_AFTER_MS = 60 * 60 * 1000;

/** Marks `cache` as the one of `destination`, and removes the caches of archives that no longer exist. */
async function claimCache(cache: string, destination: string): Promise<void> {
  await mkdir(cache, { recursive: true });
  await writeFile(join(cache, 'target'), destination);
  for (const name of await readdir(CACHES).catch(() => [] as string[])) {
    const other = join(CACHES, name);
    if (other === cache) continue;
    const target = await readFile(join(other, 'target'), 'utf8').catch(() => null);
    const marked = await stat(join(other, 'target')).catch(() => null);
    if (target === null || marked === null || (await exists(target))) continue;
    if (!(await exists(dirname(target))) || Date.now() - marked.mtimeMs > STALE_AFTER_MS) await rm(other, { recursive: true, force: true });
  }
}

function destinationOf(options: PublishOptions): { out: string | undefined; zip: string | undefined; destination: string } {
  const out = options.out === undefined ? undefined : resolve(options.out);
  const zip = options.zip === undefined ? undefined : resolve(options.zip);
  const destination = out ?? zip;
  if (destination === undefined) throw new Error('build: give `out`, `zip`, or both');
  return { out, zip, destination };
}

/** Builds exactly the sources `files` into `options.out`. `written` is null (and `built` too) when errors stopped the build. */
export async function buildSite(files: readonly string[], options: BuildOptions): Promise<IngestResult & { built: BuildStats | null }> {
  const { destination } = destinationOf(options);
  // The papers live in the archive's private content folder, never in the project's own.
  const cache = archiveCache(destination);
  await claimCache(cache, destination);
  const contentDir = join(cache, 'content');
  await mkdir(contentDir, { recursive: true });
  await copyFile(options.taxonomyFile ?? join(PROJECT_CONTENT, TAXONOMY_FILE), join(contentDir, TAXONOMY_FILE));
  const result = await timed('ingest', () => ingestSources(files, { ...options, contentDir }));
  return { ...result, built: result.written ? await publishSite(contentDir, { ...options, ingested: result.written.fresh }) : null };
}

/** Builds the archive of the content folder `contentDir` into `options.out` (and/or `options.zip`). */
export async function publishSite(contentDir: string, options: PublishOptions): Promise<BuildStats> {
  const { out, zip, destination } = destinationOf(options);
  const cache = archiveCache(destination);
  await claimCache(cache, destination);
  const recordFile = join(cache, 'build-record.json');
  // Pages are reused only into a plain `--out`: the portable rewrite changes pages in place.
  const incremental = out !== undefined && !options.portable && !zip;
  const record = incremental && (await exists(out)) ? await readBuildRecord(recordFile) : null;
  await mkdir(dirname(destination), { recursive: true });
  // Beside the destination, so the final move is a rename on one file system.
  const staging = await mkdtemp(join(dirname(destination), `.${basename(destination)}-building-`));
  try {
    // mkdtemp makes the folder private (0700); the published archive is copied to web servers,
    // which read it as another user, so it gets the mode of any other folder of the site.
    await chmod(staging, 0o755);
    const built = await renderSite({
      contentDir,
      into: staging,
      base: siteBase(),
      cacheDir: cache,
      previous: record && out ? { dir: out, record } : undefined,
      verbose: options.verbose,
      ingested: options.ingested,
    });

    const stats = { pages: built.pages, rendered: built.rendered, bundles: built.bundles, bundlesIndexed: built.bundlesIndexed, cards: built.cards, cardsDrawn: built.cardsDrawn };
    // What the offline step may take without reading: the files this build wrote and read in
    // full, as they were made, and the last build's files that stay, as it recorded them.
    const known = new Map<string, FileDigest>(record && out ? Object.entries(record.files) : []);
    for (const [path, digest] of built.digests) known.set(path, digest);
    const unchanged = new Set(built.digests.keys());
    if (record && out) {
      // The record goes first and comes back last, so a cut in between leaves no record, and the
      // next build is a full one.
      await rm(recordFile, { force: true });
      const written = new Set(built.written);
      const stale = new Set(built.stale);
      const kept = Object.keys(record.files).filter((path) => !stale.has(path) && !written.has(path));
      for (const path of built.unchanged) if (!written.has(path)) unchanged.add(path);
      if (kept.length >= written.size) {
        // Incremental: the last build's folder is brought up to date in place — each new or
        // changed file replaces its old one in one rename, then the files that no longer belong go.
        await timed('apply', async () => {
          await moveTree(staging, out, { replace: true });
          await removeFiles(out, built.stale);
        });
        // Its files are the last build's that stay and the new ones: no need to walk the folder.
        const files = [...kept, ...written];
        const offline = await timed('offline', () => writeOfflineFiles(out, siteBase(), { known, unchanged, files }));
        await writeBuildRecord(recordFile, { ...built.record, files: Object.fromEntries(offline.digests) });
        return stats;
      }
      // Most of the archive changed (new templates, say): the few files that did not are linked
      // into the new folder, which then replaces the old one whole.
      await timed('assemble', () => linkFiles(out, staging, kept));
    }
    const offline = await timed('offline', () => writeOfflineFiles(staging, siteBase(), { known, unchanged }));
    // For reading from disk: relative links, search through classic scripts; then the zip.
    if (options.portable || zip) await timed('portable', () => makePortable(staging, siteBase()));
    if (zip) {
      await mkdir(dirname(zip), { recursive: true });
      await timed('zip', () => writeZip(staging, zip));
    }
    // Swap the finished archive into place. The record goes first and comes back after, so a
    // cut between the two leaves no record that could describe files it did not see.
    if (out) {
      await rm(recordFile, { force: true });
      const old = `${staging}-old`;
      if (await exists(out)) await rename(out, old);
      await rename(staging, out);
      await rm(old, { recursive: true, force: true });
      if (incremental) await writeBuildRecord(recordFile, { ...built.record, files: Object.fromEntries(offline.digests) });
    }
    return stats;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
