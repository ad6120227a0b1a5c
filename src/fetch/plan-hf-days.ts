/**
 * Which days `papershelf fetch hf` asks for: `--date`, or `--from` through `--to` (default
 * today), or, with neither, the days after the last one fetched through today (UTC), at most
 * `days` of them; today alone when nothing was fetched yet, or when the last day fetched is today.
 */
import { userError } from '../messages/message.ts';
import { FetchDatesConflict, FetchRangeBackwards, FetchRangeTooLong, FetchToNeedsFrom } from '../messages/messages.ts';

/** The days the command line names (each already checked to be a day). */
export interface DayFlags {
  readonly date?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

/** What the days depend on besides the flags. */
export interface DayContext {
  /** Today in UTC, `YYYY-MM-DD`. */
  readonly today: string;
  /** The latest day already fetched, or null. */
  readonly lastFetched: string | null;
  /** The most days a run without dates catches up on (settings `fetch.hf.days`). */
  readonly days: number;
}

/** The most days one run fetches. */
export const MAX_RANGE_DAYS = 366;

/** `day` moved by `count` days. */
export function addDays(day: string, count: number): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year!, month! - 1, date! + count)).toISOString().slice(0, 10);
}

/** Today in UTC at `now`. */
export const utcDay = (now: Date) => now.toISOString().slice(0, 10);

/** Every day from `from` through `to`. */
function daysFrom(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The days to fetch, in order; throws a `UserError` for flags that contradict one another. */
export function planHfDays(flags: DayFlags, context: DayContext): string[] {
  if (flags.date !== undefined) {
    if (flags.from !== undefined || flags.to !== undefined) throw userError(FetchDatesConflict);
    return [flags.date];
  }
  if (flags.from !== undefined) {
    const to = flags.to ?? context.today;
    if (flags.from > to) throw userError(FetchRangeBackwards, flags.from, to);
    if (addDays(flags.from, MAX_RANGE_DAYS) <= to) throw userError(FetchRangeTooLong, flags.from, to, MAX_RANGE_DAYS);
    return daysFrom(flags.from, to);
  }
  if (flags.to !== undefined) throw userError(FetchToNeedsFrom, flags.to);
  const { today, lastFetched } = context;
  // Today is fetched again while it lasts: its listing grows during the day.
  const next = lastFetched === null || lastFetched >= today ? today : addDays(lastFetched, 1);
  const earliest = addDays(today, -(Math.max(1, context.days) - 1));
  return daysFrom(next < earliest ? earliest : next, today);
}
