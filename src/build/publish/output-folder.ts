/**
 * I/O: the output folder is the user's until Papershelf has proved it is its own. A build
 * replaces or cleans a folder only when it is missing, empty, or marked by an earlier build —
 * a marker file naming the archive and every top-level entry that build made — and holds
 * nothing else at the top. Anything else is refused before any work, with one line naming the
 * folder and what to do: a folder holding other files, the working folder or one above it,
 * the home folder, the project, its content folder, a folder holding a source, a file.
 * (Vite once emptied any `outDir`, `.` and `../../pipeline/` included: vitejs/vite#1501.)
 */
import { open, readdir, readFile, realpath, rename, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, join, parse, resolve, sep } from 'node:path';
import { displayPath, quote, UserError } from '../../messages/errors.ts';

/** The marker a build leaves at the top of the archive it wrote. */
export const ARCHIVE_MARKER = '.papershelf-archive.json';
/** The marker being rewritten (renamed over the marker when complete). */
const MARKER_DRAFT = `${ARCHIVE_MARKER}.new`;

/** What the marker says. Deterministic, so that the same sources give the same folder. */
interface ArchiveMarker {
  readonly papershelf: 'archive';
  /** The public origin and base path the archive was built for. */
  readonly site: string;
  readonly base: string;
  /** The top-level entries the build wrote, sorted. */
  readonly entries: readonly string[];
}

/** What an output folder must stay clear of. */
export interface Protected {
  /** The project: never the output, never inside the output, and its own folders never hold it. */
  readonly project: string;
  /** The content folder the build reads. */
  readonly content: string;
  /** The source files the build reads. */
  readonly sources: readonly string[];
  /** The working folder. Default `process.cwd()`. */
  readonly cwd?: string | undefined;
  /** The home folder. Default `os.homedir()`. */
  readonly home?: string | undefined;
}

/** The project's folders that no output may be put in. */
const PROJECT_PARTS = ['content', 'src', 'public', 'node_modules', '.git'];

/** `path` with every symbolic link in its existing part resolved: where writes would land. */
export async function landingPath(path: string): Promise<string> {
  const absolute = resolve(path);
  const rest: string[] = [];
  for (let at = absolute; ; at = dirname(at)) {
    try {
      return join(await realpath(at), ...rest.reverse());
    } catch {
      if (dirname(at) === at) return absolute;
      rest.push(basename(at));
    }
  }
}

/** True when `inner` is `outer` or lies below it. */
const within = (inner: string, outer: string): boolean => inner === outer || inner.startsWith(outer.endsWith(sep) ? outer : outer + sep);

/** Reads the marker of `dir`, or null when there is none or it is not ours. */
async function readMarker(dir: string): Promise<ArchiveMarker | null> {
  try {
    const marker = JSON.parse(await readFile(join(dir, ARCHIVE_MARKER), 'utf8')) as Partial<ArchiveMarker>;
    return marker.papershelf === 'archive' && Array.isArray(marker.entries) ? (marker as ArchiveMarker) : null;
  } catch {
    return null;
  }
}

/** Names a few entries for a message. */
const some = (names: readonly string[]): string =>
  `${names
    .slice(0, 3)
    .map((name) => quote(name))
    .join(', ')}${names.length > 3 ? ` and ${names.length - 3} more` : ''}`;

/**
 * Checks that a build may write `out` (named by `flag` in messages), and returns the real path
 * it will write. Throws a `UserError` naming the folder and what to do when it may not.
 */
export async function checkOutput(out: string, protect: Protected, flag = '--out'): Promise<string> {
  const target = await landingPath(out);
  const shown = quote(out);
  const refuse = (why: string, hint: string): never => {
    throw new UserError(`${flag}: ${shown} ${why}; ${hint}`);
  };
  const elsewhere = `name a new folder for the archive, e.g. ${quote(join(out, 'site'))}`;
  const found = await stat(target).catch(() => null);
  if (found && !found.isDirectory())
    refuse(
      'is a file, not a folder',
      `Papershelf never replaces it; name a folder for the archive, e.g. ${quote(`${out.replace(/[/\\]+$/, '')}-site`)}`,
    );

  // Folders that hold what the build reads or what the user works in.
  const [home, cwd, project, content] = await Promise.all(
    [protect.home ?? homedir(), protect.cwd ?? process.cwd(), protect.project, protect.content].map(landingPath),
  );
  if (target === parse(target).root) refuse('is the root of the file system', elsewhere);
  if (within(home!, target)) refuse(target === home ? 'is your home folder' : 'holds your home folder', elsewhere);
  if (within(cwd!, target)) refuse(target === cwd ? 'is the folder you are working in' : 'holds the folder you are working in', elsewhere);
  if (within(project!, target)) refuse('holds this Papershelf project', `name a folder inside it, e.g. ${quote('dist')}`);
  if (within(target, content!) || within(content!, target))
    refuse(
      `is ${within(target, content!) && target !== content ? 'inside ' : ''}the content folder ${quote(displayPath(content!))}`,
      `name a folder outside it, e.g. ${quote('dist')}`,
    );
  for (const part of PROJECT_PARTS) {
    const folder = join(project!, part);
    if (within(target, folder)) refuse(`is inside the project's ${part}/ folder`, `name a folder of its own, e.g. ${quote('dist')}`);
  }
  for (const source of protect.sources) {
    const real = await landingPath(source);
    if (within(real, target))
      refuse(
        `holds the source ${quote(displayPath(source))}`,
        `the archive replaces its folder whole, so build into a new folder, e.g. ${quote(join(dirname(out), 'site'))}`,
      );
  }

  // A folder that exists must be empty or the archive an earlier build marked, and nothing else.
  if (!found) return target;
  const names = (await readdir(target)).filter((name) => name !== ARCHIVE_MARKER && name !== MARKER_DRAFT);
  if (names.length === 0) return target;
  const marker = await readMarker(target);
  if (!marker) {
    const earlier =
      names.includes('_astro') && names.includes('index.html')
        ? ' (an archive built by an earlier Papershelf has no marker: delete it once and build again)'
        : '';
    refuse(
      `holds files Papershelf did not make (${some(names.sort())})`,
      `it writes only into a new or empty folder, or one it built${earlier}. Name another folder, or empty this one yourself`,
    );
  }
  const made = new Set(marker!.entries);
  const foreign = names.filter((name) => !made.has(name)).sort();
  if (foreign.length > 0) {
    refuse(
      `holds files Papershelf did not make (${some(foreign)}) beside the archive it built`,
      'the next build would replace the folder whole; move them out of it first',
    );
  }
  return target;
}

/** Marks `dir` as the archive built for `site` and `base`, listing what it holds at the top. */
export async function markArchive(dir: string, settings: { readonly site: string; readonly base: string }): Promise<void> {
  const entries = (await readdir(dir)).filter((name) => name !== ARCHIVE_MARKER && name !== MARKER_DRAFT).sort();
  const marker: ArchiveMarker = { papershelf: 'archive', site: settings.site, base: settings.base, entries };
  await writeFile(join(dir, MARKER_DRAFT), `${JSON.stringify(marker, null, 2)}\n`);
  await rename(join(dir, MARKER_DRAFT), join(dir, ARCHIVE_MARKER));
}

/** The name of a zip's first entry, or null when `file` does not start like a zip. */
async function firstZipEntry(file: string): Promise<string | null> {
  const handle = await open(file, 'r');
  try {
    const header = Buffer.alloc(30 + 1024);
    const { bytesRead } = await handle.read(header, 0, header.length, 0);
    if (bytesRead < 30 || header.readUInt32LE(0) !== 0x04034b50) return null;
    const length = header.readUInt16LE(26);
    return 30 + length <= bytesRead ? header.toString('utf8', 30, 30 + length) : null;
  } finally {
    await handle.close();
  }
}

/**
 * Checks that a build may write the zip `zip`: a new file, or a zip an earlier build wrote (its
 * first entry is the archive's marker: entries are sorted and the marker's name sorts first).
 * Returns the real path.
 */
export async function checkZip(zip: string, protect: Protected): Promise<string> {
  const target = await landingPath(zip);
  const found = await stat(target).catch(() => null);
  const shown = quote(zip);
  for (const source of protect.sources) {
    if ((await landingPath(source)) === target)
      throw new UserError(`--zip: ${shown} is a source of this build; name a new file, e.g. ${quote('archive.zip')}`);
  }
  if (!found) return target;
  if (found.isDirectory())
    throw new UserError(`--zip: ${shown} is a folder; name the zip file to write, e.g. ${quote(join(zip, 'archive.zip'))}`);
  const first = (await firstZipEntry(target).catch(() => null))?.split('/');
  if (first?.length !== 2 || first[1] !== ARCHIVE_MARKER) {
    throw new UserError(
      `--zip: ${shown} is a file Papershelf did not make; it replaces only zips it wrote. Name a new file, or move that one away`,
    );
  }
  return target;
}
