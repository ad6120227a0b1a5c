/**
 * What a run did, once as data: the summary line on standard output and `--report <file>.json`
 * are both made from this, so they can never disagree.
 */
import type { BuildStats } from '../build/build.ts';
import { rename, writeFile } from 'node:fs/promises';
import type { Collected } from '../ingest/collect-entries.ts';
import type { WriteSummary } from '../ingest/emit/write-papers.ts';
import { displayPath, type Problem } from '../messages/errors.ts';
import type { Stage } from '../build/stage-clock.ts';

/** Counts of one run. `added`, `updated`, `unchanged` and `removed` are null when nothing was written. */
export interface RunSummary {
  readonly read: number;
  readonly added: number | null;
  readonly updated: number | null;
  readonly unchanged: number | null;
  readonly removed: number | null;
  readonly duplicatesMerged: number;
  readonly invalid: number;
  readonly warnings: number;
}

/** Counts from what was collected and, when anything was written, what changed. */
export function summarize(collected: Collected, written: WriteSummary | null): RunSummary {
  return {
    read: collected.read,
    added: written?.added ?? null,
    updated: written?.updated ?? null,
    unchanged: written?.unchanged ?? null,
    removed: written?.removed ?? null,
    duplicatesMerged: collected.duplicates,
    invalid: collected.invalid,
    warnings: collected.problems.filter((problem) => problem.severity === 'warning').length,
  };
}

/** The one summary line: `30 entries read, 30 added, 0 updated, 0 unchanged, 0 duplicates merged, 0 invalid`. */
export function summaryLine(summary: RunSummary): string {
  const parts = [`${summary.read} entries read`];
  if (summary.added !== null) parts.push(`${summary.added} added`, `${summary.updated} updated`, `${summary.unchanged} unchanged`);
  if (summary.removed) parts.push(`${summary.removed} removed`);
  parts.push(`${summary.duplicatesMerged} duplicates merged`, `${summary.invalid} invalid`);
  if (summary.warnings > 0) parts.push(`${summary.warnings} warnings`);
  return parts.join(', ');
}

/** The line `build` prints before the summary: what was built, and how much of it anew. */
export function buildLine(out: string, stats: BuildStats): string {
  const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
  return (
    `Built ${displayPath(out)}: ${count(stats.pages, 'page', 'pages')} (${stats.rendered.toLocaleString('en-US')} rendered, ` +
    `${(stats.pages - stats.rendered).toLocaleString('en-US')} unchanged); search: ${count(stats.bundles, 'bundle', 'bundles')} ` +
    `(${stats.bundlesIndexed.toLocaleString('en-US')} indexed)`
  );
}

/** Writes the report as JSON (complete or not at all: written beside the target, then renamed). */
export async function writeReport(
  path: string,
  command: string,
  summary: RunSummary,
  problems: readonly Problem[],
  stages: readonly Stage[] = [],
  build: BuildStats | null = null,
): Promise<void> {
  const report = {
    command,
    /** Stages of the run with their start and end (ms since the epoch). */
    stages,
    /** For `build`: pages and search bundles, and how many of each this run made anew. */
    build,
    ok: !problems.some((problem) => problem.severity === 'error') || summary.added !== null,
    summary,
    problems: problems.map((problem) => ({ ...problem, file: displayPath(problem.file) })),
  };
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(report, null, 2)}\n`, { flag: 'wx' });
  await rename(temporary, path);
}
