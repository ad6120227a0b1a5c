/**
 * Sources → merged, valid entries, with every problem found on the way. Nothing is written:
 * `check`, `ingest` and `build` all start here and only differ in what they do next.
 */
import { reportTagSlugs } from './enrich/report-tag-slugs.ts';
import { formatProblem, sortProblems, type Problem } from '../messages/errors.ts';
import { readSources, type ReadOptions } from './parse/read-sources.ts';
import { mergeDuplicates, type MergedEntry } from './merge/merge-duplicates.ts';
import { normalizeEntry, type LocatedEntry } from './normalize/normalize-entry.ts';
import { startProgress } from '../cli/progress.ts';

/** The valid entries of a set of sources, and what was wrong with the rest. */
export interface Collected {
  readonly merged: MergedEntry[];
  /** Errors and warnings, sorted by file and line. */
  readonly problems: Problem[];
  /** Entries read, including invalid ones. */
  readonly read: number;
  /** Entries rejected (an entry with several errors counts once). */
  readonly invalid: number;
  /** Entries folded into an earlier entry for the same paper. */
  readonly duplicates: number;
}

/** Reads, normalises, validates and merges the entries of `files`. */
export async function collectEntries(files: readonly string[], options: ReadOptions = {}): Promise<Collected> {
  // 1. Parse every file with the parser for its format.
  const parsed = await readSources(files, options);
  const problems: Problem[] = [...parsed.problems];

  // 2. Clean and validate each entry; unknown fields are warned about once per name and file.
  const valid: LocatedEntry[] = [];
  const unknownSeen = new Set<string>();
  let invalid = parsed.problems.filter((problem) => problem.severity === 'error' && problem.field === 'entry').length;
  // A parser that already explained why a field is wrong (BibTeX without a day) should not be
  // followed by the schema's shorter "missing" for the same field of the same entry.
  const explained = new Set(
    parsed.problems
      .filter((problem) => problem.severity === 'error')
      .map((problem) => `${problem.file}\0${problem.line}\0${problem.field}`),
  );
  const progress = startProgress('Checking entries', parsed.entries.length);
  for (const [index, raw] of parsed.entries.entries()) {
    progress.tick(index);
    const result = normalizeEntry(raw);
    problems.push(...result.problems.filter((problem) => !explained.has(`${problem.file}\0${problem.line}\0${problem.field}`)));
    for (const field of result.unknownFields) {
      if (unknownSeen.has(`${raw.file}\0${field}`)) continue;
      unknownSeen.add(`${raw.file}\0${field}`);
      problems.push({
        severity: 'warning',
        file: raw.file,
        line: raw.line,
        field,
        reason: 'unknown field, ignored (warned once per field name in this file)',
      });
    }
    if (result.entry) valid.push(result.entry);
    else invalid += 1;
  }

  progress.finish();

  // 3. Fold entries for the same paper into one; say which tags share a page, or had to be told apart.
  const { merged, problems: mergeReports } = mergeDuplicates(valid);
  // concat, not a spread: a source given twice reports every one of its entries.
  return {
    merged,
    problems: sortProblems(problems.concat(mergeReports, reportTagSlugs(merged))),
    read: valid.length + invalid,
    invalid,
    duplicates: valid.length - merged.length,
  };
}

/** True when any problem rejects an entry or a file. */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}

/** Prints errors and warnings, one line each, to standard error (infos go to `--report` only). */
export function printProblems(problems: readonly Problem[]): void {
  for (const problem of problems) if (problem.severity !== 'info') process.stderr.write(`${formatProblem(problem)}\n`);
}
