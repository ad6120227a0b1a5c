/**
 * The last step of a build: the finished files become the archive at the destination. When
 * most of the last build's folder stays, it is brought up to date in place — each new or
 * changed file replaces its old one in one rename, then the files that no longer belong go —
 * so a new day costs a few thousand file operations, not a million. Otherwise the few files
 * that stay are linked into the new folder, which then replaces the old one whole, in one
 * rename. Either way the offline files are written over the finished archive, and the marker
 * last. With `portable`, the archive is made to work opened from disk; with a zip, written as one.
 */
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { exists } from '../../fs/exists.ts';
import { linkFiles, moveTree, removeFiles } from '../../fs/move-tree.ts';
import { makePortable } from '../../portable/make-portable.ts';
import { writeZip } from '../../portable/write-zip.ts';
import type { BuildContext } from '../build-context.ts';
import type { Changes } from '../compare/compare-builds.ts';
import { writeOfflineFiles, type FileDigest, type ManifestBrand } from '../offline/write-offline-files.ts';
import { brandOf, iconType } from '../../site/brand.ts';
import { DEFAULT_TITLE } from '../../settings/config-schema.ts';
import type { Settings } from '../../settings/settings.ts';
import { writeBuildRecord, type BuildRecord } from '../render/build-record.ts';
import { timed } from '../stage-clock.ts';
import type { BuildTarget } from './build-target.ts';
import { markArchive } from './output-folder.ts';

/** What the build made, for the destination. */
export interface Finished {
  /** The record for the next build, but for `files`, which the offline step fills in. */
  readonly record: Omit<BuildRecord, 'files'>;
  readonly changes: Changes;
}

/** How the archive is published. */
export interface PublishOptions {
  /** Make it work opened from disk (and write the zip, when the target has one). */
  readonly portable: boolean;
  /** The scratch folder beside the destination, where the old archive goes before it is removed. */
  readonly scratch: string;
  /** Where the record of this build goes, for the next one. Written only for a plain `--out`. */
  readonly recordFile: string;
}

/** Publishes `context.into` to the target. */
export async function publishArchive(
  context: BuildContext,
  target: BuildTarget,
  finished: Finished,
  options: PublishOptions,
): Promise<void> {
  const { out, zip } = target;
  const { settings, last, into } = context;
  const { changes } = finished;
  // What the offline step may take without reading: the files this build wrote and read in
  // full, as they were made, and the last build's files that stay, as it recorded them.
  const known = new Map<string, FileDigest>(last ? Object.entries(last.record.files) : []);
  for (const [path, digest] of context.ledger.files) known.set(path, digest);
  const unchanged = new Set(context.ledger.files.keys());
  const record = (digests: ReadonlyMap<string, FileDigest>): BuildRecord => ({ ...finished.record, files: Object.fromEntries(digests) });

  if (last && out) {
    // The record goes first and comes back last, so a cut in between leaves no record, and the
    // next build is a full one.
    await rm(options.recordFile, { force: true });
    const written = new Set(changes.written);
    const stale = new Set(changes.stale);
    const kept = Object.keys(last.record.files).filter((path) => !stale.has(path) && !written.has(path));
    for (const path of changes.unchanged) if (!written.has(path)) unchanged.add(path);
    if (kept.length >= written.size) {
      await timed('apply', async () => {
        await moveTree(into, out, { replace: true });
        await removeFiles(out, changes.stale);
      });
      // Its files are the last build's that stay and the new ones: no need to walk the folder.
      const files = [...kept, ...written];
      const offline = await timed('offline', () =>
        writeOfflineFiles(out, settings.base, { known, unchanged, files, manifest: manifestOf(settings) }),
      );
      await markArchive(out, settings);
      await writeBuildRecord(options.recordFile, record(offline.digests));
      return;
    }
    await timed('assemble', () => linkFiles(out, into, kept));
  }
  const offline = await timed('offline', () =>
    writeOfflineFiles(into, settings.base, { known, unchanged, manifest: manifestOf(settings) }),
  );
  // For reading from disk: relative links, search through classic scripts; then the zip.
  if (options.portable) await timed('portable', () => makePortable(into, settings.base));
  await markArchive(into, settings);
  if (zip) {
    await mkdir(dirname(zip), { recursive: true });
    await timed('zip', () => writeZip(into, zip));
  }
  // Swap the finished archive into place: the old one (proved ours before the build started)
  // goes into the scratch folder, removed with it. The record goes first and comes back after,
  // so a cut between the two leaves no record that could describe files it did not see.
  if (out) {
    await rm(options.recordFile, { force: true });
    if (await exists(out)) await rename(out, join(options.scratch, 'old'));
    await rename(into, out);
    if (!options.portable) await writeBuildRecord(options.recordFile, record(offline.digests));
  }
}

/** The manifest's name, line, colour and icon, from the settings; Papershelf's own without a config. */
function manifestOf(settings: Settings): ManifestBrand | undefined {
  const brand = brandOf(settings);
  if (brand.title === DEFAULT_TITLE && settings.favicon === null && settings.themeColor === '#1d5fc9') return undefined;
  return {
    name: brand.title,
    description: brand.description,
    themeColor: brand.themeColor,
    icon: { path: brand.favicon, type: iconType(brand.favicon) },
  };
}
