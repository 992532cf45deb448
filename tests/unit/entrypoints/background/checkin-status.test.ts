// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { engine } from '@/entrypoints/background/engine';
import { chinaMoment } from '@/utils/china-time';
import { readCheckins, readMember, settingsItem, updateCheckins } from '@/utils/extension/storage';
import { loginTimes, useMockApi } from '../../support';

// The status-first check-in of the extension's engine against the mock Times API over HTTP.

const api = useMockApi();
const phone = '13412341234';
const key = `times:${phone}`;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(chinaMoment('2026-11-23', '09:00'));
});
afterEach(() => vi.useRealTimers());

describe('check-in by the service\'s status', () => {
  it('sends no POST for an account signed on the phone first', async () => {
    api().times.signElsewhere(phone);
    await loginTimes(api());
    await engine.runDue(Date.now());
    expect(api().hits('times.collect')).toHaveLength(0);
    expect((await readCheckins())[key]).toMatchObject({ state: 'already' });
    expect((await readMember())[key]?.status).toMatchObject({ signed: true, streak: 1 });
  });

  it('reads the status before and after the POST, and keeps streak, week and today\'s reward', async () => {
    api().times.setSignedDays(phone, ['2026-11-21', '2026-11-22']);
    await loginTimes(api());
    await engine.runDue(Date.now());
    expect(api().requests.map((r) => r.route).filter((r) => r.startsWith('times.') && r !== 'times.send' && r !== 'times.smsToken' && r !== 'times.member')).toEqual([
      'times.signStatus',
      'times.collect',
      'times.signStatus',
      'times.pointsRecords',
      'times.expiringPoints',
    ]);
    const { status } = (await readMember())[key];
    expect(status).toMatchObject({ signed: true, streak: 3, todayReward: 15 });
    expect(status?.week.map((d) => d.complete)).toEqual([true, true, true, false, false, false, false]);
  });

  it('still checks in when the status endpoint is missing (404)', async () => {
    api().times.statusMissing = true;
    await loginTimes(api());
    await engine.runDue(Date.now());
    expect(api().hits('times.collect')).toHaveLength(1);
    expect((await readCheckins())[key]).toMatchObject({ state: 'done' });
  });

  it('takes an HTTP 500 "今日已签到" as already signed, with no failure and no retry', async () => {
    api().times.statusMissing = true;
    api().times.alreadyStyle = 'status500';
    api().times.signElsewhere(phone);
    await loginTimes(api());
    await engine.runDue(Date.now());
    expect((await readCheckins())[key]).toMatchObject({ state: 'already' });
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([]);
  });

  it('claims check-in points that land as unclaimed records, with one claim-all call', async () => {
    api().times.pointsMode = 'unclaimed';
    await loginTimes(api());
    const before = api().times.points(phone);
    await engine.runDue(Date.now());
    expect(api().hits('times.claimAll')).toHaveLength(1);
    expect(api().times.unclaimed(phone)).toBe(0);
    expect(api().times.points(phone)).toBe(before + 10);
    expect((await readMember())[key]?.unclaimed?.points).toBe(0);
  });

  it('leaves them waiting when claims are off, for the popup\'s button', async () => {
    await settingsItem.setValue({ ...(await settingsItem.getValue()), autoClaim: false });
    api().times.pointsMode = 'unclaimed';
    await loginTimes(api());
    await engine.runDue(Date.now());
    expect(api().hits('times.claimAll')).toHaveLength(0);
    expect((await readMember())[key]?.unclaimed?.points).toBe(10);
    expect(await engine.claimPoints(key)).toBe(10);
    expect(api().times.unclaimed(phone)).toBe(0);
  });

  it('shows points expiring within 7 days and notifies once', async () => {
    api().times.setExpiring(phone, 30, 3);
    await loginTimes(api());
    await engine.runDue(Date.now());
    expect((await readMember())[key]?.expiring).toEqual({ points: 30, date: '2026-11-23' });
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([`expiring:${key}:2026-11-23`]);
  });

  it('asks the status, not the POST, after a worker died mid-request', async () => {
    await loginTimes(api());
    await engine.runDue(Date.now()); // the POST reached the server…
    await updateCheckins((r) => ({ ...r, [key]: { date: '2026-11-23', state: 'running', attempts: 1, at: Date.now(), posted: Date.now() } }));
    vi.setSystemTime(Date.now() + 61_000);
    await engine.runDue(Date.now());
    expect(api().hits('times.collect')).toHaveLength(1);
    expect((await readCheckins())[key]).toMatchObject({ state: 'done' });
  });
});
