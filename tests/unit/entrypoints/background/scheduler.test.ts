import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ALARM_NAME, ensureAlarm, nextWake, updateBadge } from '@/entrypoints/background/scheduler';
import { chinaMoment } from '@/utils/china-time';
import { accountsItem, checkinsItem, secretsItem, settingsItem } from '@/utils/extension/storage';
import { DEFAULT_SETTINGS, type Account, type TimesSecret } from '@/utils/storage-schema';

const now = chinaMoment('2026-11-23', '06:00');
const times: Account = { provider: 'times', key: 'times:13412341234', phone: '13412341234', memberId: '1867395312345678901', server: 'https://m-center-prod-linli.timesgroup.cn', session: 'active', addedAt: 0 };
const other: Account = { ...times, key: 'times:13500000000', phone: '13500000000' };
const secret: TimesSecret = { provider: 'times', baseUrl: 'https://m-center-prod-linli.timesgroup.cn', token: 't', refreshToken: 'r', tokenHead: 'Bearer ', obtainedAt: now, expiresAt: now + 8 * 3600_000 };

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(now);
  await settingsItem.setValue({ ...DEFAULT_SETTINGS, randomDelayMinutes: 0 });
});
afterEach(() => vi.useRealTimers());

describe('the alarm', () => {
  it('sets no alarm when there is nothing to do', async () => {
    await ensureAlarm(now);
    expect(await fakeBrowser.alarms.get(ALARM_NAME)).toBeFalsy();
  });

  it('rings at the check-in time when that comes before the session refresh', async () => {
    await accountsItem.setValue([times]);
    await secretsItem.setValue({ [times.key]: secret });
    await ensureAlarm(now);
    expect((await fakeBrowser.alarms.get(ALARM_NAME))?.scheduledTime).toBe(chinaMoment('2026-11-23', '08:00'));
  });

  it('rings for the session refresh when that comes first', async () => {
    await accountsItem.setValue([times]);
    await secretsItem.setValue({ [times.key]: { ...secret, obtainedAt: now - 7 * 3600_000, expiresAt: now + 3600_000 } });
    expect(await nextWake(now)).toBe(now + 1_000); // overdue: right away
  });

  it('rings at China midnight when today is done, so the badge turns with the day', async () => {
    await accountsItem.setValue([times]);
    await checkinsItem.setValue({ [times.key]: { date: '2026-11-23', state: 'done', attempts: 1, at: now } });
    expect(await nextWake(now)).toBe(chinaMoment('2026-11-24', '00:00'));
  });

  it('rings at tomorrow\'s time once the new day has begun', async () => {
    await accountsItem.setValue([times]);
    await checkinsItem.setValue({ [times.key]: { date: '2026-11-23', state: 'done', attempts: 1, at: now } });
    const justAfterMidnight = chinaMoment('2026-11-24', '00:00');
    expect(await nextWake(justAfterMidnight)).toBe(chinaMoment('2026-11-24', '08:00'));
  });

  it('ignores accounts that need a new login, and rings when a Homing session expires', async () => {
    await accountsItem.setValue([
      { ...times, session: 'relogin' },
      { provider: 'homing', key: 'homing:13800138000', mobile: '13800138000', userCode: 'U1', server: 'https://homing.example.com', via: 'sms', session: 'active', expiresAt: now + 7200_000, addedAt: 0 },
    ]);
    expect(await nextWake(now)).toBe(now + 7200_000);
  });

  it('skips creating a duplicate alarm when one already rings at the right moment', async () => {
    await accountsItem.setValue([times]);
    await ensureAlarm(now);
    const create = vi.spyOn(fakeBrowser.alarms, 'create');
    await ensureAlarm(now);
    expect(create).not.toHaveBeenCalled();
  });

  it('replaces an alarm that rings at the wrong moment', async () => {
    await accountsItem.setValue([times]);
    await fakeBrowser.alarms.create(ALARM_NAME, { when: now + 999_999 });
    await ensureAlarm(now);
    expect((await fakeBrowser.alarms.get(ALARM_NAME))?.scheduledTime).toBe(chinaMoment('2026-11-23', '08:00'));
    expect(await fakeBrowser.alarms.getAll()).toHaveLength(1);
  });

  it('follows a change of the check-in time', async () => {
    await accountsItem.setValue([times]);
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, randomDelayMinutes: 0, checkinTime: '07:30' });
    await ensureAlarm(now);
    expect((await fakeBrowser.alarms.get(ALARM_NAME))?.scheduledTime).toBe(chinaMoment('2026-11-23', '07:30'));
  });
});

describe('the badge', () => {
  it.each<[string, Account[], Record<string, unknown>, string]>([
    ['no accounts', [], {}, ''],
    ['pending', [times], {}, ''],
    ['done', [times], { [times.key]: { date: '2026-11-23', state: 'done', attempts: 1, at: now } }, '✓'],
    ['done yesterday only', [times], { [times.key]: { date: '2026-11-22', state: 'done', attempts: 1, at: now } }, ''],
    ['failed', [times], { [times.key]: { date: '2026-11-23', state: 'failed', attempts: 1, at: now } }, '!'],
    ['needs re-login', [{ ...times, session: 'relogin' } as Account], {}, '!'],
  ])('sets the badge for: %s', async (_name, accounts, records, text) => {
    await accountsItem.setValue(accounts);
    await checkinsItem.setValue(records as never);
    await updateBadge(now);
    expect(await fakeBrowser.action.getBadgeText({})).toBe(text);
  });

  it.each<[string, Account[], Record<string, unknown>, string, string]>([
    ['no accounts', [], {}, '邻里签到：没有需要签到的账号', 'Linli Check-in: no account to check in'],
    ['one of two done', [times, other], { [times.key]: { date: '2026-11-23', state: 'done', attempts: 1, at: now } }, '邻里签到：今日 1/2 已签到', 'Linli Check-in: 1/2 checked in today'],
    [
      'one failed',
      [times],
      { [times.key]: { date: '2026-11-23', state: 'failed', attempts: 1, at: now } },
      '邻里签到：今日 0/1 已签到，有账号需要处理',
      'Linli Check-in: 0/1 checked in today; an account needs attention',
    ],
  ])("says today's state in words in the button's title, in the language set: %s", async (_name, accounts, records, chinese, english) => {
    await accountsItem.setValue(accounts);
    await checkinsItem.setValue(records as never);
    await updateBadge(now);
    expect(await fakeBrowser.action.getTitle({})).toBe(chinese);
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, language: 'en' });
    await updateBadge(now);
    expect(await fakeBrowser.action.getTitle({})).toBe(english);
  });

  it("follows the browser's language when the setting is auto", async () => {
    vi.mocked(fakeBrowser.i18n.getUILanguage).mockReturnValue('en-US');
    await updateBadge(now);
    expect(await fakeBrowser.action.getTitle({})).toBe('Linli Check-in: no account to check in');
  });
});
