import { describe, expect, it } from 'vitest';
import { chinaMoment } from '@/utils/china-time';
import { chinaMonth, monthWeeks, shiftMonth } from '@/utils/views/month-calendar';

describe('shiftMonth', () => {
  it.each<[string, number, string]>([
    ['2026-11', 1, '2026-12'],
    ['2026-12', 1, '2027-01'],
    ['2026-01', -1, '2025-12'],
    ['2026-03', -14, '2025-01'],
  ])('%s shifted by %i → %s', (month, delta, shifted) => {
    expect(shiftMonth(month, delta)).toBe(shifted);
  });
});

describe('monthWeeks', () => {
  it('starts weeks on Monday: November 2026 begins on a Sunday', () => {
    const weeks = monthWeeks('2026-11');
    expect(weeks[0]).toEqual([null, null, null, null, null, null, '2026-11-01']);
    expect(weeks[1][0]).toBe('2026-11-02');
    expect(weeks.at(-1)).toEqual(['2026-11-30', null, null, null, null, null, null]);
    expect(weeks).toHaveLength(6);
  });

  it.each<[string, number, number]>([
    ['2027-02', 28, 4], // starts on a Monday, 28 days: exactly 4 weeks
    ['2028-02', 29, 5], // a leap year
    ['2026-06', 30, 5],
  ])('%s has %d days in %d weeks', (month, days, count) => {
    const weeks = monthWeeks(month);
    expect(weeks.flat().filter(Boolean)).toHaveLength(days);
    expect(weeks).toHaveLength(count);
    expect(weeks.every((week) => week.length === 7)).toBe(true);
  });
});

describe('chinaMonth', () => {
  it('is the month in China: 16:30 UTC on 31 October is 1 November there', () => {
    expect(chinaMonth(Date.UTC(2026, 9, 31, 16, 30))).toBe('2026-11');
    expect(chinaMonth(chinaMoment('2026-10-31', '23:59'))).toBe('2026-10');
  });
});
