/**
 * Which files an `ingest` reads, and which it adds to `content/sources/`. A source named on
 * the command line joins that folder (replacing a file of the same name), so the paper stays
 * in the archive on the next `npm run build`; it is read from where the user put it, and
 * copied in the same all-or-nothing step that writes the papers.
 */
import { basename, join, resolve } from 'node:path';
import { UserError } from '../messages/errors.ts';

/** The files to read, and the copies to make into the sources folder. */
export interface SourcePlan {
  readonly files: string[];
  readonly copies: { from: string; target: string }[];
}

/** Plans an ingest of `given` on top of the files already in `sourcesDir`. Pure. */
export function planSources(existing: readonly string[], given: readonly string[], sourcesDir: string): SourcePlan {
  const copies: { from: string; target: string }[] = [];
  const names = new Map<string, string>();
  for (const file of given.map((path) => resolve(path))) {
    const target = join(resolve(sourcesDir), basename(file));
    const other = names.get(basename(file));
    if (other && other !== file)
      throw new UserError(`${file} and ${other} have the same name; content/sources/ can hold only one of them — rename one`);
    names.set(basename(file), file);
    if (file !== target) copies.push({ from: file, target });
  }
  const replaced = new Set(copies.map((copy) => copy.target));
  const kept = existing.map((path) => resolve(path)).filter((path) => !replaced.has(path));
  return { files: [...kept, ...copies.map((copy) => copy.from)], copies };
}
