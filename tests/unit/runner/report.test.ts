// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { accountReports, reportLine } from '@/runner/report';
import { emptyState, type RunnerState } from '@/runner/state-file';
import { chinaMoment } from '@/utils/china-time';
import { runnerWords } from '@/utils/i18n/runner';
import { DEFAULT_SETTINGS, type DayRecord, type TimesAccount } from '@/utils/storage-schema';
import { nextRun } from '@/utils/views/next-run';

// What `run`, `status` and the daemon say of each account, from the state as stored: the popup's
// rules (next run, state) in the runner's words.

const at = (time: string, date = '2026-11-23') => chinaMoment(date, time);
const account: TimesAccount = { provider: 'times', key: 'times:13412341234', phone: '13412341234', memberId: '1', server: 'https://m-center-prod-linli.timesgroup.cn', session: 'active', addedAt: 0 };
const settings = { ...DEFAULT_SETTINGS, checkinTime: '08:00', randomDelayMinutes: 0 };
const stateWith = (record?: DayRecord): RunnerState => ({ ...emptyState(), accounts: [account], checkins: record ? { [account.key]: record } : {} });

describe('accountReports', () => {
  it.each<[string, DayRecord | undefined, string]>([
    ['overdue: nothing ran yet after the time', undefined, '09:30'],
    ['a retry whose moment has passed', { date: '2026-11-23', state: 'failed', attempts: 1, at: at('08:00'), nextRetryAt: at('08:05') }, '08:40'],
    ['before the time', undefined, '07:00'],
  ])('shows the popup’s next run, never a moment already past (%s)', (_name, record, time) => {
    const now = at(time);
    const [report] = accountReports(stateWith(record), settings, now);
    expect(report.nextAt).toBe(nextRun(account, record, settings, now)?.at);
    expect(report.nextAt).toBeGreaterThanOrEqual(now);
  });

  it('says an overdue account is due now rather than giving a time', () => {
    const now = at('09:30');
    const [overdue] = accountReports(stateWith(), settings, now);
    expect(overdue).toMatchObject({ state: 'pending', due: true });
    expect(reportLine(overdue, runnerWords('en'))).toBe('134****1234: waiting, due now');
    const [later] = accountReports(stateWith(), settings, at('07:00'));
    expect(later).toMatchObject({ due: false });
    expect(reportLine(later, runnerWords('en'))).toBe('134****1234: waiting, runs at 11-23 08:00');
  });

  it('names the host a failed check-in could not reach', () => {
    const record: DayRecord = { date: '2026-11-23', state: 'failed', attempts: 1, at: at('08:00'), nextRetryAt: at('08:05'), error: { key: 'error.network' } };
    const [report] = accountReports(stateWith(record), settings, at('08:01'));
    expect(report.unreachable).toBe('m-center-prod-linli.timesgroup.cn');
    expect(reportLine(report, runnerWords('en'))).toBe(
      '134****1234: check-in failed: Cannot reach m-center-prod-linli.timesgroup.cn: No connection. Check the network and try again; retry at 11-23 08:05',
    );
    const refused = { ...record, error: { key: 'error.server', params: { message: '参数错误' } } };
    expect(accountReports(stateWith(refused), settings, at('08:01'))[0].unreachable).toBeUndefined();
  });

  it('has no next run for an account that needs a new login', () => {
    const [report] = accountReports({ ...stateWith(), accounts: [{ ...account, session: 'relogin' }] }, settings, at('09:00'));
    expect(report).toMatchObject({ state: 'relogin', nextAt: undefined });
  });
});

describe('reportLine', () => {
  it.each<['zh-CN' | 'en', string]>([
    ['zh-CN', '134****1234：今日已签到（连续 3 天，+5 邦豆，邦豆 120）'],
    ['en', '134****1234: checked in today (streak 3, +5 points, balance 120)'],
  ])('says a day done with its streak, reward and balance (%s)', (lang, line) => {
    expect(reportLine({ key: account.key, name: '134****1234', phone: '134****1234', state: 'done', streak: 3, reward: 5, points: 120 }, runnerWords(lang))).toBe(line);
  });

  it('says when a failed check-in is tried again, or that it is not', () => {
    const words = runnerWords('en');
    const failed = { key: account.key, name: 'Mum', phone: '134****1234', state: 'failed' as const, error: { key: 'error.timeout' } };
    expect(reportLine({ ...failed, retryAt: at('08:45') }, words)).toBe('Mum: check-in failed: The request timed out. Check the network and try again; retry at 11-23 08:45');
    expect(reportLine(failed, words)).toMatch(/^Mum: check-in failed: .+; no more tries today$/);
  });
});
