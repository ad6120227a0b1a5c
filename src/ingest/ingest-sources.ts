/**
 * `papershelf ingest`: sources → `content/papers/`. Nothing is written unless every entry is
 * valid (or the user chose to skip invalid ones), and the papers folder changes all or nothing.
 * Papers whose files are up to date are neither tagged nor rendered, so re-ingesting a large
 * archive costs little more than reading its sources.
 */
import { join } from 'node:path';
import { collectEntries, hasErrors, type Collected } from './collect-entries.ts';
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

  // 3. Enrich and render the papers whose files are not up to date, and write what changed in
  //    one all-or-nothing step.
  const written = await writePapers(papersDir, papers, existing, {
    version: await emitterVersion(taxonomies),
    taxonomies,
    ...(options.companions ? { companions: options.companions } : {}),
    ...(options.sourceNames ? { sourceNames: options.sourceNames } : {}),
  });
  return { collected, written };
}
