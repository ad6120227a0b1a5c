/**
 * I/O: `papershelf init <dir>`. Writes a new archive into a new or empty folder: the files are
 * made in a scratch folder beside it and moved in only when all are written, so a stopped
 * `init` leaves either nothing or the whole archive. A folder that holds anything but an empty
 * git repository is refused: init never writes over a file.
 */
import { link, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { userError } from '../messages/message.ts';
import { InitFolderIsFile, InitFolderNotEmpty, InitTitleNotOneLine } from '../messages/messages.ts';
import { PROJECT_ROOT, TAXONOMY_FILE } from '../settings/project-paths.ts';
import { archiveFiles, type ArchiveFile } from './archive-files.ts';

/** The title a new archive has when `--title` does not say. */
export const DEFAULT_TITLE = 'Papershelf';

/** What a folder may already hold and still take a new archive: an empty git repository. */
const TOLERATED = new Set(['.git']);

/** The templates this package ships, and its version. */
async function readTemplates(): Promise<{ version: string; templates: Parameters<typeof archiveFiles>[0]['templates'] }> {
  const read = (path: string) => readFile(join(PROJECT_ROOT, path), 'utf8');
  const manifest = JSON.parse(await read('package.json')) as { version: string };
  const [config, readme, gitignore, workflow, taxonomies] = await Promise.all([
    read('templates/archive/papershelf.config.mjs'),
    read('templates/archive/README.md'),
    read('templates/archive/gitignore'),
    read('templates/archive/papershelf.yml'),
    read(join('content', TAXONOMY_FILE)),
  ]);
  return { version: manifest.version, templates: { config, readme, gitignore, workflow, taxonomies } };
}

/** Checks that `dir` may take a new archive: missing, empty, or an empty git repository. */
async function checkFolder(dir: string): Promise<void> {
  const found = await stat(dir).catch(() => null);
  if (!found) return;
  if (!found.isDirectory()) throw userError(InitFolderIsFile, dir);
  const held = (await readdir(dir)).filter((name) => !TOLERATED.has(name));
  if (held.length > 0) {
    const names = held.slice(0, 3).join(', ') + (held.length > 3 ? ` and ${held.length - 3} more` : '');
    throw userError(InitFolderNotEmpty, dir, names);
  }
}

/** Writes `files` into a new scratch folder beside `dir`; returns it. */
async function writeScratch(dir: string, files: readonly ArchiveFile[]): Promise<string> {
  await mkdir(dirname(dir), { recursive: true });
  const scratch = await mkdtemp(join(dirname(dir), `.${basename(dir)}.papershelf-init-`));
  for (const file of files) {
    await mkdir(dirname(join(scratch, file.path)), { recursive: true });
    await writeFile(join(scratch, file.path), file.text, { flag: 'wx' });
  }
  return scratch;
}

/** Starts an archive in `dir` titled `title`; returns the files written, relative to `dir`. */
export async function initArchive(dir: string, title: string = DEFAULT_TITLE): Promise<string[]> {
  if (!title.trim() || /[\r\n]/.test(title)) throw userError(InitTitleNotOneLine);
  const target = resolve(dir);
  await checkFolder(target);
  const { version, templates } = await readTemplates();
  const files = archiveFiles({ title: title.trim(), folder: basename(target), version, templates });
  const scratch = await writeScratch(target, files);
  try {
    // Checked again: another program may have written there meanwhile.
    await checkFolder(target);
    if (!(await stat(target).catch(() => null))) {
      await rename(scratch, target);
    } else {
      // An existing empty folder (or empty repository) keeps its identity: each top-level entry
      // moves in. A file is linked, not renamed, so that one written there meanwhile is never replaced.
      for (const entry of await readdir(scratch, { withFileTypes: true })) {
        const [from, to] = [join(scratch, entry.name), join(target, entry.name)];
        if (entry.isDirectory()) await rename(from, to);
        else await link(from, to).then(() => unlink(from));
      }
      await rm(scratch, { recursive: true });
    }
  } catch (error) {
    await rm(scratch, { recursive: true, force: true });
    throw error;
  }
  return files.map((file) => file.path);
}
