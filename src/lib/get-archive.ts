/**
 * The archive for this build, computed once: every page asks for it, and reading the whole
 * collection per page would make the build quadratic in the number of papers.
 */
import { getCollection, getEntry } from 'astro:content';
import { buildArchive, type Archive } from './build-archive.ts';

let archive: Promise<Archive> | undefined;

/** The archive of all papers, shared by every page of the build. */
export function getArchive(): Promise<Archive> {
  archive ??= (async () => {
    const [papers, taxonomies] = await Promise.all([getCollection('papers'), getCollection('taxonomies')]);
    const definitions = taxonomies.sort((a, b) => a.data.order - b.data.order).map((entry) => entry.data);
    return buildArchive(papers.map((entry) => entry.data), definitions);
  })();
  return archive;
}

/** The collection entry of a paper that has notes (only those carry a body), for rendering them. */
export async function getNotesEntry(slug: string) {
  const entry = await getEntry('papers', slug);
  return entry?.body ? entry : undefined;
}
