/** I/O: every file under a folder, for the steps that walk a whole archive. */
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** The paths of all files under `dir` (with or without a trailing slash), relative to it, `/`-separated, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}
