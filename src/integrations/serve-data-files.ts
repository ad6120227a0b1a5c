/**
 * `astro dev`: the data files — term feeds, citation files, sitemaps — and the archive's
 * download, which have no Astro routes (the build writes them itself, src/build/data-files/ and
 * src/build/dataset/), answered with the same bytes the build writes, made from the content
 * folder as it is at the request.
 */
import { datasetGzip } from '../build/dataset/write-dataset.ts';
import { buildArchive } from '../site/archive/build-archive.ts';
import { DATASET_FILE } from '../site/formats/archive-dataset.ts';
import { readArchiveData } from '../site/archive/read-archive.ts';
import { dataFileType, isFileKind, pageFileText } from '../site/pages/page-files.ts';
import { dataPages, DATA_PAGE_KINDS, pageFile } from '../site/pages/site-pages.ts';
import { useBase } from '../site/urls.ts';

/** A data file's media type and text (bytes, for the download). */
export interface DataFile {
  readonly type: string;
  readonly text: string | Uint8Array;
}

/** The data file at `pathname` (under `base`) of the archive in `content`, for the site `site`; null when there is none. */
export async function dataFileAt(
  pathname: string,
  content: string,
  settings: { site: string; base: string; title: string; taxonomies: string },
): Promise<DataFile | null> {
  if (!pathname.startsWith(settings.base)) return null;
  const path = decodeURIComponent(pathname.slice(settings.base.length));
  useBase(settings.base);
  const read = await readArchiveData(content, undefined, undefined, settings.taxonomies);
  const archive = buildArchive(read.papers, read.definitions, undefined, read.addresses, read.notes);
  if (path === DATASET_FILE) {
    const chunks: Uint8Array[] = [];
    for await (const chunk of datasetGzip(archive.papers, new URL(settings.base, settings.site).href)) chunks.push(chunk);
    return { type: 'application/gzip', text: Buffer.concat(chunks) };
  }
  const kinds = DATA_PAGE_KINDS.filter(isFileKind);
  // A folder's address (`papers/<old slug>/`) asks for its index.html: the page a former address keeps.
  const page = dataPages(archive, kinds, settings.title).find((candidate) => pageFile(candidate.path) === pageFile(path));
  if (!page || !isFileKind(page.kind)) return null;
  return { type: dataFileType(page.kind), text: pageFileText(page.kind, page.props, new URL(settings.site)) };
}
