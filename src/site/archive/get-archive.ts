/**
 * The archive for `astro dev`, which renders without a render plan (src/build/render/render-plan.ts):
 * read once, since every page asks for it and reading the whole archive per page would make
 * the work quadratic in the number of papers. Only src/site/pages/page-data.ts reads it; a page
 * gets its share as props.
 */
import { buildArchive, type Archive } from './build-archive.ts';
import { astroSettings } from '../../build/render/astro-boundary.ts';
import { readArchiveData } from './read-archive.ts';

let archive: Promise<Archive> | undefined;

/** The archive of all papers, shared by every page of the build. */
export function getArchive(): Promise<Archive> {
  archive ??= astroSettings()
    .then((settings) => readArchiveData(settings.content, undefined, undefined, settings.taxonomies))
    .then((data) => buildArchive(data.papers, data.definitions, data.related, data.addresses, data.notes));
  return archive;
}
