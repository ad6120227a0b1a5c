import { describe, expect, it } from 'vitest';
import { barChart, barChartSize, sparkline } from '../../src/site/trend-chart.ts';
import { countsOn, MAX_MONTHS, MAX_WEEKS, periodAt, trendAxis, trendOf, trendSummary } from '../../src/site/trend.ts';

describe('trendAxis', () => {
  it('counts by week up to half a year, by month up to five years, then by year', () => {
    expect(trendAxis('2026-03-19', '2026-03-19')).toEqual({ unit: 'week', periods: ['2026-W12'] });
    expect(trendAxis('2025-12-29', '2026-01-05')).toEqual({ unit: 'week', periods: ['2026-W01', '2026-W02'] });
    expect(trendAxis('2026-01-01', '2026-06-28').periods).toHaveLength(MAX_WEEKS);
    expect(trendAxis('2026-01-01', '2026-06-29')).toMatchObject({
      unit: 'month',
      periods: ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'],
    });
    expect(trendAxis('2021-01-01', '2025-12-31').periods).toHaveLength(MAX_MONTHS);
    expect(trendAxis('2021-01-01', '2026-01-01')).toEqual({ unit: 'year', periods: ['2021', '2022', '2023', '2024', '2025', '2026'] });
  });
});

describe('trendOf', () => {
  it('counts papers per period from the first to the last, empty periods included', () => {
    const days = ['2026-03-19', '2026-01-01', '2026-01-02', '2026-03-16', '2026-03-19', '2027-01-03'];
    expect(trendOf(days)).toEqual({ unit: 'month', start: '2026-01', counts: [2, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1] });
    expect(trendOf(days.slice(0, 5))).toEqual({ unit: 'week', start: '2026-W01', counts: [2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3] });
    expect(trendOf([])).toBeNull();
  });

  it('leaves out days outside an axis given to it', () => {
    const axis = { unit: 'month', periods: ['2026-01', '2026-02'] } as const;
    expect(countsOn(axis, ['2025-12-31', '2026-01-31', '2026-02-01', '2026-02-28', '2026-03-01'])).toEqual([1, 2]);
  });

  it('finds the period at an offset, across a year boundary', () => {
    expect(periodAt({ unit: 'week', start: '2026-W52' }, 2)).toBe('2027-W01');
    expect(periodAt({ unit: 'month', start: '2025-12' }, 0)).toBe('2025-12');
  });
});

describe('trendSummary', () => {
  it('says what the chart shows: its range, its peak and its last period', () => {
    expect(trendSummary({ unit: 'month', start: '2026-01', counts: [3, 1200, 12] })).toBe(
      'Papers per month, January 2026 to March 2026: most in February 2026 (1,200 papers); 12 papers in March 2026.',
    );
    expect(trendSummary({ unit: 'week', start: '2026-W11', counts: [0, 1] })).toBe(
      'Papers per week, the weeks of 9 March 2026 to 16 March 2026: most in the week of 16 March 2026 (1 paper).',
    );
    expect(trendSummary({ unit: 'year', start: '2026', counts: [4] })).toBe('Papers per year, 2026: most in 2026 (4 papers).');
    expect(trendSummary({ unit: 'week', start: '2026-W53', counts: [4, 0] })).toBe(
      'Papers per week, the weeks of 28 December 2026 to 4 January 2027: most in the week of 28 December 2026 (4 papers); 0 papers in the week of 4 January 2027.',
    );
  });
});

describe('barChartSize', () => {
  it('gives few periods wide bars and many periods narrow ones, never thinner than 12', () => {
    expect(barChartSize(4)).toEqual({ bar: 32, gap: 8, height: 48 });
    expect(barChartSize(26)).toEqual({ bar: 18, gap: 5, height: 48 });
    expect(barChartSize(60)).toEqual({ bar: 12, gap: 3, height: 48 });
  });
});

describe('barChart', () => {
  it('draws one bar per period with papers, the largest full height, a small count at least 1 high', () => {
    const chart = barChart([4, 0, 2, 1000], { bar: 3, gap: 1, height: 10 });
    expect(chart.width).toBe(15);
    expect(chart.height).toBe(10);
    expect(chart.path).toBe('M0 10v-1h3v1zM8 10v-1h3v1zM12 10v-10h3v10z');
    expect(barChart([2, 1], { bar: 3, gap: 1, height: 10 }).path).toBe('M0 10v-10h3v10zM4 10v-5h3v5z');
  });

  it('draws nothing for no papers', () => {
    expect(barChart([0, 0]).path).toBe('');
    expect(barChart([]).width).toBe(0);
  });

  it('stays small: five years of months in well under a kilobyte and a half', () => {
    const counts = Array.from({ length: 60 }, (_, index) => 1000 + index * 37);
    expect(barChart(counts).path.length).toBeLessThan(1500);
  });
});

describe('sparkline', () => {
  it('runs from left to right, the largest count at the top and zero at the bottom, inside the stroke margin', () => {
    expect(sparkline([0, 5, 10], { step: 4, height: 12 })).toEqual({ width: 8, height: 12, points: '0,11 4,6 8,1' });
  });

  it('draws no line for a single period', () => {
    expect(sparkline([3])).toBeNull();
    expect(sparkline([])).toBeNull();
  });

  it('keeps a term without papers in the period at the bottom', () => {
    expect(sparkline([0, 0], { step: 2, height: 8 })?.points).toBe('0,7 2,7');
  });
});
