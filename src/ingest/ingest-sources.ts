/**
 * `papershelf ingest`: sources → `content/papers/`. Nothing is written unless every entry is
 * valid (or the user chose to skip invalid ones), and the papers folder changes all or nothing.
 * Papers whose files are up to date are neither tagged nor rendered, so re-ingesting a large
 * archive costs little more than reading its sources.
 */
import { join } from 'node:path';
import { collectEntries, hasErrors, type Collected } from './collect-entries.ts';
import { followKeys, trackAddresses } from './addresses/track-addresses.ts';
import { sortProblems } from '../messages/errors.ts';
import { planPapers } from './enrich/enrich-papers.ts';
import { loadTaxonomies } from './enrich/load-taxonomies.ts';
import { emitterVersion } from './emit/emitter-version.ts';
import { readPapers } from './emit/read-papers.ts';
import { recoverPapersFolder, writePapers, type WriteOptions, type WriteSummary } from './emit/write-papers.ts';
import type { ReadOptions } from './parse/read-sources.ts';
import { PAPERS_FOLDER, TAXONOMY_FILE } from '../settings/project-paths.ts';

/** Options for an ingest. */
export interface IngestOptions extends ReadOptions {
  /** The content folder to write into (it holds `taxonomies.yaml` and `papers/`). */
  readonly contentDir: string;
  /** The taxonomy file; default `<contentDir>/taxonomies.yaml`. */
  readonly taxonomyFile?: string | undefined;
  /** Build the valid entries even when others are invalid. Default false: any invalid entry stops the run. */
  readonly skipInvalid?: boolean | undefined;
  /** Files written in the same all-or-nothing step as the papers. */
  readonly companions?: WriteOptions['companions'];
  /** Names sources by where they will live, in the generated headers. */
  readonly sourceNames?: WriteOptions['sourceNames'];
  /**
   * Keep every address a paper had (`<contentDir>/addresses.yaml`): papers that move leave a
   * redirect, papers that leave a page saying so, and a paper's notes follow it to a new
   * identity key. Default false: a build of named sources is the archive of exactly those sources.
   */
  readonly keepAddresses?: boolean | undefined;
  /** The day papers that leave the sources are recorded as removed in the address history (YYYY-MM-DD); default today, in UTC. */
  readonly today?: string | undefined;
}

/** The outcome: what was found and, when anything was written, what changed. */
export interface IngestResult {
  readonly collected: Collected;
  /** Null when nothing was written because of errors. */
  readonly written: WriteSummary | null;
}

/** Ingests `files` into `options.contentDir`. */
export async function ingestSources(files: readonly string[], options: IngestOptions): Promise<IngestResult> {
  // 1. Read, validate and merge; stop before writing anything if an entry is invalid.
  const collected = await collectEntries(files, options);
  if (hasErrors(collected.problems) && !options.skipInvalid) return { collected, written: null };

  // 2. Give every paper its slug, keeping the slugs papers already have (after finishing or
  //    discarding a change an earlier run was cut off in, so no paper file is missed).
  const papersDir = join(options.contentDir, PAPERS_FOLDER);
  await recoverPapersFolder(papersDir);
  const [taxonomies, existing] = await Promise.all([
    loadTaxonomies(options.taxonomyFile ?? join(options.contentDir, TAXONOMY_FILE)),
    readPapers(papersDir),
  ]);
  const previousSlugs = new Map([...existing.values()].flatMap((file) => (file.key ? [[file.key, file.slug] as const] : [])));
  const papers = planPapers(collected.merged, { taxonomies, previousSlugs });

  // 3. Every address a paper had keeps leading somewhere: a file follows its paper to a new key
  //    (an arXiv id arrived; its notes go with it), and the address history records the
  //    addresses that moved and the papers that left.
  const followed = options.keepAddresses ? followKeys(existing, collected.merged) : existing;
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const addresses = options.keepAddresses ? trackAddresses(options.contentDir, followed, papers, today) : { companion: null, problems: [] };

  // 4. Enrich and render the papers whose files are not up to date, and write what changed
  //    (the address history with it) in one all-or-nothing step.
  const companions = [...(options.companions ?? []), ...(addresses.companion ? [addresses.companion] : [])];
  const written = await writePapers(papersDir, papers, followed, {
    version: await emitterVersion(taxonomies),
    taxonomies,
    companions,
    ...(options.sourceNames ? { sourceNames: options.sourceNames } : {}),
  });
  const problems = addresses.problems.length > 0 ? sortProblems(collected.problems.concat(addresses.problems)) : collected.problems;
  return { collected: { ...collected, problems }, written };
}
