import { describe, expect, it } from 'vitest';
import { chinaMoment } from '@/utils/china-time';
import { nextRun, whenLabel } from '@/utils/views/next-run';
import type { Account, DayRecord } from '@/utils/storage-schema';
import { en, zh } from '../../../words';

const at = (time: string, date = '2026-11-23') => chinaMoment(date, time);
const settings = { checkinTime: '08:07', randomDelayMinutes: 0 };
const times: Account = { provider: 'times', key: 'times:13412341234', phone: '13412341234', memberId: '1', server: 'https://m-center-prod-linli.timesgroup.cn', session: 'active', addedAt: 0 };
const homing: Account = { provider: 'homing', key: 'homing:13800138000', mobile: '13800138000', userCode: 'E1', server: 'https://homing.example.com', via: 'sms', session: 'active', addedAt: 0 };
const record = (r: Partial<DayRecord>): DayRecord => ({ date: '2026-11-23', state: 'done', attempts: 1, at: at('08:07'), ...r });

describe('whenLabel', () => {
  it.each<[string, number, number, string]>([
    ['later today', at('08:07'), at('07:00'), '今天 08:07'],
    ['tomorrow', at('08:07', '2026-11-24'), at('21:00'), '明天 08:07'],
    ['two days on', at('08:07', '2026-12-02'), at('21:00', '2026-11-30'), '12月2日 08:07'],
    ['24-hour clock', at('21:05', '2026-11-25'), at('09:00'), '11月25日 21:05'],
    ['past midnight in China while UTC is still on the day before', at('00:30', '2026-11-24'), at('23:50'), '明天 00:30'],
    ['the New Year', at('08:07', '2027-01-01'), at('09:00', '2026-12-31'), '明天 08:07'],
  ])('%s → %s', (_name, moment, now, label) => {
    expect(zh(whenLabel(moment, now))).toBe(label);
  });

  it.each<[number, number, string]>([
    [at('08:07'), at('07:00'), 'today 08:07'],
    [at('08:07', '2026-11-24'), at('21:00'), 'tomorrow 08:07'],
    [at('21:05', '2026-12-02'), at('09:00'), '12/2 21:05'],
  ])('says %s in English, still 24-hour China time', (moment, now, label) => {
    expect(en(whenLabel(moment, now))).toBe(label);
  });
});

describe('nextRun', () => {
  it.each<[string, DayRecord | undefined, string, { at: number; retry: boolean; label: string }]>([
    ['nothing yet today, before the time', undefined, '07:00', { at: at('08:07'), retry: false, label: '今天 08:07' }],
    ['done today: tomorrow', record({}), '09:00', { at: at('08:07', '2026-11-24'), retry: false, label: '明天 08:07' }],
    ['already today: tomorrow', record({ state: 'already' }), '09:00', { at: at('08:07', '2026-11-24'), retry: false, label: '明天 08:07' }],
    ['failed today, a retry planned', record({ state: 'failed', nextRetryAt: at('08:35') }), '08:10', { at: at('08:35'), retry: true, label: '今天 08:35' }],
    ['failed today and the day lost: tomorrow', record({ state: 'failed', lost: true }), '23:00', { at: at('08:07', '2026-11-24'), retry: false, label: '明天 08:07' }],
    ['lost even with a retry time left over: tomorrow', record({ state: 'failed', lost: true, nextRetryAt: at('23:30') }), '23:00', { at: at('08:07', '2026-11-24'), retry: false, label: '明天 08:07' }],
    ["yesterday's failure is no retry", record({ date: '2026-11-22', state: 'failed', nextRetryAt: at('23:50', '2026-11-22') }), '07:00', { at: at('08:07'), retry: false, label: '今天 08:07' }],
    ['overdue (the computer slept through 08:07): now, not a time already past', undefined, '12:00', { at: at('12:00'), retry: false, label: '今天 12:00' }],
  ])('%s', (_name, stored, time, expected) => {
    const next = nextRun(times, stored, settings, at(time));
    expect({ ...next, label: zh(next?.label) }).toEqual(expected);
  });

  it.each(['relogin', 'handed-off'] as const)('says nothing for an account not checked in here (%s)', (session) => {
    expect(nextRun({ ...times, session }, undefined, settings, at('07:00'))).toBeUndefined();
  });

  it('says nothing for a Homing account', () => {
    expect(nextRun(homing, undefined, settings, at('07:00'))).toBeUndefined();
  });
});
