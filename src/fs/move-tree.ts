/** I/O: filling a folder from others by renaming or hard-linking files, never copying bytes. */
import { link, mkdir, readdir, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { exists } from './exists.ts';
import { eachInBatches } from './in-batches.ts';

/**
 * Moves everything under `from` to the same place under `to`, leaving files `to` already has.
 * A folder `to` lacks moves in one rename. Returns the paths of the files moved (relative,
 * `/`-separated), in no particular order. The entries of a folder are moved in batches: one at
 * a time, the 13,000 paper folders of an archive took 6 s of waiting on the disk.
 * (Lists are joined with flat: a spread of 100,000 paths overflows the stack.)
 */
export async function moveTree(from: string, to: string, prefix = ''): Promise<string[]> {
  const found: string[][] = [];
  await mkdir(to, { recursive: true });
  await eachInBatches(await readdir(from, { withFileTypes: true }), async (entry) => {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    const path = `${prefix}${entry.name}`;
    if (!(await exists(target))) {
      await rename(source, target);
      found.push(entry.isDirectory() ? (await listUnder(target)).map((inner) => `${path}/${inner}`) : [path]);
    } else if (entry.isDirectory()) {
      found.push(await moveTree(source, target, `${path}/`));
    }
  });
  return found.flat();
}

/** Files under `dir`, relative and `/`-separated. */
async function listUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1).split('\\').join('/'));
}

/** Hard-links each of `paths` (relative, `/`-separated) from `from` into `to`. */
export async function linkFiles(from: string, to: string, paths: readonly string[]): Promise<void> {
  // Folders first, each once, so the links can then be made many at a time.
  const folders = [...new Set(paths.map((path) => dirname(join(to, path))))].sort();
  for (const folder of folders) await mkdir(folder, { recursive: true });
  await eachInBatches(paths, (path) => link(join(from, path), join(to, path)));
}
