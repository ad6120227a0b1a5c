/**
 * I/O: a zip of a folder, for handing a portable archive around as one file. Entries sit
 * under one top folder named after the zip (`papers.zip` → `papers/index.html`), so
 * unpacking never scatters files into the current folder. The zip is written beside its
 * destination and renamed into place, so a failure never leaves half a zip behind; entries
 * are sorted and dated alike, so the same folder always gives the same bytes.
 */
import { open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { listFiles } from '../fs/list-files.ts';
import { ARCHIVE_MARKER } from '../build/publish/output-folder.ts';

/** Files compressed already (the archive's download): stored as they are, as deflating them again only costs time. */
const COMPRESSED = /\.gz$/;

/** Every entry's date: fixed, so that zips are reproducible. */
const MTIME = new Date('2000-01-01T00:00:00Z');

/** The top folder inside the zip written to `file`. */
export const zipFolderName = (file: string): string => basename(file).replace(/\.zip$/i, '') || 'archive';

/** Writes every file under `dir` into the zip `file`; returns the number of files. */
export async function writeZip(dir: string, file: string): Promise<number> {
  // The archive's marker first: a later build knows a zip of its own by its first entry.
  const files = (await listFiles(dir)).sort((a, b) => Number(b === ARCHIVE_MARKER) - Number(a === ARCHIVE_MARKER));
  const top = zipFolderName(file);
  const temporary = join(dirname(file), `.${basename(file)}-${process.pid}.tmp`);
  const handle = await open(temporary, 'wx');
  try {
    // fflate's ZipDeflate works synchronously: pushing a file's bytes emits all of its
    // compressed chunks before push() returns, so they are written out file by file.
    const chunks: Uint8Array[] = [];
    let failure: Error | null = null;
    const zip = new Zip((error, chunk) => {
      if (error) failure = error;
      else chunks.push(chunk);
    });
    const flush = async () => {
      if (failure) throw failure;
      for (const chunk of chunks.splice(0)) await handle.write(chunk);
    };
    for (const path of files) {
      const name = `${top}/${path}`;
      const entry = COMPRESSED.test(path) ? new ZipPassThrough(name) : new ZipDeflate(name, { level: 6 });
      entry.mtime = MTIME;
      zip.add(entry);
      entry.push(await readFile(join(dir, path)), true);
      await flush();
    }
    zip.end();
    await flush();
    await handle.close();
    await rename(temporary, file);
    return files.length;
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(temporary, { force: true });
    throw error;
  }
}
