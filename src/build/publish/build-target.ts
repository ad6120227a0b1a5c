/**
 * I/O: where one build writes, proved and held before any work. The destination (`--out`,
 * else `--zip`) is checked (output-folder.ts), locked for the whole build, and given
 *  - a private cache folder of its own, keyed by the destination, in the archive root's
 *    `node_modules/.cache/papershelf/archives/` (where a CI job can keep it between runs): the content folder of a build from sources,
 *    Astro's root, `.astro/` and cache, and the record of the last build — so a side build never
 *    touches the project's own `.astro/` or another archive's state;
 *  - a scratch folder beside the destination, on its file system, where the new archive is
 *    assembled: the final swap is a rename, also when the destination is on a USB stick or a
 *    tmpfs (only what Astro rendered in the cache crosses file systems, by copying).
 * A scratch folder a killed build left is removed by the next build of the same destination.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { exists } from '../../fs/exists.ts';
import { holdLock, type Lock } from '../../fs/hold-lock.ts';
import { displayPath } from '../../messages/errors.ts';
import { PROJECT_ROOT } from '../../settings/project-paths.ts';
import { RENDER_WORK_PREFIX } from '../render/render-pages.ts';
import { checkOutput, checkZip, type Protected } from './output-folder.ts';

/** A destination this process holds. */
export interface BuildTarget {
  /** The real path of the output folder, when there is one. */
  readonly out: string | undefined;
  /** The real path of the zip, when there is one. */
  readonly zip: string | undefined;
  /** `out`, else `zip`: what the lock, the cache and the scratch folder are for. */
  readonly destination: string;
  /** The private cache folder of this destination. */
  readonly cache: string;
  /** Makes a new scratch folder beside the destination. */
  scratch(): Promise<string>;
  /** Gives the destination up. */
  release(): void;
}

/**
 * The folder of the caches of every destination built from the archive at `root`: in the
 * archive's own `node_modules/` when this package is installed there (or is the archive), so
 * a CI job keeps one path between runs; else in the package's. Astro runs with its root in the
 * cache, and must find itself from there.
 */
export function cachesOf(root: string): string {
  const resolved = resolve(root);
  const installed = PROJECT_ROOT === join(resolved, sep) || PROJECT_ROOT.startsWith(join(resolved, 'node_modules', sep));
  return join(installed ? resolved : PROJECT_ROOT, 'node_modules', '.cache', 'papershelf', 'archives');
}
/** A file in each scratch folder, so that one a killed build left can be told as ours. */
const SCRATCH_MARK = '.papershelf-scratch';
/** A cache whose archive is gone for good is only weight: gone when its folder's parent is gone, or an hour after the folder itself. */
const STALE_AFTER_MS = 60 * 60 * 1000;

/** The private cache folder, among `caches`, of the destination `destination` (a real path). */
const cacheOf = (caches: string, destination: string): string =>
  join(caches, createHash('sha256').update(destination).digest('hex').slice(0, 16));

const scratchPrefix = (destination: string): string => `.${basename(destination)}.papershelf-build-`;

/**
 * Marks `cache` as the one of `destination`, removes the work folders a killed build left in
 * it, and removes the caches of archives that no longer exist.
 */
async function claimCache(caches: string, cache: string, destination: string): Promise<void> {
  await mkdir(cache, { recursive: true });
  await writeFile(join(cache, 'target'), destination);
  for (const name of await readdir(cache)) {
    // Retried: the Astro process of a killed build may still be ending.
    if (name.startsWith(RENDER_WORK_PREFIX)) await rm(join(cache, name), { recursive: true, force: true, maxRetries: 20, retryDelay: 50 });
  }
  for (const name of await readdir(caches).catch(() => [] as string[])) {
    const other = join(caches, name);
    if (other === cache) continue;
    const target = await readFile(join(other, 'target'), 'utf8').catch(() => null);
    const marked = await stat(join(other, 'target')).catch(() => null);
    if (target === null || marked === null || (await exists(target))) continue;
    if (!(await exists(dirname(target))) || Date.now() - marked.mtimeMs > STALE_AFTER_MS) await rm(other, { recursive: true, force: true });
  }
}

/** Removes the scratch folders of `destination` that killed builds left: ours by their mark, or empty. */
async function removeLeftScratch(destination: string): Promise<void> {
  const prefix = scratchPrefix(destination);
  for (const name of await readdir(dirname(destination)).catch(() => [] as string[])) {
    if (!name.startsWith(prefix)) continue;
    const folder = join(dirname(destination), name);
    const inside = await readdir(folder).catch(() => null);
    if (inside !== null && (inside.length === 0 || inside.includes(SCRATCH_MARK))) await rm(folder, { recursive: true, force: true });
  }
}

/**
 * Proves that a build may write `out` and/or `zip`, and holds the destination for it. Throws
 * a `UserError` (nothing done) when it may not, a `RunError` when another build holds it.
 */
export async function openBuildTarget(
  request: { readonly out?: string | undefined; readonly zip?: string | undefined },
  protect: Protected,
  caches: string,
): Promise<BuildTarget> {
  const out = request.out === undefined ? undefined : await checkOutput(request.out, protect);
  const zip = request.zip === undefined ? undefined : await checkZip(request.zip, protect);
  const destination = out ?? zip;
  if (destination === undefined) throw new Error('build: give `out`, `zip`, or both');
  await mkdir(dirname(destination), { recursive: true });
  const lock: Lock = holdLock(
    join(dirname(destination), `.${basename(destination)}.papershelf-lock`),
    displayPath(destination),
    `building ${displayPath(destination)}`,
  );
  try {
    // Checked again under the lock: another build may have written it since.
    if (request.out !== undefined) await checkOutput(request.out, protect);
    await removeLeftScratch(destination);
    const cache = cacheOf(caches, destination);
    await claimCache(caches, cache, destination);
    return {
      out,
      zip,
      destination,
      cache,
      async scratch() {
        const folder = await mkdtemp(join(dirname(destination), scratchPrefix(destination)));
        await writeFile(join(folder, SCRATCH_MARK), '');
        return folder;
      },
      release: () => lock.release(),
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}
