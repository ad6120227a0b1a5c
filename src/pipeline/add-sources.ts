/**
 * I/O: copies sources into the project's `content/sources/`, the folder `npm run build`
 * builds from, so a paper added by `ingest` stays in the archive on the next build. Returns an
 * undo for when the ingest that follows fails.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { UserError } from './errors.ts';

/** Copies `files` into `sourcesDir`; the returned function puts the folder back as it was. */
export async function addSources(files: readonly string[], sourcesDir: string): Promise<{ added: string[]; undo: () => Promise<void> }> {
  const undo: (() => Promise<void>)[] = [];
  const added: string[] = [];
  const names = new Map<string, string>();
  for (const file of files) {
    const target = join(sourcesDir, basename(file));
    if (resolve(file) === target) continue;
    const other = names.get(basename(file));
    if (other) throw new UserError(`${file} and ${other} have the same name; content/sources/ can hold only one of them — rename one`);
    names.set(basename(file), file);
    const bytes = await readFile(file).catch(() => {
      throw new UserError(`${file}: no such file`);
    });
    const before = await readFile(target).catch(() => null);
    if (before?.equals(bytes)) continue;
    await writeFile(target, bytes);
    added.push(target);
    undo.push(before ? () => writeFile(target, before) : () => rm(target, { force: true }));
  }
  return { added, undo: async () => void (await Promise.all(undo.map((step) => step()))) };
}
