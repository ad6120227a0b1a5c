/**
 * The `papers` collection: the paper files of `content/papers/` that carry hand-written notes,
 * handed to Astro's MDX pipeline (`deferredRender`) so the notes render as MDX. Papers without
 * notes are left out: their pages get their data from `getArchive` (src/lib/read-archive.ts
 * says why), so a paper without notes costs no MDX compile, no JS module and no store entry.
 */
import { readdir, readFile } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { hasNotes, splitMdx } from '../pipeline/emit/split-mdx.ts';
import { ARCHIVE_DATA_ENV, type ArchiveData } from '../lib/read-archive.ts';

/** A paper with notes: its front matter and the notes below it. */
interface NotedPaper {
  readonly id: string;
  readonly frontMatter: Record<string, unknown>;
  readonly notes: string;
}

/** A quick test before parsing: text after the front matter's closing line, other than white space. */
function mayHaveNotes(text: string): boolean {
  const close = text.indexOf('\n---\n', 3);
  return close === -1 || /\S/.test(text.slice(close + 5));
}

/** The papers with notes in `folder`, found by reading every file. */
async function scanFolder(folder: string): Promise<NotedPaper[]> {
  const files = (await readdir(folder).catch(() => [] as string[])).filter((name) => name.endsWith('.mdx')).sort();
  const noted: NotedPaper[] = [];
  for (const name of files) {
    const text = await readFile(join(folder, name), 'utf8');
    if (!mayHaveNotes(text)) continue;
    const { frontMatter, notes } = splitMdx(text);
    if (hasNotes(notes)) noted.push({ id: name.slice(0, -'.mdx'.length), frontMatter: frontMatter as Record<string, unknown>, notes });
  }
  return noted;
}

/** The papers with notes of archive data a build already read, with no file read again. */
async function fromArchiveData(file: string): Promise<NotedPaper[]> {
  const data = JSON.parse(await readFile(file, 'utf8')) as ArchiveData;
  const bySlug = new Map(data.papers.map((paper) => [paper.slug, paper]));
  return Object.entries(data.notes).map(([id, notes]) => ({ id, frontMatter: { ...bySlug.get(id) }, notes }));
}

/** Loads paper files from `dir` (absolute, or relative to the project root). */
export function papersLoader({ dir }: { dir: string }): Loader {
  return {
    name: 'papershelf-papers',
    load: async ({ store, parseData, generateDigest, config }) => {
      const root = fileURLToPath(config.root);
      const folder = isAbsolute(dir) ? dir : join(root, dir);
      const dataFile = process.env[ARCHIVE_DATA_ENV];
      const noted = dataFile ? await fromArchiveData(dataFile) : await scanFolder(folder);
      const untouched = new Set(store.keys());
      for (const { id, frontMatter, notes } of noted) {
        untouched.delete(id);
        const digest = generateDigest({ frontMatter, notes });
        if (store.get(id)?.digest === digest) continue;
        const filePath = relative(root, join(folder, `${id}.mdx`));
        const data = await parseData({ id, data: frontMatter, filePath });
        store.set({ id, data, digest, filePath, body: notes, deferredRender: true });
      }
      untouched.forEach((id) => store.delete(id));
    },
  };
}
