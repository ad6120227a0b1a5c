import { describe, expect, it } from 'vitest';
import { formatMonth, formatPeriod, formatWeek, formatWeekSpan } from '../../src/site/format-period.ts';
import { daysOf, firstDay, lastDay, monthOf, nextPeriod, periodOf, periodsBetween, weekOf } from '../../src/site/periods.ts';

describe('weekOf', () => {
  it.each([
    // 2026 starts on a Thursday: 1 January is in week 1, and week 1 starts in 2025.
    ['2025-12-29', '2026-W01'],
    ['2026-01-01', '2026-W01'],
    ['2026-01-04', '2026-W01'],
    ['2026-01-05', '2026-W02'],
    ['2026-03-19', '2026-W12'],
    // 2026 has 53 weeks (it starts on a Thursday); 1–3 January 2027 still belong to it.
    ['2026-12-28', '2026-W53'],
    ['2027-01-03', '2026-W53'],
    ['2027-01-04', '2027-W01'],
    // 2020 (a leap year starting on a Wednesday) has 53 weeks too.
    ['2020-12-31', '2020-W53'],
    ['2021-01-03', '2020-W53'],
    // 2024 ends in week 1 of 2025; 2022 starts in week 52 of 2021.
    ['2024-12-30', '2025-W01'],
    ['2022-01-02', '2021-W52'],
    ['2022-01-03', '2022-W01'],
    ['2024-02-29', '2024-W09'],
  ])('%s is in %s', (day, week) => {
    expect(weekOf(day)).toBe(week);
  });

  it('agrees with a day-by-day walk over eleven years: weeks start on Mondays and run 1, 2, … to 52 or 53', () => {
    const days = periodsBetween('year', '2020', '2030').flatMap((year) => daysOf('year', year));
    const weeksOfYear = new Map<string, number>();
    let previous = weekOf('2019-12-31');
    for (const day of days) {
      const week = weekOf(day);
      if (new Date(`${day}T00:00:00Z`).getUTCDay() !== 1) expect(week).toBe(previous);
      else
        expect(week).toBe(
          week.slice(0, 4) === previous.slice(0, 4)
            ? `${previous.slice(0, 6)}${String(Number(previous.slice(6)) + 1).padStart(2, '0')}`
            : `${week.slice(0, 4)}-W01`,
        );
      weeksOfYear.set(week.slice(0, 4), Number(week.slice(6)));
      previous = week;
    }
    // Long years are those starting on a Thursday, or leap years starting on a Wednesday.
    expect([...weeksOfYear].filter(([, weeks]) => weeks === 53).map(([year]) => year)).toEqual(['2020', '2026']);
  });
});

describe('periods', () => {
  it('finds the first and last day of a week, across a year boundary', () => {
    expect(firstDay('week', '2026-W01')).toBe('2025-12-29');
    expect(lastDay('week', '2026-W01')).toBe('2026-01-04');
    expect(firstDay('week', '2026-W53')).toBe('2026-12-28');
    expect(lastDay('week', '2026-W53')).toBe('2027-01-03');
    expect(daysOf('week', '2026-W12')).toEqual([
      '2026-03-16',
      '2026-03-17',
      '2026-03-18',
      '2026-03-19',
      '2026-03-20',
      '2026-03-21',
      '2026-03-22',
    ]);
  });

  it('finds the first and last day of a month, leap years included', () => {
    expect(lastDay('month', '2024-02')).toBe('2024-02-29');
    expect(lastDay('month', '2026-02')).toBe('2026-02-28');
    expect(lastDay('month', '2026-12')).toBe('2026-12-31');
    expect(daysOf('month', '2026-03')).toHaveLength(31);
  });

  it('steps to the next period: week 52 or 53 to week 1, December to January', () => {
    expect(nextPeriod('week', '2025-W52')).toBe('2026-W01');
    expect(nextPeriod('week', '2026-W52')).toBe('2026-W53');
    expect(nextPeriod('week', '2026-W53')).toBe('2027-W01');
    expect(nextPeriod('month', '2025-12')).toBe('2026-01');
    expect(nextPeriod('month', '2026-09')).toBe('2026-10');
    expect(nextPeriod('year', '2026')).toBe('2027');
  });

  it('lists the periods between two, both included', () => {
    expect(periodsBetween('week', '2026-W52', '2027-W02')).toEqual(['2026-W52', '2026-W53', '2027-W01', '2027-W02']);
    expect(periodsBetween('month', '2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(periodsBetween('month', '2026-02', '2026-01')).toEqual([]);
  });

  it('names the period of a day', () => {
    expect(periodOf('week', '2027-01-01')).toBe('2026-W53');
    expect(periodOf('month', '2027-01-01')).toBe(monthOf('2027-01-01'));
    expect(periodOf('year', '2027-01-01')).toBe('2027');
  });
});

describe('formatting periods', () => {
  it('names weeks by number and by their days', () => {
    expect(formatWeek('2026-W01')).toBe('Week 1, 2026');
    expect(formatWeekSpan('2026-W12')).toBe('16–22 March 2026');
    expect(formatWeekSpan('2026-W14')).toBe('30 March – 5 April 2026');
    expect(formatWeekSpan('2026-W01')).toBe('29 December 2025 – 4 January 2026');
  });

  it('names months and periods in a sentence', () => {
    expect(formatMonth('2026-03')).toBe('March 2026');
    expect(formatPeriod('week', '2026-W12')).toBe('the week of 16 March 2026');
    expect(formatPeriod('month', '2026-03')).toBe('March 2026');
    expect(formatPeriod('year', '2026')).toBe('2026');
  });
});
