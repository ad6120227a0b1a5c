/**
 * I/O: replaces a papers folder with a new set of papers, all or nothing. The new folder is
 * assembled beside the old one (unchanged files are hard-linked, not copied) and swapped in
 * with two renames, so an interrupted run leaves the previous folder in place — and the next
 * run finishes or undoes whatever an interrupted run left.
 */
import { link, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { displayPath } from '../errors.ts';
import type { EnrichedPaper } from '../enrich/enrich-papers.ts';
import { startProgress } from '../progress.ts';
import { paperToMdx } from './paper-to-mdx.ts';
import { hasNotes } from './split-mdx.ts';
import type { ExistingPaper } from './read-papers.ts';
import { exists } from '../../fs/exists.ts';

/** What writing changed. */
export interface WriteSummary {
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
  /** Papers that left the sources but had notes: their files were moved, not deleted. */
  orphanedNotes: string[];
}

/**
 * Files that belong to the same change as the papers (sources added by `ingest`, notes set
 * aside): staged beside the new folder and moved into place only once the swap is done.
 */
export interface CompanionFile {
  /** Where the file ends up. */
  readonly target: string;
  /** Its bytes. */
  readonly bytes: Uint8Array | string;
}

/** Options for writing. */
export interface WriteOptions {
  readonly companions?: readonly CompanionFile[];
  /** How to name a source file in the generated header, when it will live elsewhere (ingest copies sources). */
  readonly sourceNames?: ReadonlyMap<string, string>;
}

/** The folders one write uses beside `dir`. */
function workFolders(dir: string) {
  const parent = dirname(dir);
  const name = basename(dir);
  return { staging: join(parent, `.${name}-new`), old: join(parent, `.${name}-old`), pending: join(parent, `.${name}-companions`) };
}

/** Moves staged companion files into place (the swap they belong to has happened). */
async function placeCompanions(pending: string): Promise<void> {
  const manifest = JSON.parse(await readFile(join(pending, 'manifest.json'), 'utf8')) as string[];
  for (const [index, target] of manifest.entries()) {
    await mkdir(dirname(target), { recursive: true });
    await rename(join(pending, String(index)), target);
  }
  await rm(pending, { recursive: true, force: true });
}

/**
 * Finishes or undoes a write an earlier run was cut off in. The new folder still exists only
 * when the swap did not happen: then the old folder is put back and the companions dropped;
 * otherwise the companions are moved into place.
 */
export async function recoverPapersFolder(dir: string): Promise<void> {
  const { staging, old, pending } = workFolders(dir);
  if (await exists(old)) {
    if (await exists(dir)) await rm(old, { recursive: true, force: true });
    else await rename(old, dir);
  }
  if (await exists(pending)) {
    if ((await exists(staging)) || !(await exists(join(pending, 'manifest.json')))) await rm(pending, { recursive: true, force: true });
    else await placeCompanions(pending);
  }
  await rm(staging, { recursive: true, force: true });
}

/** Writes `papers` into `dir`, keeping each paper's notes from `existing`. */
export async function writePapers(
  dir: string,
  papers: readonly EnrichedPaper[],
  existing: ReadonlyMap<string, ExistingPaper>,
  options: WriteOptions = {},
): Promise<WriteSummary> {
  await recoverPapersFolder(dir);
  const { staging, old, pending } = workFolders(dir);
  await mkdir(staging, { recursive: true });
  const companions: CompanionFile[] = [...(options.companions ?? [])];

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
    const source = origins.map((origin) => `${displayPath(options.sourceNames?.get(origin.file) ?? origin.file)}:${origin.line}`).join(', ');
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
      companions.push({ target: kept, bytes: file.text });
      summary.orphanedNotes.push(kept);
    }
  }

  // 4. Stage the companions, swap with two renames, then place the companions.
  if (companions.length > 0) {
    await mkdir(pending, { recursive: true });
    for (const [index, companion] of companions.entries()) await writeFile(join(pending, String(index)), companion.bytes);
    await writeFile(join(pending, 'manifest.json'), JSON.stringify(companions.map((companion) => companion.target)));
  }
  if (await exists(dir)) await rename(dir, old);
  await rename(staging, dir);
  if (companions.length > 0) await placeCompanions(pending);
  await rm(old, { recursive: true, force: true });
  return summary;
}
