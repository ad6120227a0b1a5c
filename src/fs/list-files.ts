/** I/O: every file under a folder, for the steps that walk a whole archive. */
import { readdirSync } from 'node:fs';

/**
 * The paths of all files under `dir` (with or without a trailing slash), relative to it,
 * `/`-separated, sorted. Symbolic links are neither listed nor followed.
 *
 * The walk is synchronous: one `readdir` per folder in place costs a fraction of a trip to
 * libuv's threads, and an archive has a folder per paper. It is several times faster than
 * `fs.promises.readdir` with `recursive`, whose entries must then still be made relative paths
 * (docs/benchmarks.md); the steps that walk the archive have nothing else to do meanwhile.
 */
export async function listFiles(dir: string): Promise<string[]> {
  const root = dir.replace(/(?<=.)[\\/]+$/, '');
  const files: string[] = [];
  const folders: string[] = [''];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    for (const entry of readdirSync(folder === '' ? root : `${root}/${folder}`, { withFileTypes: true })) {
      const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
      if (entry.isDirectory()) folders.push(path);
      else if (entry.isFile()) files.push(path);
    }
  }
  return files.sort();
}
