import { afterEach, describe, expect, it } from 'vitest';
import { addChinaDays, chinaDate, chinaDateTime, chinaMoment, nextChinaMidnight } from '@/utils/china-time';

const intlChina = (now: number) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(now));

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe('China time', () => {
  it.each([
    ['2026-11-22T15:59:59Z', '2026-11-22', '2026-11-22 23:59:59'],
    ['2026-11-22T16:00:00Z', '2026-11-23', '2026-11-23 00:00:00'],
    ['2026-12-31T16:00:01Z', '2027-01-01', '2027-01-01 00:00:01'],
    ['2028-02-28T16:30:00Z', '2028-02-29', '2028-02-29 00:30:00'],
    ['2026-03-08T09:05:07Z', '2026-03-08', '2026-03-08 17:05:07'],
  ])('formats %s as China date %s and time %s', (iso, date, dateTime) => {
    const now = Date.parse(iso);
    expect(chinaDate(now)).toBe(date);
    expect(chinaDateTime(now)).toBe(dateTime);
  });

  it.each(['UTC', 'America/Los_Angeles', 'Europe/London', 'Asia/Kolkata', 'Pacific/Kiritimati'])(
    'agrees with Intl Asia/Shanghai whatever the browser zone (%s), across midnight and DST changes',
    (zone) => {
      process.env.TZ = zone;
      const start = Date.parse('2026-03-07T12:00:00Z');
      for (let step = 0; step < 24 * 60; step += 37) {
        const now = start + step * 17 * 60_000 + 1234;
        expect(chinaDateTime(now)).toBe(intlChina(now));
      }
    },
  );

  it('turns a China date and HH:mm into the instant, and back', () => {
    const at = chinaMoment('2026-11-23', '08:00');
    expect(new Date(at).toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(chinaDateTime(at)).toBe('2026-11-23 08:00:00');
  });

  it('steps calendar days across month and year ends', () => {
    expect(addChinaDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addChinaDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('finds the next China midnight', () => {
    const now = Date.parse('2026-11-22T15:59:00Z'); // 23:59 in China
    expect(new Date(nextChinaMidnight(now)).toISOString()).toBe('2026-11-22T16:00:00.000Z');
  });
});
