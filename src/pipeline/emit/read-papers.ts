/** I/O: the paper files already in a papers folder, for their notes and their slugs. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { paperSchema } from '../../schema/paper.ts';
import { identityKey } from '../merge/identity-key.ts';
import { splitMdx } from './split-mdx.ts';

/** A paper file on disk. */
export interface ExistingPaper {
  readonly slug: string;
  readonly text: string;
  readonly notes: string;
  /** The identity key its front matter describes, or null when the front matter is not a valid paper. */
  readonly key: string | null;
}

/** Reads every `<slug>.mdx` in `dir`; a missing folder is an empty archive. */
export async function readPapers(dir: string): Promise<Map<string, ExistingPaper>> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  const papers = new Map<string, ExistingPaper>();
  for (const name of names.filter((file) => file.endsWith('.mdx')).sort()) {
    const text = await readFile(join(dir, name), 'utf8');
    const { frontMatter, notes } = splitMdx(text);
    const parsed = paperSchema.safeParse(frontMatter);
    const slug = name.slice(0, -'.mdx'.length);
    papers.set(slug, { slug, text, notes, key: parsed.success ? identityKey(parsed.data) : null });
  }
  return papers;
}
