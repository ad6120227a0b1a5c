/**
 * The ingest's part in keeping addresses: paper files follow their paper to a new identity key
 * (succeed-papers.ts), so their notes go with it; then the address history gains the addresses
 * that moved and the papers that left, and joins the papers' all-or-nothing change as a
 * companion file. Reads the history file; writes nothing itself.
 */
import { join } from 'node:path';
import type { Problem } from '../../messages/errors.ts';
import type { MergedEntry } from '../merge/merge-duplicates.ts';
import type { ExistingPaper } from '../emit/read-papers.ts';
import { splitMdx } from '../emit/split-mdx.ts';
import { ADDRESS_FILE, formatAddresses } from './address-file.ts';
import { readAddresses } from './read-addresses.ts';
import { succeedPapers } from './succeed-papers.ts';
import { updateAddresses } from './update-addresses.ts';

/** The paper files of `existing`, each under the key its paper has now when that key changed (an id arrived). */
export function followKeys(existing: ReadonlyMap<string, ExistingPaper>, merged: readonly MergedEntry[]): Map<string, ExistingPaper> {
  const keys = [...existing.values()].flatMap((file) => (file.key ? [file.key] : []));
  const successors = succeedPapers(keys, merged);
  return new Map(
    [...existing].map(([slug, file]) => {
      const key = file.key && successors.get(file.key);
      return [slug, key ? { ...file, key } : file];
    }),
  );
}

/** The history file after this ingest, as a file of the change (null when there is no history and no file), and its warnings. */
export function trackAddresses(
  contentDir: string,
  existing: ReadonlyMap<string, ExistingPaper>,
  papers: readonly { readonly key: string; readonly slug: string }[],
  today: string,
): { companion: { target: string; bytes: string } | null; problems: Problem[] } {
  const read = readAddresses(contentDir);
  const slugOf = new Map(papers.map((paper) => [paper.key, paper.slug]));
  const moved = new Map<string, string>();
  const left = new Map<string, string>();
  for (const file of existing.values()) {
    const now = file.key === null ? undefined : slugOf.get(file.key);
    if (now !== undefined) {
      if (now !== file.slug) moved.set(file.slug, now);
      continue;
    }
    // A paper that left: its title, read from its file (few leave at once).
    const title = titleOf(file);
    if (title) left.set(file.slug, title);
  }
  const current = new Set(papers.map((paper) => paper.slug));
  const { history, problems } = updateAddresses({ ...read, previous: read.history, moved, left, current, today });
  if (history.size === 0 && !read.exists) return { companion: null, problems };
  return { companion: { target: join(contentDir, ADDRESS_FILE), bytes: formatAddresses(history) }, problems };
}

/** The title in a paper file's front matter, or null when it has none. */
function titleOf(file: ExistingPaper): string | null {
  try {
    const { frontMatter } = splitMdx(file.text());
    const title = (frontMatter as { title?: unknown } | null)?.title;
    return typeof title === 'string' && title.trim() !== '' ? title : null;
  } catch {
    return null;
  }
}
