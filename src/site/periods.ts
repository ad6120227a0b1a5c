/**
 * Calendar periods of listing days: ISO 8601 weeks (`2026-W12`, Monday to Sunday, week 1 being
 * the week with the year's first Thursday), months (`2026-03`) and years (`2026`). Days are
 * calendar days (`YYYY-MM-DD`) and all arithmetic is in UTC, so no time zone moves a day.
 * Pure, and free of `urls.ts`: the build planner imports it outside Astro.
 */

/** The kinds of period: weeks and months have pages; years only group trend charts. */
export type PeriodUnit = 'week' | 'month' | 'year';

const DAY_MS = 86_400_000;
const toTime = (day: string): number => Date.parse(`${day}T00:00:00Z`);
const toDay = (time: number): string => new Date(time).toISOString().slice(0, 10);
const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
/** Monday = 0 … Sunday = 6. */
const weekday = (time: number): number => (new Date(time).getUTCDay() + 6) % 7;

/** `2026-01-01` → `2026-W01`; `2027-01-01` → `2026-W53`; `2024-12-30` → `2025-W01`. */
export function weekOf(day: string): string {
  const time = toTime(day);
  // The week belongs to the year its Thursday is in.
  const thursday = time + (3 - weekday(time)) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${pad(year, 4)}-W${pad(week)}`;
}

/** `2026-03-19` → `2026-03`. */
export const monthOf = (day: string): string => day.slice(0, 7);

/** The period of `unit` that holds `day`. */
export function periodOf(unit: PeriodUnit, day: string): string {
  return unit === 'week' ? weekOf(day) : unit === 'month' ? monthOf(day) : day.slice(0, 4);
}

/** The Monday that starts week `week` (`2026-W01` → `2025-12-29`). */
function weekStart(week: string): number {
  const year = Number(week.slice(0, 4));
  const number = Number(week.slice(6));
  // 4 January is always in week 1.
  const january4 = Date.UTC(year, 0, 4);
  return january4 - weekday(january4) * DAY_MS + (number - 1) * 7 * DAY_MS;
}

/** The first day of a period. */
export function firstDay(unit: PeriodUnit, period: string): string {
  if (unit === 'week') return toDay(weekStart(period));
  return unit === 'month' ? `${period}-01` : `${period}-01-01`;
}

/** The last day of a period. */
export function lastDay(unit: PeriodUnit, period: string): string {
  return toDay(toTime(firstDay(unit, nextPeriod(unit, period))) - DAY_MS);
}

/** The period after `period`: `2026-W53` → `2027-W01` when 2026 has 53 weeks, `2026-12` → `2027-01`. */
export function nextPeriod(unit: PeriodUnit, period: string): string {
  if (unit === 'week') return weekOf(toDay(weekStart(period) + 7 * DAY_MS));
  if (unit === 'year') return pad(Number(period) + 1, 4);
  const year = Number(period.slice(0, 4));
  const month = Number(period.slice(5, 7));
  return month === 12 ? `${pad(year + 1, 4)}-01` : `${pad(year, 4)}-${pad(month + 1)}`;
}

/** Every period from `first` to `last`, both included, in order. Empty when `last` is before `first`. */
export function periodsBetween(unit: PeriodUnit, first: string, last: string): string[] {
  const periods: string[] = [];
  for (let period = first; period <= last; period = nextPeriod(unit, period)) periods.push(period);
  return periods;
}

/** Every day of a period, in order. */
export function daysOf(unit: PeriodUnit, period: string): string[] {
  const days: string[] = [];
  const end = toTime(lastDay(unit, period));
  for (let time = toTime(firstDay(unit, period)); time <= end; time += DAY_MS) days.push(toDay(time));
  return days;
}
