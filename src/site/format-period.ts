/** Periods (src/site/periods.ts) as readers name them, in UTC like the days they hold. */
import { firstDay, lastDay, type PeriodUnit } from './periods.ts';
import { formatDay } from './format-date.ts';

const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const DAY_MONTH = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' });

/** `2026-W12` → `Week 12, 2026`. */
export const formatWeek = (week: string): string => `Week ${Number(week.slice(6))}, ${week.slice(0, 4)}`;

const MONTH_NAME = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' });
/** `2026-03` → `March`. */
export const formatMonthName = (month: string): string => MONTH_NAME.format(toDate(`${month}-01`));

/** `2026-03` → `March 2026`. */
export const formatMonth = (month: string): string => MONTH.format(toDate(`${month}-01`));

/** The days of a week: `16–22 March 2026`, `30 March – 5 April 2026`, `29 December 2025 – 4 January 2026`. */
export function formatWeekSpan(week: string): string {
  const first = firstDay('week', week);
  const last = lastDay('week', week);
  if (first.slice(0, 4) !== last.slice(0, 4)) return `${formatDay(first)} – ${formatDay(last)}`;
  if (first.slice(0, 7) !== last.slice(0, 7)) return `${DAY_MONTH.format(toDate(first))} – ${formatDay(last)}`;
  return `${Number(first.slice(8))}–${formatDay(last)}`;
}

/** A period in a sentence: `the week of 16 March 2026`, `March 2026`, `2026`. */
export function formatPeriod(unit: PeriodUnit, period: string): string {
  if (unit === 'week') return `the week of ${formatDay(firstDay('week', period))}`;
  return unit === 'month' ? formatMonth(period) : period;
}
