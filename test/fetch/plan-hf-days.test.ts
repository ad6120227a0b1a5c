/** Which days `fetch hf` asks for. */
import { describe, expect, it } from 'vitest';
import { planHfDays } from '../../src/fetch/plan-hf-days.ts';

const context = { today: '2026-12-07', lastFetched: null, days: 7 };

describe('planHfDays', () => {
  it('takes --date alone, or --from through --to (today by default)', () => {
    expect(planHfDays({ date: '2026-12-01' }, context)).toEqual(['2026-12-01']);
    expect(planHfDays({ from: '2026-11-29', to: '2026-12-01' }, context)).toEqual(['2026-11-29', '2026-11-30', '2026-12-01']);
    expect(planHfDays({ from: '2026-12-06' }, context)).toEqual(['2026-12-06', '2026-12-07']);
  });

  it('without dates: today when nothing was fetched, else the days after the last one, at most `days` back', () => {
    expect(planHfDays({}, context)).toEqual(['2026-12-07']);
    expect(planHfDays({}, { ...context, lastFetched: '2026-12-04' })).toEqual(['2026-12-05', '2026-12-06', '2026-12-07']);
    expect(planHfDays({}, { ...context, lastFetched: '2026-01-01' })).toEqual([
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
      '2026-12-07',
    ]);
    // Today again while it lasts: its listing grows during the day.
    expect(planHfDays({}, { ...context, lastFetched: '2026-12-07' })).toEqual(['2026-12-07']);
  });

  it('refuses flags that contradict one another', () => {
    expect(() => planHfDays({ date: '2026-12-01', from: '2026-12-01' }, context)).toThrow(/`--date` names one day/);
    expect(() => planHfDays({ to: '2026-12-01' }, context)).toThrow('fetch hf: `--to 2026-12-01` needs `--from`');
    expect(() => planHfDays({ from: '2026-12-02', to: '2026-12-01' }, context)).toThrow('is after');
    expect(() => planHfDays({ from: '2020-01-01' }, context)).toThrow('more than 366 days');
  });
});
