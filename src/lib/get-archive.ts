/**
 * The archive for this build, computed once: every page asks for it, and reading the whole
 * archive per page would make the build quadratic in the number of papers. `papershelf build`
 * reads the content once and hands every Astro process the result as a file
 * (`PAPERSHELF_ARCHIVE_DATA`); a plain `astro build` reads the content folder itself.
 */
import { readFile } from 'node:fs/promises';
import { getEntry } from 'astro:content';
import { buildArchive, type Archive } from './build-archive.ts';
import { contentDir } from './content-dir.ts';
import { ARCHIVE_DATA_ENV, readArchiveData, type ArchiveData } from './read-archive.ts';

let archive: Promise<Archive> | undefined;

/** The archive of all papers, shared by every page of the build. */
export function getArchive(): Promise<Archive> {
  archive ??= (async () => {
    const file = process.env[ARCHIVE_DATA_ENV];
    const data = file ? (JSON.parse(await readFile(file, 'utf8')) as ArchiveData) : await readArchiveData(contentDir());
    return buildArchive(data.papers, data.definitions, data.related);
  })();
  return archive;
}

/** The collection entry of a paper that has notes (only those are in the collection), for rendering them. */
export async function getNotesEntry(slug: string) {
  const entry = await getEntry('papers', slug);
  return entry?.body ? entry : undefined;
}
