/**
 * I/O: one day of Hugging Face daily papers into `<content>/sources/hf-daily-papers-<day>.json`.
 * A day only gains papers: one the listing no longer has is kept from the stored file. The file
 * is written only when its bytes change, and replaced only when Papershelf wrote it (it reads
 * as a daily-papers array); anything else at that name is refused and left as it is.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { userError } from '../messages/message.ts';
import { FetchFileNotOurs } from '../messages/messages.ts';
import { isDailyItems, paperId, serializeDailyItems, type DailyItem } from './daily-papers-items.ts';
import { writeFileAtomic } from './write-atomic.ts';

/** The name of a day's file: the parser takes the listing day from it. */
export const dayFileName = (day: string) => `hf-daily-papers-${day}.json`;

const DAY_FILE = /^hf-daily-papers-(\d{4}-\d{2}-\d{2})\.json$/;

/** The latest day with a file in `sources`, or null when there is none. */
export async function lastFetchedDay(sources: string): Promise<string | null> {
  const names = await readdir(sources).catch(() => [] as string[]);
  const days = names.flatMap((name) => DAY_FILE.exec(name)?.[1] ?? []).sort();
  return days.at(-1) ?? null;
}

/** What writing one day came to. */
export interface DayWrite {
  readonly file: string;
  /** True when the file was written; false when it already held these bytes. */
  readonly written: boolean;
  /** Papers the stored file did not have. */
  readonly added: number;
  /** Papers the stored file had, now different. */
  readonly changed: number;
  /** Papers of the stored file the listing no longer has, kept. */
  readonly kept: number;
}

/** The stored items of `file`; null when there is none; refused when it is not a daily-papers file. */
async function readStored(file: string, what: string): Promise<{ text: string; items: DailyItem[] } | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    // A folder is not a file it made; any other error (permissions) is said as the system says it.
    if (code === 'EISDIR') throw userError(FetchFileNotOurs, what, file);
    throw error;
  }
  let items: unknown;
  try {
    items = JSON.parse(text);
  } catch {
    items = null;
  }
  if (!isDailyItems(items)) throw userError(FetchFileNotOurs, what, file);
  return { text, items };
}

/** Writes `items`, the listing of `day`, joined with what `sources` holds for that day. Call it holding the content lock. */
export async function writeDayFile(sources: string, day: string, items: readonly DailyItem[]): Promise<DayWrite> {
  const file = join(sources, dayFileName(day));
  const stored = await readStored(file, `fetch hf ${day}`);
  // Papers are matched by id; an item without one, by its whole text.
  const key = (item: DailyItem) => paperId(item) ?? JSON.stringify(item);
  const before = new Map((stored?.items ?? []).map((item) => [key(item), item]));
  const listed = new Set(items.map(key));
  // Stored papers the listing lacks stay, after the listing's.
  const kept = (stored?.items ?? []).filter((item) => !listed.has(key(item)));
  let added = 0;
  let changed = 0;
  for (const item of items) {
    const old = before.get(key(item));
    if (old === undefined) added += 1;
    else if (JSON.stringify(old) !== JSON.stringify(item)) changed += 1;
  }
  const text = serializeDailyItems([...items, ...kept]);
  const result = { file, added, changed, kept: kept.length };
  if (stored?.text === text) return { ...result, written: false };
  await writeFileAtomic(file, text);
  return { ...result, written: true };
}
