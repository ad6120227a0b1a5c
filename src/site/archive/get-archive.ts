/**
 * The archive for a run without a render plan (a plain `astro build`, `astro dev`; see
 * src/build/render/render-plan.ts), computed once: every page asks for it, and reading the whole
 * archive per page would make the build quadratic in the number of papers.
 */
import { getEntry } from 'astro:content';
import { buildArchive, type Archive } from './build-archive.ts';
import { astroSettings } from '../../build/render/astro-boundary.ts';
import { readArchiveData } from './read-archive.ts';

let archive: Promise<Archive> | undefined;

/** The archive of all papers, shared by every page of the build. */
export function getArchive(): Promise<Archive> {
  archive ??= readArchiveData(astroSettings().content).then((data) => buildArchive(data.papers, data.definitions, data.related));
  return archive;
}

/** The collection entry of a paper that has notes (only those are in the collection), for rendering them. */
export async function getNotesEntry(slug: string) {
  const entry = await getEntry('papers', slug);
  return entry?.body ? entry : undefined;
}
