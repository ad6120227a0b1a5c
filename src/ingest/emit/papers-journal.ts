/**
 * I/O: one all-or-nothing change to a papers folder and the files that go with it. New files
 * are staged in `.papers-new/` beside the folder, where no reader looks; `commit` writes a
 * journal of the moves and removals that make the change, renames it into place — the commit
 * point — and carries it out. Every step of carrying it out can be done again, so
 * `recoverChange` finishes a committed change an interrupted run left and discards an
 * uncommitted one: after it, the folder is as it was before the change or as it is after.
 * Only while a committed change is carried out (a rename per changed file) does a reader see
 * the folder part way.
 */
import {
  closeSync,
  copyFileSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { displayPath, RunError } from '../../messages/errors.ts';
import { fileStamp } from './paper-index.ts';

/** A committed change: files to move into place (from, to) and files to remove, relative to the folder holding the papers folder. */
interface Journal {
  readonly moves: readonly (readonly [string, string])[];
  readonly removals: readonly string[];
}

/** The work folders of a change to the papers folder `dir`. */
function workFolders(dir: string) {
  const staging = join(dirname(dir), `.${basename(dir)}-new`);
  return { staging, papers: join(staging, 'papers'), files: join(staging, 'files'), journal: join(staging, 'journal.json') };
}

/** A change being staged. Nothing is visible until `commit`. */
export interface Change {
  /** Stages the paper file `name` (`<slug>.mdx`); returns its stamp. */
  writePaper(name: string, text: string): string;
  /** Stages a file that belongs to the change, to end up at `target`. */
  addFile(target: string, bytes: Uint8Array | string): void;
  /**
   * Stages a copy of the file `from`, to end up at `target`. Throws when `from` is gone, or
   * (given `seen`, its size and modification time when it was read) when it has changed since.
   */
  copyFile(target: string, from: string, seen?: FileSeen): void;
  /** Removes the paper file `name` with the change. */
  removePaper(name: string): void;
  /** True when nothing is staged. */
  readonly empty: boolean;
  /** Commits the change and carries it out; the papers folder exists after it, even with no paper in it. */
  commit(): void;
}

/** Starts a change to the papers folder `dir` (after `recoverChange`, so no earlier one is left). */
export function startChange(dir: string): Change {
  const folders = workFolders(dir);
  const base = dirname(dir);
  const written: string[] = [];
  const files: [string, string][] = [];
  const removals: string[] = [];
  const ensure = folderMaker();
  const stage = (folder: string, name: string, bytes: Uint8Array | string) => {
    ensure(folder);
    writeFileSync(join(folder, name), bytes);
  };
  return {
    writePaper(name, text) {
      stage(folders.papers, name, text);
      written.push(name);
      return fileStamp(join(folders.papers, name)) ?? '';
    },
    addFile(target, bytes) {
      const name = String(files.length);
      stage(folders.files, name, bytes);
      files.push([join(folders.files, name), target]);
    },
    copyFile(target, from, seen) {
      const name = String(files.length);
      ensure(folders.files);
      // The file system copies it (or clones it, where it can): no bytes pass through memory.
      // What is staged must be what the papers were made from.
      const before = fileSeen(from);
      if (!before)
        throw new RunError(`${displayPath(from)}: the source went away while it was read; nothing was changed. Run again once it is back`);
      copyFileSync(from, join(folders.files, name));
      const after = fileSeen(from);
      if (
        (seen && !sameSeen(seen, before)) ||
        !after ||
        !sameSeen(before, after) ||
        fileSeen(join(folders.files, name))?.size !== before.size
      ) {
        throw new RunError(`${displayPath(from)}: the source changed while it was read; nothing was changed. Run again once it is written`);
      }
      files.push([join(folders.files, name), target]);
    },
    removePaper(name) {
      removals.push(join(dir, name));
    },
    get empty() {
      return written.length === 0 && files.length === 0 && removals.length === 0;
    },
    commit() {
      // A papers folder that does not exist yet arrives whole, in one move.
      const fresh = !existsSync(dir);
      if (fresh) mkdirSync(folders.papers, { recursive: true });
      const papers: [string, string][] = fresh
        ? [[folders.papers, dir]]
        : written.map((name) => [join(folders.papers, name), join(dir, name)]);
      const journal: Journal = {
        moves: [...papers, ...files].map(([from, to]) => [relative(base, from), relative(base, to)] as const),
        removals: removals.map((path) => relative(base, path)),
      };
      // A change that only removes papers has staged nothing: its work folder is made here.
      ensure(folders.staging);
      writeFileSync(`${folders.journal}.tmp`, JSON.stringify(journal));
      renameSync(`${folders.journal}.tmp`, folders.journal);
      finish(dir);
    },
  };
}

/** Carries out the committed journal of `dir`, then drops the work folder. */
function finish(dir: string): void {
  const folders = workFolders(dir);
  const base = dirname(dir);
  const journal = JSON.parse(readFileSync(folders.journal, 'utf8')) as Journal;
  const ensure = folderMaker();
  for (const [from, to] of journal.moves) {
    const source = resolve(base, from);
    if (!existsSync(source)) continue; // moved before an interruption
    ensure(dirname(resolve(base, to)));
    renameSync(source, resolve(base, to));
  }
  for (const path of journal.removals) rmSync(resolve(base, path), { force: true });
  rmSync(folders.journal);
  rmSync(folders.staging, { recursive: true, force: true });
}

/** A file's size and modification time, as seen when it was read. */
export interface FileSeen {
  readonly size: number;
  readonly mtimeMs: number;
}

/** The size and modification time of the file `file`, or null when it cannot be opened or is not a file. */
export function fileSeen(file: string): FileSeen | null {
  try {
    const fd = openSync(file, 'r');
    try {
      const found = fstatSync(fd);
      return found.isFile() ? { size: found.size, mtimeMs: found.mtimeMs } : null;
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
}

const sameSeen = (a: FileSeen, b: FileSeen): boolean => a.size === b.size && a.mtimeMs === b.mtimeMs;

/** Creates folders (and their parents) once each. */
function folderMaker(): (folder: string) => void {
  const made = new Set<string>();
  return (folder) => {
    if (made.has(folder)) return;
    mkdirSync(folder, { recursive: true });
    made.add(folder);
  };
}

/** Finishes the change an interrupted run committed, or discards the one it had not. */
export function recoverChange(dir: string): void {
  recoverFolderSwap(dir);
  const folders = workFolders(dir);
  if (existsSync(folders.journal)) finish(dir);
  rmSync(folders.staging, { recursive: true, force: true });
}

/**
 * Earlier versions replaced the whole folder: `.papers-new` renamed over it, the old one set
 * aside as `.papers-old` in between, companion files in `.papers-companions` placed after.
 * Finishes or undoes such a swap as those versions did.
 */
function recoverFolderSwap(dir: string): void {
  const { staging } = workFolders(dir);
  const old = join(dirname(dir), `.${basename(dir)}-old`);
  const pending = join(dirname(dir), `.${basename(dir)}-companions`);
  if (existsSync(old)) {
    if (existsSync(dir)) rmSync(old, { recursive: true, force: true });
    else renameSync(old, dir);
  }
  if (!existsSync(pending)) return;
  const manifest = join(pending, 'manifest.json');
  if (!existsSync(staging) && existsSync(manifest)) {
    for (const [index, target] of (JSON.parse(readFileSync(manifest, 'utf8')) as string[]).entries()) {
      if (!existsSync(join(pending, String(index)))) continue;
      mkdirSync(dirname(target), { recursive: true });
      renameSync(join(pending, String(index)), target);
    }
  }
  rmSync(pending, { recursive: true, force: true });
}
