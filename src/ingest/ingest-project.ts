/**
 * `papershelf ingest`, and a build with no sources named: the content folder's own sources
 * (`<content>/sources/`, in name order) plus any named on the command line → `<content>/papers/`.
 * Named sources join `<content>/sources/` in the same all-or-nothing step that writes the
 * papers, and the papers are brought in step with everything there. One ingest at a time holds
 * the folder's lock. `--date` applies to the named sources only, and is recorded for them
 * (src/ingest/source-days.ts) so that later runs read them with the same day.
 */
import { mkdir, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { holdLock } from '../fs/hold-lock.ts';
import { displayPath } from '../messages/errors.ts';
import { fileSeen } from './emit/papers-journal.ts';
import { ingestSources, type IngestOptions, type IngestResult } from './ingest-sources.ts';
import type { CompanionFile } from './emit/write-papers.ts';
import { planSources } from './plan-sources.ts';
import { daysByPath, nextSourceDays, readSourceDays, SOURCE_DAYS_FILE, sourceDaysText } from './source-days.ts';

/** How to read the sources. */
export type ReadSettings = Omit<IngestOptions, 'contentDir' | 'companions' | 'sourceNames'>;

/** The sources of `content`, in name order. */
async function contentSources(content: string): Promise<string[]> {
  const dir = join(content, 'sources');
  const names = await readdir(dir).catch(() => [] as string[]);
  return names
    .filter((name) => !name.startsWith('.'))
    .sort()
    .map((name) => join(dir, name));
}

/** Ingests the sources of `content` and `named` into `content`. Call it holding the folder's lock (`withContentLock`). */
export async function ingestProject(content: string, named: readonly string[], options: ReadSettings): Promise<IngestResult> {
  const sourcesDir = join(content, 'sources');
  const plan = planSources(await contentSources(content), named, sourcesDir);
  // Copied by the file system when the change is staged: a large source is never held in memory.
  const seen = new Map(plan.copies.map((copy) => [copy.from, fileSeen(copy.from)]));
  const companions: CompanionFile[] = plan.copies.map((copy) => ({
    target: copy.target,
    copyOf: copy.from,
    seen: seen.get(copy.from) ?? undefined,
  }));
  // `--date` is for the sources named with it; it is recorded beside them for later runs, and
  // the folder's other sources keep their recorded day, or their name's, or none.
  const { date, ...read } = options;
  const recorded = await readSourceDays(sourcesDir);
  const days = nextSourceDays(recorded, named, date, [
    ...plan.files.filter((file) => !seen.has(file)),
    ...plan.copies.map((copy) => copy.target),
  ]);
  if (days.size > 0 || recorded.size > 0) companions.push({ target: join(sourcesDir, SOURCE_DAYS_FILE), bytes: sourceDaysText(days) });
  const fileDates = daysByPath(sourcesDir, days);
  if (date !== undefined) for (const file of named) fileDates.set(resolve(file), date);
  return ingestSources(plan.files, {
    ...read,
    fileDates,
    contentDir: content,
    // The project's archive lasts: every address its papers had keeps a page (content/addresses.yaml).
    keepAddresses: true,
    companions,
    sourceNames: new Map(plan.copies.map((copy) => [copy.from, copy.target])),
  });
}

/** Runs `work` holding the lock of the content folder `content`: one ingest at a time. */
export async function withContentLock<T>(content: string, work: () => Promise<T>): Promise<T> {
  // A new archive's first ingest (or fetch) makes its content folder.
  await mkdir(content, { recursive: true });
  const lock = holdLock(join(content, '.papers-lock'), displayPath(content), `ingesting into ${displayPath(content)}`);
  try {
    return await work();
  } finally {
    lock.release();
  }
}
