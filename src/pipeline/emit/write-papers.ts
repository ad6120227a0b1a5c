/**
 * I/O: replaces a papers folder with a new set of papers, all or nothing. The new folder is
 * assembled beside the old one (unchanged files are hard-linked, not copied) and swapped in
 * with two renames, so an interrupted run leaves the previous folder in place — and the next
 * run finishes or undoes a swap that was cut off between the renames.
 */
import { link, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { displayPath } from '../errors.ts';
import type { EnrichedPaper } from '../enrich/enrich-papers.ts';
import { startProgress } from '../progress.ts';
import { paperToMdx } from './paper-to-mdx.ts';
import { hasNotes } from './split-mdx.ts';
import type { ExistingPaper } from './read-papers.ts';

/** What writing changed. */
export interface WriteSummary {
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
  /** Papers that left the sources but had notes: their files were moved, not deleted. */
  orphanedNotes: string[];
}

const exists = (path: string) => stat(path).then(() => true, () => false);

/** Puts back a folder left half-swapped by an interrupted run. */
export async function recoverPapersFolder(dir: string): Promise<void> {
  const old = join(dirname(dir), `.${basename(dir)}-old`);
  if (!(await exists(old))) return;
  if (await exists(dir)) await rm(old, { recursive: true, force: true });
  else await rename(old, dir);
}

/** Writes `papers` into `dir`, keeping each paper's notes from `existing`. */
export async function writePapers(
  dir: string,
  papers: readonly EnrichedPaper[],
  existing: ReadonlyMap<string, ExistingPaper>,
): Promise<WriteSummary> {
  await recoverPapersFolder(dir);
  const staging = join(dirname(dir), `.${basename(dir)}-new`);
  const old = join(dirname(dir), `.${basename(dir)}-old`);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });

  // 1. Notes follow the paper: found by identity key first (the slug may have changed), then by slug.
  const byKey = new Map<string, ExistingPaper>();
  for (const file of existing.values()) if (file.key) byKey.set(file.key, file);
  const used = new Set<string>();
  const summary: WriteSummary = { added: 0, updated: 0, unchanged: 0, removed: 0, orphanedNotes: [] };

  // 2. Assemble the new folder.
  const progress = startProgress('Writing papers', papers.length);
  for (const [index, { key, paper, origins }] of papers.entries()) {
    progress.tick(index);
    const atSlug = existing.get(paper.slug);
    const previous = byKey.get(key) ?? (atSlug && (atSlug.key === null || atSlug.key === key) ? atSlug : undefined);
    if (previous) used.add(previous.slug);
    const source = origins.map((origin) => `${displayPath(origin.file)}:${origin.line}`).join(', ');
    const text = paperToMdx(paper, previous?.notes ?? '', source);
    const target = join(staging, `${paper.slug}.mdx`);
    if (atSlug && atSlug.text === text) {
      await link(join(dir, `${paper.slug}.mdx`), target);
      summary.unchanged += 1;
    } else {
      await writeFile(target, text);
      if (previous) summary.updated += 1;
      else summary.added += 1;
    }
  }

  progress.finish();

  // 3. Papers that left the sources lose their files; hand-written notes are kept aside.
  for (const file of existing.values()) {
    if (used.has(file.slug)) continue;
    summary.removed += 1;
    if (hasNotes(file.notes)) {
      const kept = join(dirname(dir), 'orphaned-notes', `${file.slug}.mdx`);
      await mkdir(dirname(kept), { recursive: true });
      await writeFile(kept, file.text);
      summary.orphanedNotes.push(kept);
    }
  }

  // 4. Swap: two renames, then the old folder goes.
  if (await exists(dir)) await rename(dir, old);
  await rename(staging, dir);
  await rm(old, { recursive: true, force: true });
  return summary;
}
