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
import { userError } from '../../messages/message.ts';
import {
  OutputHasForeignFiles,
  OutputHoldsHome,
  OutputHoldsProject,
  OutputHoldsSource,
  OutputHoldsWorkingFolder,
  OutputInsideContent,
  OutputInsideProjectFolder,
  OutputIsContent,
  OutputIsFile,
  OutputIsHome,
  OutputIsRoot,
  OutputIsWorkingFolder,
  OutputNotOurs,
  OutputUnmarkedArchive,
  ZipIsFolder,
  ZipIsSource,
  ZipNotOurs,
} from '../../messages/messages.ts';

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
  /** The projects — the archive's root and Papershelf's own folder — each never the output, never inside the output, and their own folders never hold it. */
  readonly projects: readonly string[];
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

/**
 * Checks that a build may write `out` (named by `flag` in messages), and returns the real path
 * it will write. Throws a `UserError` naming the folder and what to do when it may not.
 */
export async function checkOutput(out: string, protect: Protected, flag = '--out'): Promise<string> {
  const target = await landingPath(out);
  const found = await stat(target).catch(() => null);
  if (found && !found.isDirectory()) throw userError(OutputIsFile, flag, out);

  // Folders that hold what the build reads or what the user works in.
  const [home, cwd, content, ...projects] = await Promise.all(
    [protect.home ?? homedir(), protect.cwd ?? process.cwd(), protect.content, ...protect.projects].map(landingPath),
  );
  if (target === parse(target).root) throw userError(OutputIsRoot, flag, out);
  if (within(home!, target)) throw userError(target === home ? OutputIsHome : OutputHoldsHome, flag, out);
  if (within(cwd!, target)) throw userError(target === cwd ? OutputIsWorkingFolder : OutputHoldsWorkingFolder, flag, out);
  if (projects.some((project) => within(project!, target))) throw userError(OutputHoldsProject, flag, out);
  if (within(target, content!) || within(content!, target))
    throw userError(within(target, content!) && target !== content ? OutputInsideContent : OutputIsContent, flag, out, content!);
  for (const project of projects) {
    for (const part of PROJECT_PARTS) {
      if (within(target, join(project!, part))) throw userError(OutputInsideProjectFolder, flag, out, part);
    }
  }
  for (const source of protect.sources) {
    const real = await landingPath(source);
    if (within(real, target)) throw userError(OutputHoldsSource, flag, out, source);
  }

  // A folder that exists must be empty or the archive an earlier build marked, and nothing else.
  if (!found) return target;
  const names = (await readdir(target)).filter((name) => name !== ARCHIVE_MARKER && name !== MARKER_DRAFT);
  if (names.length === 0) return target;
  const marker = await readMarker(target);
  if (!marker) {
    const earlier = names.includes('_astro') && names.includes('index.html');
    throw userError(earlier ? OutputUnmarkedArchive : OutputNotOurs, flag, out, names.sort());
  }
  const made = new Set(marker.entries);
  const foreign = names.filter((name) => !made.has(name)).sort();
  if (foreign.length > 0) throw userError(OutputHasForeignFiles, flag, out, foreign);
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
  for (const source of protect.sources) {
    if ((await landingPath(source)) === target) throw userError(ZipIsSource, zip);
  }
  if (!found) return target;
  if (found.isDirectory()) throw userError(ZipIsFolder, zip);
  const first = (await firstZipEntry(target).catch(() => null))?.split('/');
  if (first?.length !== 2 || first[1] !== ARCHIVE_MARKER) throw userError(ZipNotOurs, zip);
  return target;
}
