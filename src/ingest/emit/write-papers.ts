/**
 * I/O: brings a papers folder in step with a new set of papers, all or nothing, writing only
 * what changes. A paper whose file the paper index vouches for, rendered from the same inputs,
 * is neither tagged nor rendered again; a render that gives the file's own bytes is not
 * written. New and changed files, removals and companion files make one change, committed by
 * a journal (papers-journal.ts): an interrupted run leaves the folder as it was or finished,
 * and the next run completes or discards what it left.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { displayPath } from '../../messages/errors.ts';
import type { PendingPaper } from '../enrich/enrich-papers.ts';
import { mapInWorkers } from '../../build/workers/worker-pool.ts';
import type { Taxonomy } from '../../schema/taxonomy.ts';
import { type EmitRequest, type EmittedFile } from './emit-papers.ts';
import type { Paper } from '../../schema/paper.ts';
import { identityKey } from '../merge/identity-key.ts';
import { startProgress } from '../../cli/progress.ts';
import { paperDigest } from './paper-digest.ts';
import { fileStamp, removeIndexLeftovers, sameContent, textHash, writeIndex, type IndexRecord } from './paper-index.ts';
import { recoverChange, startChange, type FileSeen } from './papers-journal.ts';
import { sameFiles } from './same-files.ts';
import { hasNotes } from './split-mdx.ts';
import type { ExistingPaper } from './read-papers.ts';
import type { ReadPaper } from '../../site/archive/read-archive.ts';

/** What writing changed. */
export interface WriteSummary {
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
  /** Papers that left the sources but had notes: their files were moved, not deleted. */
  orphanedNotes: string[];
  /**
   * The files this run wrote that hold no notes, by file name, with what reading them gives:
   * a build right after takes them from here instead of parsing them again.
   */
  fresh: Map<string, ReadPaper>;
}

/**
 * Files that belong to the same change as the papers (sources added by `ingest`, notes set
 * aside): given by their bytes, or as a copy of another file — copied by the file system when
 * staged, so a large source is never held in memory (one that cannot be read is copied as empty).
 */
export type CompanionFile =
  | {
      /** Where the file ends up. */
      readonly target: string;
      /** Its bytes. */
      readonly bytes: Uint8Array | string;
    }
  | {
      /** Where the file ends up. */
      readonly target: string;
      /** The file to copy there. */
      readonly copyOf: string;
      /** Its size and modification time when it was read: a copy of anything else is refused. */
      readonly seen?: FileSeen | undefined;
    };

/** Options for writing. */
export interface WriteOptions {
  /** The emitter version (see `emitterVersion`); files rendered under another version are rendered again. */
  readonly version: string;
  readonly companions?: readonly CompanionFile[];
  /** The taxonomies papers are tagged by. */
  readonly taxonomies: readonly Taxonomy[];
  /** How to name a source file in the generated header, when it will live elsewhere (ingest copies sources). */
  readonly sourceNames?: ReadonlyMap<string, string>;
}

/** Finishes or discards a change an earlier run was cut off in. */
export async function recoverPapersFolder(dir: string): Promise<void> {
  recoverChange(dir);
  removeIndexLeftovers(dir);
}

/** Writes `papers` into `dir`, keeping each paper's notes from `existing`. */
export async function writePapers(
  dir: string,
  papers: readonly PendingPaper[],
  existing: ReadonlyMap<string, ExistingPaper>,
  options: WriteOptions,
): Promise<WriteSummary> {
  await recoverPapersFolder(dir);
  try {
    return await stageAndCommit(dir, papers, existing, options);
  } catch (error) {
    // What was staged goes (a change committed before the error is finished instead), so a
    // failed run leaves the folder as it found it, with nothing beside it.
    recoverChange(dir);
    throw error;
  }
}

async function stageAndCommit(
  dir: string,
  papers: readonly PendingPaper[],
  existing: ReadonlyMap<string, ExistingPaper>,
  options: WriteOptions,
): Promise<WriteSummary> {
  const change = startChange(dir);
  /** What the index will know of each file of the folder after the change. */
  const records = new Map<string, IndexRecord>();
  const written: string[] = [];
  /** Papers whose index records hold as they stand: when all do and nothing changed, the index stays as it is. */
  let indexed = 0;

  // 1. Notes follow the paper: found by identity key first (the slug may have changed), then by slug.
  const byKey = new Map<string, ExistingPaper>();
  for (const file of existing.values()) if (file.key) byKey.set(file.key, file);
  const used = new Set<string>();
  const summary: WriteSummary = { added: 0, updated: 0, unchanged: 0, removed: 0, orphanedNotes: [], fresh: new Map() };
  /** The papers written without notes, as their files read back. */
  const emitted = new Map<string, Paper>();
  const sourceName = memo((file: string) => displayPath(options.sourceNames?.get(file) ?? file));

  // 2. Keep the files that are up to date; render the others (on every core), and stage those
  //    that differ.
  const toEmit: { request: EmitRequest; atSlug: ExistingPaper | undefined; previous: ExistingPaper | undefined; digest: string }[] = [];
  for (const pending of papers) {
    const { key, slug, entry, origins } = pending;
    const atSlug = existing.get(slug);
    const previous = byKey.get(key) ?? (atSlug && (atSlug.key === null || atSlug.key === key) ? atSlug : undefined);
    if (previous) used.add(previous.slug);
    const source = origins.map((origin) => `${sourceName(origin.file)}:${origin.line}`).join(', ');
    const digest = paperDigest(options.version, entry, slug, source);
    // Same inputs and the same notes (the file is as it was rendered): same bytes.
    if (atSlug?.record && previous === atSlug && atSlug.record.digest === digest) {
      records.set(slug, { ...atSlug.record, stamp: atSlug.stamp });
      summary.unchanged += 1;
      if (atSlug.indexed) indexed += 1;
      continue;
    }
    toEmit.push({ request: { entry, slug, notes: previous?.notes() ?? '', source }, atSlug, previous, digest });
  }
  const progress = startProgress('Writing papers', toEmit.length);
  /** Stages the file of `toEmit[index]`, unless it holds what is there already. */
  const take = (index: number, { text, paper }: EmittedFile) => {
    const { request, atSlug, previous, digest } = toEmit[index]!;
    const { slug } = request;
    const record = { key: identityKey(request.entry), digest, hash: textHash(text) };
    if (atSlug && atSlug.text() === text) {
      records.set(slug, { ...record, stamp: atSlug.stamp });
      summary.unchanged += 1;
      return;
    }
    records.set(slug, { ...record, stamp: change.writePaper(`${slug}.mdx`, text) });
    written.push(slug);
    if (paper) emitted.set(slug, paper);
    if (previous) summary.updated += 1;
    else summary.added += 1;
  };
  // Files are staged as their chunks come back, in order, while the threads render the next ones.
  await mapInWorkers(
    toEmit.map((item) => item.request),
    {
      task: 'emit',
      shared: { taxonomies: options.taxonomies },
      chunkSize: 250,
      onProgress: (done) => progress.tick(done),
      onAnswers: (start, files) => files.forEach((file, offset) => take(start + offset, file)),
    },
  );

  progress.finish();

  // 3. Companion files join the change (unless already in place); papers that left the
  //    sources lose their files, and hand-written notes are set aside.
  for (const companion of options.companions ?? []) {
    if (!('copyOf' in companion)) {
      if (!holds(companion.target, companion.bytes)) change.addFile(companion.target, companion.bytes);
    } else if (!sameFiles(companion.target, companion.copyOf)) {
      change.copyFile(companion.target, companion.copyOf, companion.seen);
    }
  }
  for (const file of existing.values()) {
    if (!records.has(file.slug)) change.removePaper(`${file.slug}.mdx`);
    if (used.has(file.slug)) continue;
    summary.removed += 1;
    if (hasNotes(file.notes())) {
      const kept = join(dirname(dir), 'orphaned-notes', `${file.slug}.mdx`);
      change.addFile(kept, file.text());
      summary.orphanedNotes.push(kept);
    }
  }

  // 4. Commit the change and carry it out.
  const commit = !change.empty || !existsSync(dir);
  if (commit) change.commit();

  // 5. Record what each file was rendered from, for the next run. Moving a file into place
  //    changed its change time; a file whose content changed meanwhile (an edit during the run)
  //    gets no record. The index is written again when any record changed, stamps included.
  for (const slug of written) {
    const record = records.get(slug)!;
    const stamp = fileStamp(join(dir, `${slug}.mdx`));
    if (stamp === null || !sameContent(stamp, record.stamp)) {
      records.delete(slug);
      continue;
    }
    records.set(slug, { ...record, stamp });
    const paper = emitted.get(slug);
    const stats = paper && statSync(join(dir, `${slug}.mdx`), { throwIfNoEntry: false });
    if (paper && stats) summary.fresh.set(`${slug}.mdx`, { size: stats.size, mtimeMs: stats.mtimeMs, paper, notes: null });
  }
  if (commit || indexed < records.size) writeIndex(dir, records);
  return summary;
}

/** True when the file `path` holds exactly `bytes`. */
function holds(path: string, bytes: Uint8Array | string): boolean {
  try {
    return readFileSync(path).equals(typeof bytes === 'string' ? Buffer.from(bytes) : bytes);
  } catch {
    return false;
  }
}

/** `fn` remembering its answers (for the few source files thousands of papers name). */
function memo<T>(fn: (input: string) => T): (input: string) => T {
  const answers = new Map<string, T>();
  return (input) => {
    if (!answers.has(input)) answers.set(input, fn(input));
    return answers.get(input)!;
  };
}
