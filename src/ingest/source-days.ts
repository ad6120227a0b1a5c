/**
 * The days given with `--date` to the sources of a content folder, recorded so they survive:
 * a source named with `--date` is copied into `<content>/sources/` and read again by every
 * later `ingest` and `build`, without `--date`. The record is `<content>/sources/.source-days.yaml`
 * (a dot file, so it is never read as a source), one line per source, by file name:
 *
 * ```yaml
 * # Written by papershelf ingest: the day given with --date to each source of this folder.
 * hf-daily.json: 2025-03-19
 * ```
 *
 * Naming a source again sets its day (`--date`) or clears it (no `--date`); the record of a
 * source no longer in the folder is dropped. The sources themselves are never renamed or rewritten.
 */
import { readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { UserError, displayPath } from '../messages/errors.ts';
import { isIsoDay } from '../schema/paper.ts';

/** The record's file name inside `sources/`. */
export const SOURCE_DAYS_FILE = '.source-days.yaml';

const HEADER = '# Written by papershelf ingest: the day given with --date to each source of this folder.\n';

/** The recorded days of `sourcesDir`, by file name; empty when there is no record. */
export async function readSourceDays(sourcesDir: string): Promise<Map<string, string>> {
  const file = join(sourcesDir, SOURCE_DAYS_FILE);
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (text === null) return new Map();
  let value: unknown;
  try {
    value = parse(text);
  } catch {
    value = undefined;
  }
  if (value === null) return new Map();
  const entries = typeof value === 'object' && !Array.isArray(value) ? Object.entries(value as object) : null;
  const bad = entries ? entries.find(([, day]) => typeof day !== 'string' || !isIsoDay(day)) : undefined;
  if (!entries || bad)
    throw new UserError(
      `${displayPath(file)} is not a list of \`file name: YYYY-MM-DD\` lines${bad ? ` (\`${bad[0]}\`)` : ''}; fix it, or delete it and ingest those sources again with --date`,
    );
  return new Map(entries as [string, string][]);
}

/** The days after an ingest naming `named` with `date` (undefined: none), of the sources `kept` in the folder. Pure. */
export function nextSourceDays(
  recorded: ReadonlyMap<string, string>,
  named: readonly string[],
  date: string | undefined,
  kept: readonly string[],
): Map<string, string> {
  const days = new Map(recorded);
  for (const file of named) {
    if (date === undefined) days.delete(basename(file));
    else days.set(basename(file), date);
  }
  const present = new Set(kept.map((file) => basename(file)));
  return new Map([...days].filter(([name]) => present.has(name)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The record's text for `days` (sorted by name): the header alone when no source has a day. */
export function sourceDaysText(days: ReadonlyMap<string, string>): string {
  return days.size === 0 ? HEADER : HEADER + stringify(Object.fromEntries(days), { lineWidth: 0 });
}

/** The days to read each source of `sourcesDir` with, by absolute path. */
export function daysByPath(sourcesDir: string, days: ReadonlyMap<string, string>): Map<string, string> {
  return new Map([...days].map(([name, day]) => [resolve(sourcesDir, name), day]));
}
