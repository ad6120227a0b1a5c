/**
 * The `papers` collection: one entry per `content/papers/<slug>.mdx`. Front matter is read
 * here with the same YAML rules the emitter wrote it with. Only files whose notes hold text
 * are handed to Astro's MDX pipeline (`deferredRender`); the rest are data alone, so a paper
 * without notes costs no MDX compile and no JS module.
 */
import { readdir, readFile } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { hasNotes, splitMdx } from '../pipeline/emit/split-mdx.ts';

/** Loads paper files from `dir` (absolute, or relative to the project root). */
export function papersLoader({ dir }: { dir: string }): Loader {
  return {
    name: 'papershelf-papers',
    load: async ({ store, parseData, generateDigest, config }) => {
      const root = fileURLToPath(config.root);
      const folder = isAbsolute(dir) ? dir : join(root, dir);
      const files = (await readdir(folder).catch(() => [] as string[])).filter((name) => name.endsWith('.mdx')).sort();
      const untouched = new Set(store.keys());
      for (const name of files) {
        const absolute = join(folder, name);
        const text = await readFile(absolute, 'utf8');
        const id = name.slice(0, -'.mdx'.length);
        untouched.delete(id);
        const digest = generateDigest(text);
        if (store.get(id)?.digest === digest) continue;
        const { frontMatter, notes } = splitMdx(text);
        const filePath = relative(root, absolute);
        const data = await parseData({ id, data: frontMatter as Record<string, unknown>, filePath });
        store.set(
          hasNotes(notes)
            ? { id, data, digest, filePath, body: notes, deferredRender: true }
            : { id, data, digest, filePath },
        );
      }
      untouched.forEach((id) => store.delete(id));
    },
  };
}
