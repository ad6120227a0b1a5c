/**
 * Papers per period, for the trend charts of term and taxonomy pages. A trend carries counts,
 * never papers, so the props it adds to a page stay a few bytes per period.
 * Pure, and free of `urls.ts`: the build planner imports it outside Astro.
 */
import { formatPeriod } from './format-period.ts';
import { formatDay } from './format-date.ts';
import { firstDay, nextPeriod, periodOf, periodsBetween, type PeriodUnit } from './periods.ts';

/** Counts of papers per period: `counts[i]` is the i-th period from `start`, empty periods included. */
export type Trend = {
  readonly unit: PeriodUnit;
  readonly start: string;
  readonly counts: readonly number[];
};

/** The periods a trend counts in: its unit and its periods, in order. */
export interface TrendAxis {
  readonly unit: PeriodUnit;
  readonly periods: readonly string[];
}

/** Spans up to this many weeks are counted by week: half a year is about as many bars as a small chart holds. */
export const MAX_WEEKS = 26;
/** Spans up to this many months are counted by month, longer ones by year: five years of months still fit. */
export const MAX_MONTHS = 60;

/** The axis for papers listed from `first` to `last` (days, `first` ≤ `last`): weeks, else months, else years. */
export function trendAxis(first: string, last: string): TrendAxis {
  for (const [unit, most] of [
    ['week', MAX_WEEKS],
    ['month', MAX_MONTHS],
  ] as const) {
    const periods = periodsBetween(unit, periodOf(unit, first), periodOf(unit, last));
    if (periods.length <= most) return { unit, periods };
  }
  return { unit: 'year', periods: periodsBetween('year', first.slice(0, 4), last.slice(0, 4)) };
}

/** How many of `days` (one entry per paper) fall in each period of `axis`; days outside it are not counted. */
export function countsOn(axis: TrendAxis, days: Iterable<string>): number[] {
  const index = new Map(axis.periods.map((period, position) => [period, position]));
  const counts = axis.periods.map(() => 0);
  // Many papers share a day: find each day's period once.
  const positions = new Map<string, number | undefined>();
  for (const day of days) {
    if (!positions.has(day)) positions.set(day, index.get(periodOf(axis.unit, day)));
    const position = positions.get(day);
    if (position !== undefined) counts[position]! += 1;
  }
  return counts;
}

/** The trend of papers listed on `days` (one entry per paper, any order), on an axis from the first to the last; null for none. */
export function trendOf(days: readonly string[]): Trend | null {
  if (days.length === 0) return null;
  let first = days[0]!;
  let last = first;
  for (const day of days) {
    if (day < first) first = day;
    if (day > last) last = day;
  }
  const axis = trendAxis(first, last);
  return { unit: axis.unit, start: axis.periods[0]!, counts: countsOn(axis, days) };
}

/** The period `offset` periods after the trend's start. */
export function periodAt(trend: Pick<Trend, 'unit' | 'start'>, offset: number): string {
  let period = trend.start;
  for (let step = 0; step < offset; step += 1) period = nextPeriod(trend.unit, period);
  return period;
}

const NUMBER = new Intl.NumberFormat('en-GB');
const papers = (count: number) => `${NUMBER.format(count)} ${count === 1 ? 'paper' : 'papers'}`;

/** Where a trend peaks and ends, for a sentence: `most in February 2026 (42 papers); 12 papers in March 2026`. */
export function trendHighlights(trend: Trend): string {
  const last = trend.counts.length - 1;
  const peak = trend.counts.indexOf(Math.max(...trend.counts));
  const at = (offset: number) => formatPeriod(trend.unit, periodAt(trend, offset));
  const most = `most in ${at(peak)} (${papers(trend.counts[peak]!)})`;
  return peak === last ? most : `${most}; ${papers(trend.counts[last]!)} in ${at(last)}`;
}

/** What a trend's axis covers: `Papers per month, January 2026 to March 2026`, `Papers per week, the weeks of 5 January to 16 March 2026`. */
export function trendRange(trend: Pick<Trend, 'unit' | 'start' | 'counts'>): string {
  const end = periodAt(trend, trend.counts.length - 1);
  if (end === trend.start) return `Papers per ${trend.unit}, ${formatPeriod(trend.unit, end)}`;
  if (trend.unit !== 'week')
    return `Papers per ${trend.unit}, ${formatPeriod(trend.unit, trend.start)} to ${formatPeriod(trend.unit, end)}`;
  return `Papers per week, the weeks of ${formatDay(firstDay('week', trend.start))} to ${formatDay(firstDay('week', end))}`;
}

/** The text equivalent of a trend chart: `Papers per month, January 2026 to March 2026: most in February 2026 (42 papers); 12 papers in March 2026.` */
export const trendSummary = (trend: Trend): string => `${trendRange(trend)}: ${trendHighlights(trend)}.`;
