import { describe, expect, it } from 'vitest';
import { formatDay, formatPartialDate, formatShortDay, formatWeekday } from '../../src/site/format-date.ts';

describe('formatting days', () => {
  it('names a calendar day in UTC, whatever the time zone', () => {
    expect(formatDay('2025-03-19')).toBe('19 March 2025');
    expect(formatShortDay('2025-03-19')).toBe('19 Mar');
    expect(formatWeekday('2025-03-19')).toBe('Wednesday');
    expect(formatDay('2025-01-01')).toBe('1 January 2025');
  });

  it('gives the same text every time a day is asked for again', () => {
    const days = ['2026-01-05', '2026-02-28', '2026-01-05', '2024-02-29', '2026-02-28'];
    expect(days.map(formatDay)).toEqual(['5 January 2026', '28 February 2026', '5 January 2026', '29 February 2024', '28 February 2026']);
    expect(days.map(formatWeekday)).toEqual(['Monday', 'Saturday', 'Monday', 'Thursday', 'Saturday']);
  });

  it('says no more than a partial date knows', () => {
    expect(formatPartialDate('2024')).toBe('2024');
    expect(formatPartialDate('2024-03')).toBe('March 2024');
    expect(formatPartialDate('2024-03-05')).toBe('5 March 2024');
  });

  it('refuses a day that is not one, every time', () => {
    expect(() => formatDay('2025-13-40')).toThrow(RangeError);
    expect(() => formatDay('2025-13-40')).toThrow(RangeError);
  });
});
