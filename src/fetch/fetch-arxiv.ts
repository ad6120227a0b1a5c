/**
 * `papershelf fetch arxiv`: each query's entries into one new Atom file in `<content>/sources/`,
 * `arxiv-<query>-<time>.atom`. The name holds no `YYYY-MM-DD` day (ingest would take it as every
 * entry's listing day). A query that fails writes nothing and ends the run.
 */
import { join } from 'node:path';
import { mkdir, stat } from 'node:fs/promises';
import { quote, RunError, UserError } from '../messages/errors.ts';
import { messageLine } from '../messages/message.ts';
import { ArxivNothingFound } from '../messages/messages.ts';
import { withContentLock } from '../ingest/ingest-project.ts';
import { fetchFailureError } from './fetch-failure-error.ts';
import { fetchArxivQuery, type ArxivQuery } from './fetch-arxiv-query.ts';
import { FetchFailure } from './http-client.ts';
import { writeFileAtomic } from './write-atomic.ts';

/** What one run fetches, and where it writes. */
export interface ArxivRun extends Omit<ArxivQuery, 'query'> {
  readonly queries: readonly string[];
  /** The content folder; files go to its `sources/`. */
  readonly content: string;
  /** The time the file names carry. */
  readonly now: Date;
  /** Prints a notice (a query without entries). */
  readonly warn: (line: string) => void;
}

/** What a run did. */
export interface ArxivSummary {
  queries: number;
  entries: number;
  written: number;
}

/** The summary as its one line on standard output. */
export const arxivSummaryLine = (s: ArxivSummary) =>
  `fetch arxiv: ${s.queries} ${s.queries === 1 ? 'query' : 'queries'}, ${s.entries} entries; ${s.written} files written`;

/** `arxiv-<slug of query>-<time>.atom`, e.g. `arxiv-cat-cs-lg-20261207T183000Z.atom`. */
export function arxivFileName(query: string, now: Date): string {
  const slug =
    query
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '')
      // A day written YYYY-MM-DD in a name is taken as the listing day of every entry.
      .replace(/(\d{4})-(\d{2})-(\d{2})/g, '$1$2$3') || 'query';
  const time = now
    .toISOString()
    .replace(/\.\d{3}/, '')
    .replace(/[-:]/g, '');
  return `arxiv-${slug}-${time}.atom`;
}

/** Writes `text` under a name no file has yet: `name`, or it with `-2`, `-3`… before the extension. */
async function writeNewFile(sources: string, name: string, text: string): Promise<string> {
  for (let n = 1; ; n += 1) {
    const file = join(sources, n === 1 ? name : name.replace(/\.atom$/, `-${n}.atom`));
    if (await stat(file).catch(() => null)) continue;
    await writeFileAtomic(file, text);
    return file;
  }
}

/** Fetches and writes every query of `run`; `failure` is the error that ended it early, if any. */
export async function fetchArxiv(run: ArxivRun): Promise<{ summary: ArxivSummary; failure: Error | null }> {
  const summary: ArxivSummary = { queries: 0, entries: 0, written: 0 };
  const sources = join(run.content, 'sources');
  for (const query of run.queries) {
    try {
      const found = await fetchArxivQuery({ ...run, query });
      summary.queries += 1;
      if (found === null) {
        run.warn(messageLine(ArxivNothingFound, query));
        continue;
      }
      await mkdir(sources, { recursive: true });
      await withContentLock(run.content, () => writeNewFile(sources, arxivFileName(query, run.now), found.feed));
      summary.entries += found.entries;
      summary.written += 1;
    } catch (error) {
      const what = `fetch arxiv ${quote(query)}`;
      if (error instanceof FetchFailure)
        return { summary, failure: fetchFailureError(error, { what, nothing: 'that query', check: 'the query and --arxiv-endpoint' }) };
      if (error instanceof UserError || error instanceof RunError) return { summary, failure: error };
      throw error;
    }
  }
  return { summary, failure: null };
}
