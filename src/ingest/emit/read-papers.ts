/**
 * I/O: the paper files already in a papers folder, for their notes and their slugs. A file the
 * paper index vouches for by its stamp (see paper-index.ts) is not even opened: its key and the
 * inputs it was rendered from come from the index, and its text is read only if needed. A file
 * whose bytes still hash as the index says is known as well, once read. Any other file has its
 * front matter parsed in full, as the index cannot say what is in it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { paperSchema } from '../../schema/paper.ts';
import { identityKey } from '../merge/identity-key.ts';
import { fileStamp, readIndex, stampVouches, textHash, type IndexRecord } from './paper-index.ts';
import { cutMdx, splitMdx } from './split-mdx.ts';

/** A paper file on disk. */
export interface ExistingPaper {
  readonly slug: string;
  /** The identity key its front matter describes, or null when the front matter is not a valid paper. */
  readonly key: string | null;
  /** What the index knows of the file, when the file is as the index says; else null. */
  readonly record: IndexRecord | null;
  /** True when the index needs no update for this file: its record holds, stamp included. */
  readonly indexed: boolean;
  /** The file's stamp, taken before anything was read of it (see `fileStamp`). */
  readonly stamp: string;
  /** The file's text (read on first use). */
  text(): string;
  /** The notes below its front matter, byte for byte. */
  notes(): string;
}

/** Reads every `<slug>.mdx` in `dir`; a missing folder is an empty archive. */
export async function readPapers(dir: string): Promise<Map<string, ExistingPaper>> {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw error;
  }
  const index = readIndex(dir);
  const papers = new Map<string, ExistingPaper>();
  for (const name of names.filter((file) => file.endsWith('.mdx')).sort()) {
    const path = join(dir, name);
    const slug = name.slice(0, -'.mdx'.length);
    // The stamp comes first: a file changed after it was read then no longer matches it.
    const stamp = fileStamp(path) ?? '';
    const record = index.records.get(slug);
    if (record && stampVouches(index, record, stamp)) {
      let text: string | undefined;
      const read = () => (text ??= readFileSync(path, 'utf8'));
      papers.set(slug, { slug, key: record.key, record, indexed: true, stamp, text: read, notes: () => cutMdx(read()).notes });
      continue;
    }
    const text = readFileSync(path, 'utf8');
    if (record && textHash(text) === record.hash) {
      papers.set(slug, { slug, key: record.key, record, indexed: false, stamp, text: () => text, notes: () => cutMdx(text).notes });
      continue;
    }
    const { frontMatter, notes } = splitMdx(text);
    const parsed = paperSchema.safeParse(frontMatter);
    const key = parsed.success ? identityKey(parsed.data) : null;
    papers.set(slug, { slug, key, record: null, indexed: false, stamp, text: () => text, notes: () => notes });
  }
  return papers;
}
