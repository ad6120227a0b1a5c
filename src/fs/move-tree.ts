/**
 * I/O: filling a folder from others by renaming or hard-linking files, which copies no bytes;
 * across file systems, where a rename cannot go, by copying.
 */
import { constants } from 'node:fs';
import { copyFile, cp, link, mkdir, readdir, rename, rm, rmdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { exists } from './exists.ts';
import { eachInBatches } from './in-batches.ts';

/**
 * Moves everything under `from` to the same place under `to`, leaving files `to` already has
 * (or, with `replace`, putting the moved file in their place).
 * A folder `to` lacks moves in one rename. Returns the paths of the files moved (relative,
 * `/`-separated), in no particular order. `from` is left to the caller, and must be on one file
 * system with `to` when `replace` is given. The entries of a folder are moved in batches: one at
 * a time, an archive's paper folders left the move waiting on the disk. (Lists are joined with
 * flat: a spread of 100,000 paths overflows the stack.)
 */
export async function moveTree(from: string, to: string, { replace = false } = {}, prefix = ''): Promise<string[]> {
  const found: string[][] = [];
  await mkdir(to, { recursive: true });
  await eachInBatches(await readdir(from, { withFileTypes: true }), async (entry) => {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    const path = `${prefix}${entry.name}`;
    if (entry.isDirectory() && (await exists(target))) {
      found.push(await moveTree(source, target, { replace }, `${path}/`));
    } else if (!entry.isDirectory() && replace) {
      // One rename replaces the file whole: a reader sees the old file or the new one.
      await rename(source, target);
      found.push([path]);
    } else if (!(await exists(target))) {
      await moveEntry(source, target, entry.isDirectory());
      found.push(entry.isDirectory() ? (await listUnder(target)).map((inner) => `${path}/${inner}`) : [path]);
    }
  });
  return found.flat();
}

/** Moves the file or folder `source` to `target`, which does not exist: by a rename, else (on another file system) by copying. */
async function moveEntry(source: string, target: string, folder: boolean): Promise<void> {
  try {
    await rename(source, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    if (folder) await cp(source, target, { recursive: true, errorOnExist: true, force: false });
    else await copyFile(source, target, constants.COPYFILE_EXCL);
  }
}

/** Deletes `paths` (relative, `/`-separated) under `dir`, and then each folder of theirs left empty. */
export async function removeFiles(dir: string, paths: readonly string[]): Promise<void> {
  await eachInBatches(paths, (path) => rm(join(dir, path), { force: true }));
  // Deepest first, so a folder emptied by its subfolder's removal goes too; one not empty stays.
  const folders = new Set<string>();
  for (const path of paths) for (let folder = dirname(path); folder !== '.'; folder = dirname(folder)) folders.add(folder);
  for (const folder of [...folders].sort((a, b) => b.split('/').length - a.split('/').length || (a < b ? -1 : 1))) {
    await rmdir(join(dir, folder)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST' && error.code !== 'ENOENT') throw error;
    });
  }
}

/** Files under `dir`, relative and `/`-separated. */
async function listUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) =>
      join(entry.parentPath, entry.name)
        .slice(dir.length + 1)
        .split('\\')
        .join('/'),
    );
}

/** Errors of a file system that has no hard links (FAT and exFAT, as on most USB sticks). */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/** Hard-links each of `paths` (relative, `/`-separated) from `from` into `to`; copies them where the file system has no hard links. */
export async function linkFiles(from: string, to: string, paths: readonly string[]): Promise<void> {
  // Folders first, each once, so the links can then be made many at a time.
  const folders = [...new Set(paths.map((path) => dirname(join(to, path))))].sort();
  for (const folder of folders) await mkdir(folder, { recursive: true });
  let links = true;
  await eachInBatches(paths, async (path) => {
    if (links) {
      try {
        return await link(join(from, path), join(to, path));
      } catch (error) {
        if (!NO_LINKS.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
        links = false;
      }
    }
    await copyFile(join(from, path), join(to, path), constants.COPYFILE_EXCL);
  });
}
