/**
 * `papershelf build`: a complete archive, search included, assembled in a scratch folder
 * beside the destination and moved into `--out` only when every step has succeeded, so a
 * failed build leaves `--out` exactly as it was. Built again into the same `--out`, it renders
 * only the pages that changed (see src/build/render/render-site.ts). With `portable` (or
 * `zip`) the archive is also made to work opened from disk (src/portable/), and `zip` writes
 * it as one zip file. The destination is proved Papershelf's own and held before any of this
 * (src/build/publish/build-target.ts).
 */
import { chmod, copyFile, mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { exists } from '../../fs/exists.ts';
import { linkFiles, moveTree, removeFiles } from '../../fs/move-tree.ts';
import { writeOfflineFiles, type FileDigest } from '../offline/write-offline-files.ts';
import { makePortable } from '../../portable/make-portable.ts';
import { writeZip } from '../../portable/write-zip.ts';
import { ingestSources, type IngestOptions, type IngestResult } from '../../ingest/ingest-sources.ts';
import { PROJECT_CONTENT, TAXONOMY_FILE } from '../../settings/project-paths.ts';
import type { BuildTarget } from './build-target.ts';
import { ARCHIVE_MARKER, markArchive } from './output-folder.ts';
import { readBuildRecord, writeBuildRecord } from '../render/build-record.ts';
import { renderSite } from '../render/render-site.ts';
import type { ReadPaper } from '../../site/archive/read-archive.ts';
import type { BuildStats } from '../../cli/report.ts';
import { timed } from '../stage-clock.ts';

/** Where the archive goes and how. */
export interface PublishOptions {
  /** The destination, held by this build. */
  readonly target: BuildTarget;
  /** The public origin and base path the archive is built for. */
  readonly site: string;
  readonly base: string;
  /** Make the archive work when its `index.html` is opened from disk, with no server. Default false. */
  readonly portable?: boolean | undefined;
  /** Print Astro's progress. Default false: only warnings and errors. */
  readonly verbose?: boolean | undefined;
  /** The paper files an ingest just wrote, by file name, with what reading them gives (see `readArchiveData`). */
  readonly ingested?: ReadonlyMap<string, ReadPaper> | undefined;
}

/** Options for a build from sources. */
export interface BuildOptions extends Omit<IngestOptions, 'contentDir'>, PublishOptions {}

/** Builds exactly the sources `files` into the target. `written` is null (and `built` too) when errors stopped the build. */
export async function buildSite(files: readonly string[], options: BuildOptions): Promise<IngestResult & { built: BuildStats | null }> {
  // The papers live in the archive's private content folder, never in the project's own.
  const contentDir = join(options.target.cache, 'content');
  await mkdir(contentDir, { recursive: true });
  await copyFile(options.taxonomyFile ?? join(PROJECT_CONTENT, TAXONOMY_FILE), join(contentDir, TAXONOMY_FILE));
  const result = await timed('ingest', () => ingestSources(files, { ...options, contentDir }));
  return { ...result, built: result.written ? await publishSite(contentDir, { ...options, ingested: result.written.fresh }) : null };
}

/** Builds the archive of the content folder `contentDir` into the target's folder and/or zip. */
export async function publishSite(contentDir: string, options: PublishOptions): Promise<BuildStats> {
  const { out, zip, cache } = options.target;
  const recordFile = join(cache, 'build-record.json');
  // Pages are reused only into a plain `--out` that an earlier build marked: the portable
  // rewrite changes pages in place.
  const incremental = out !== undefined && !options.portable && !zip;
  const record = incremental && (await exists(join(out, ARCHIVE_MARKER))) ? await readBuildRecord(recordFile) : null;
  const scratch = await options.target.scratch();
  const staging = join(scratch, 'site');
  try {
    await mkdir(staging);
    // The published archive is copied to web servers, which read it as another user. A file
    // system without modes (FAT, on a USB stick) refuses; its folders are readable anyway.
    await chmod(staging, 0o755).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPERM' && error.code !== 'ENOTSUP' && error.code !== 'EOPNOTSUPP') throw error;
    });
    const built = await renderSite({
      contentDir,
      into: staging,
      base: options.base,
      cacheDir: cache,
      previous: record && out ? { dir: out, record } : undefined,
      verbose: options.verbose,
      ingested: options.ingested,
    });

    const stats = {
      pages: built.pages,
      rendered: built.rendered,
      bundles: built.bundles,
      bundlesIndexed: built.bundlesIndexed,
      cards: built.cards,
      cardsDrawn: built.cardsDrawn,
    };
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
        // changed file replaces its old one in one rename, then the files that no longer belong
        // (all listed in the record of what the last build wrote) go.
        await timed('apply', async () => {
          await moveTree(staging, out, { replace: true });
          await removeFiles(out, built.stale);
        });
        // Its files are the last build's that stay and the new ones: no need to walk the folder.
        const files = [...kept, ...written];
        const offline = await timed('offline', () => writeOfflineFiles(out, options.base, { known, unchanged, files }));
        await markArchive(out, options);
        await writeBuildRecord(recordFile, { ...built.record, files: Object.fromEntries(offline.digests) });
        return stats;
      }
      // Most of the archive changed (new templates, say): the few files that did not are linked
      // into the new folder, which then replaces the old one whole.
      await timed('assemble', () => linkFiles(out, staging, kept));
    }
    const offline = await timed('offline', () => writeOfflineFiles(staging, options.base, { known, unchanged }));
    // For reading from disk: relative links, search through classic scripts; then the zip.
    if (options.portable || zip) await timed('portable', () => makePortable(staging, options.base));
    await markArchive(staging, options);
    if (zip) {
      await mkdir(dirname(zip), { recursive: true });
      await timed('zip', () => writeZip(staging, zip));
    }
    // Swap the finished archive into place: the old one (proved ours before the build started)
    // goes into the scratch folder, removed below. The record goes first and comes back after,
    // so a cut between the two leaves no record that could describe files it did not see.
    if (out) {
      await rm(recordFile, { force: true });
      if (await exists(out)) await rename(out, join(scratch, 'old'));
      await rename(staging, out);
      if (incremental) await writeBuildRecord(recordFile, { ...built.record, files: Object.fromEntries(offline.digests) });
    }
    return stats;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
