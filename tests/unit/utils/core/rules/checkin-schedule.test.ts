import { describe, expect, it } from 'vitest';
import { chinaMoment } from '@/utils/china-time';
import {
  checkInDue,
  delayMinutes,
  failedRecord,
  MAX_ATTEMPTS_PER_DAY,
  nextCheckinAt,
  nextWakeAt,
  retryDelayMs,
  RUNNING_STALE_MS,
  scheduledAt,
} from '@/utils/core/rules/checkin-schedule';
import type { DayRecord } from '@/utils/storage-schema';

const settings = { checkinTime: '08:00', randomDelayMinutes: 0 };
const at = (time: string, date = '2026-11-23') => chinaMoment(date, time);
const key = 'times:13412341234';
const record = (r: Partial<DayRecord>): DayRecord => ({ date: '2026-11-23', state: 'done', attempts: 1, at: at('08:00'), ...r });

describe('checkInDue', () => {
  it.each<[string, DayRecord | undefined, string, boolean]>([
    ['nothing recorded, before the time', undefined, '07:59', false],
    ['nothing recorded, at the time', undefined, '08:00', true],
    ['nothing recorded, after the time (catch-up at browser start)', undefined, '21:30', true],
    ['only yesterday recorded', record({ date: '2026-11-22' }), '08:01', true],
    ['done today', record({ state: 'done' }), '09:00', false],
    ['already today', record({ state: 'already' }), '09:00', false],
    ['failed, retry not yet due', record({ state: 'failed', nextRetryAt: at('08:05') }), '08:04', false],
    ['failed, retry due', record({ state: 'failed', nextRetryAt: at('08:05') }), '08:05', true],
    ['failed and the day is lost', record({ state: 'failed', lost: true }), '23:00', false],
    ['running for a few seconds', record({ state: 'running', at: at('08:00') }), '08:00', false],
    ['running but stale (the worker died mid-request)', record({ state: 'running', at: at('08:00') }), '08:02', true],
  ])('%s → %s', (_name, stored, time, due) => {
    expect(checkInDue({ key, canCheckIn: true, record: stored }, settings, at(time))).toBe(due);
  });

  it('is never due for an account that needs a new login', () => {
    expect(checkInDue({ key, canCheckIn: false }, settings, at('12:00'))).toBe(false);
  });

  it('decides "today" by the China date: 23:59 and 00:01 China time are different days', () => {
    const lateDone = record({ date: '2026-11-23', state: 'done' });
    expect(checkInDue({ key, canCheckIn: true, record: lateDone }, { ...settings, checkinTime: '00:00' }, at('23:59'))).toBe(false);
    expect(checkInDue({ key, canCheckIn: true, record: lateDone }, { ...settings, checkinTime: '00:00' }, at('00:01', '2026-11-24'))).toBe(true);
  });
});

describe('nextCheckinAt', () => {
  it.each<[string, DayRecord | undefined, string, number]>([
    ['nothing yet today: today at 08:00', undefined, '06:00', at('08:00')],
    ['done today: tomorrow at 08:00', record({ state: 'done' }), '09:00', at('08:00', '2026-11-24')],
    ['failed: the retry moment', record({ state: 'failed', nextRetryAt: at('10:15') }), '10:00', at('10:15')],
    ['running: when it turns stale', record({ state: 'running', at: at('10:00') }), '10:00', at('10:00') + RUNNING_STALE_MS],
    ['lost today: tomorrow', record({ state: 'failed', lost: true }), '23:10', at('08:00', '2026-11-24')],
  ])('%s', (_name, stored, time, expected) => {
    expect(nextCheckinAt({ key, canCheckIn: true, record: stored }, settings, at(time))).toBe(expected);
  });
});

describe('random delay', () => {
  it('stays within 0..max minutes and is stable for the same account and day', () => {
    for (let day = 1; day <= 28; day++) {
      const date = `2026-02-${String(day).padStart(2, '0')}`;
      const minutes = delayMinutes(key, date, 10);
      expect(minutes).toBeGreaterThanOrEqual(0);
      expect(minutes).toBeLessThanOrEqual(10);
      expect(delayMinutes(key, date, 10)).toBe(minutes);
    }
  });

  it('differs between days, so the check-in does not land on the same minute every day', () => {
    const minutes = new Set(Array.from({ length: 28 }, (_, i) => delayMinutes(key, `2026-02-${String(i + 1).padStart(2, '0')}`, 10)));
    expect(minutes.size).toBeGreaterThan(3);
  });

  it.each(['23:50', '23:59'])('never lets a late time (%s) plus its delay spill into the next day', (time) => {
    const late = { checkinTime: time, randomDelayMinutes: 20 };
    for (let day = 20; day <= 27; day++) {
      const date = `2026-11-${day}`;
      const moment = scheduledAt(key, date, late);
      expect(moment).toBeGreaterThanOrEqual(chinaMoment(date, time));
      expect(moment).toBeLessThanOrEqual(chinaMoment(date, '23:59'));
      expect(checkInDue({ key, canCheckIn: true }, late, chinaMoment(date, '23:59'))).toBe(true);
    }
  });

  it('is zero when the maximum is 0, so the check-in is exactly at the set time', () => {
    expect(scheduledAt(key, '2026-11-23', { checkinTime: '08:00', randomDelayMinutes: 0 })).toBe(at('08:00'));
  });
});

describe('failures', () => {
  it.each([
    [1, 5],
    [2, 15],
    [3, 45],
    [4, 60],
    [9, 60],
  ])('waits after attempt %i for %i minutes', (attempts, minutes) => {
    expect(retryDelayMs(attempts)).toBe(minutes * 60_000);
  });

  it('schedules a retry while the day lasts', () => {
    const failed = failedRecord(record({ state: 'running', attempts: 1 }), '2026-11-23', at('08:00'), '服务器暂时不可用 (HTTP 502)');
    expect(failed).toMatchObject({ state: 'failed', attempts: 1, nextRetryAt: at('08:05') });
    expect(failed.lost).toBeUndefined();
  });

  it('gives the day up when the next retry would fall after midnight', () => {
    const failed = failedRecord(record({ state: 'running', attempts: 4 }), '2026-11-23', at('23:30'), 'x');
    expect(failed).toMatchObject({ state: 'failed', lost: true });
    expect(failed.nextRetryAt).toBeUndefined();
  });

  it(`gives the day up after ${MAX_ATTEMPTS_PER_DAY} attempts`, () => {
    const failed = failedRecord(record({ state: 'running', attempts: MAX_ATTEMPTS_PER_DAY }), '2026-11-23', at('12:00'), 'x');
    expect(failed.lost).toBe(true);
  });
});

describe('nextWakeAt', () => {
  const now = at('12:00');
  it.each<[string, (number | undefined)[], number | undefined]>([
    ['nothing to do', [], undefined],
    ['only unknown moments', [undefined], undefined],
    ['the earliest moment', [now + 50_000, now + 20_000, undefined], now + 20_000],
    ['an overdue moment rings in a second', [now - 60_000], now + 1_000],
  ])('%s', (_name, moments, expected) => {
    expect(nextWakeAt(moments, now)).toBe(expected);
  });
});
