/**
 * `papershelf fetch hf`: each day's Hugging Face daily papers into its own source file, one day
 * after another. The first day that fails ends the run: the days before it are written, and the
 * next run without dates starts again from it.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { RunError, UserError } from '../messages/errors.ts';
import { messageLine } from '../messages/message.ts';
import { FetchDayEmpty, FetchDayShrunk } from '../messages/messages.ts';
import { withContentLock } from '../ingest/ingest-project.ts';
import { fetchFailureError } from './fetch-failure-error.ts';
import { fetchHfDay, type HfDayOptions } from './fetch-hf-day.ts';
import { FetchFailure } from './http-client.ts';
import { writeDayFile } from './write-day-file.ts';

/** What one run fetches, and where it writes. */
export interface HfRun extends HfDayOptions {
  /** The days, in order (see plan-hf-days.ts). */
  readonly days: readonly string[];
  /** The content folder; files go to its `sources/`. */
  readonly content: string;
  /** Prints a notice (a day without papers, papers kept). */
  readonly warn: (line: string) => void;
}

/** What a run did. */
export interface HfSummary {
  days: number;
  empty: number;
  added: number;
  changed: number;
  written: number;
  unchanged: number;
}

/** The summary as its one line on standard output. */
export const hfSummaryLine = (s: HfSummary) =>
  `fetch hf: ${s.days} ${s.days === 1 ? 'day' : 'days'} fetched${s.empty > 0 ? ` (${s.empty} without papers)` : ''}, ` +
  `${s.added} papers new, ${s.changed} changed; ${s.written} files written, ${s.unchanged} unchanged`;

/** Fetches and writes every day of `run`; `failure` is the error that ended it early, if any. */
export async function fetchHf(run: HfRun): Promise<{ summary: HfSummary; failure: Error | null }> {
  const summary: HfSummary = { days: 0, empty: 0, added: 0, changed: 0, written: 0, unchanged: 0 };
  const sources = join(run.content, 'sources');
  for (const day of run.days) {
    try {
      const items = await fetchHfDay(day, run);
      summary.days += 1;
      if (items.length === 0) {
        run.warn(messageLine(FetchDayEmpty, day));
        summary.empty += 1;
        continue;
      }
      // The lock is held only to write: the network is slow, and an ingest may want the folder meanwhile.
      await mkdir(sources, { recursive: true });
      const result = await withContentLock(run.content, () => writeDayFile(sources, day, items));
      if (result.kept > 0) run.warn(messageLine(FetchDayShrunk, day, result.kept, result.file));
      summary.added += result.added;
      summary.changed += result.changed;
      summary[result.written ? 'written' : 'unchanged'] += 1;
    } catch (error) {
      if (error instanceof FetchFailure)
        return {
          summary,
          failure: fetchFailureError(error, { what: `fetch hf ${day}`, nothing: 'that day', check: 'the day and HF_ENDPOINT' }),
        };
      if (error instanceof UserError || error instanceof RunError) return { summary, failure: error };
      throw error;
    }
  }
  return { summary, failure: null };
}
