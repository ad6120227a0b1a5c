/** I/O: filling a folder from others by renaming or hard-linking files, never copying bytes. */
import { link, mkdir, readdir, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { exists } from './exists.ts';
import { eachInBatches } from './in-batches.ts';

/**
 * Moves everything under `from` to the same place under `to`, leaving files `to` already has.
 * A folder `to` lacks moves in one rename. Returns the paths of the files moved (relative,
 * `/`-separated). (Lists are joined with concat: a spread of 100,000 paths overflows the stack.)
 */
export async function moveTree(from: string, to: string, prefix = ''): Promise<string[]> {
  let moved: string[] = [];
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    const path = `${prefix}${entry.name}`;
    if (!(await exists(target))) {
      await rename(source, target);
      moved = moved.concat(entry.isDirectory() ? (await listUnder(target)).map((inner) => `${path}/${inner}`) : [path]);
    } else if (entry.isDirectory()) {
      moved = moved.concat(await moveTree(source, target, `${path}/`));
    }
  }
  return moved;
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
