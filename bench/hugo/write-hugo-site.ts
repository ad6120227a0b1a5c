/**
 * I/O: turns a content folder our ingest wrote into a Hugo site with the same pages as our
 * archive: the skeleton beside this file (configuration and layouts), our stylesheet and
 * favicon, and one content file per page. Not part of what the benchmark times: it stands
 * for the content a Hugo user would already have.
 */
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { buildArchive } from '../../src/site/archive/build-archive.ts';
import { loadTaxonomies } from '../../src/ingest/enrich/load-taxonomies.ts';
import { splitMdx } from '../../src/ingest/emit/split-mdx.ts';
import { PAPERS_FOLDER, PROJECT_ROOT, TAXONOMY_FILE } from '../../src/settings/project-paths.ts';
import { paperSchema, type Paper } from '../../src/schema/paper.ts';
import { archiveToHugo } from './archive-to-hugo.ts';

const SKELETON = join(import.meta.dirname, 'skeleton');

/** Every paper file of `papersDir`, validated as the content collection validates it. */
async function readPaperFiles(papersDir: string): Promise<Paper[]> {
  const names = (await readdir(papersDir)).filter((name) => name.endsWith('.mdx')).sort();
  return Promise.all(names.map(async (name) => paperSchema.parse(splitMdx(await readFile(join(papersDir, name), 'utf8')).frontMatter)));
}

/** Writes the Hugo site of `contentDir` (holding `papers/` and `taxonomies.yaml`) into `siteDir`, replacing it. Returns the number of papers. */
export async function writeHugoSite(contentDir: string, siteDir: string): Promise<number> {
  const papers = await readPaperFiles(join(contentDir, PAPERS_FOLDER));
  const archive = buildArchive(papers, await loadTaxonomies(join(contentDir, TAXONOMY_FILE)));
  await rm(siteDir, { recursive: true, force: true });
  await cp(SKELETON, siteDir, { recursive: true });
  // The same stylesheet and icon as ours, so pages weigh about the same to a reader.
  await mkdir(join(siteDir, 'static'), { recursive: true });
  await cp(join(PROJECT_ROOT, 'src', 'styles', 'site.css'), join(siteDir, 'static', 'site.css'));
  await cp(join(PROJECT_ROOT, 'public', 'favicon.svg'), join(siteDir, 'static', 'favicon.svg'));
  for (const file of archiveToHugo(archive)) {
    const path = join(siteDir, 'content', file.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.text);
  }
  return papers.length;
}
