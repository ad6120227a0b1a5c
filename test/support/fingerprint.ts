/** A hash of every file under a folder, paths and bytes, for "nothing changed" assertions. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Paths and bytes of every file under `dir`; names starting with `.` are left out when `skipHidden`. */
export function fingerprint(dir: string, { skipHidden = false } = {}): string {
  const hash = createHash('sha256');
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder).sort()) {
      if (skipHidden && name.startsWith('.')) continue;
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(relative(dir, path)).update(readFileSync(path));
    }
  };
  walk(dir);
  return hash.digest('hex');
}
