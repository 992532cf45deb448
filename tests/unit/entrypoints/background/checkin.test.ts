// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { engine, engineInternals } from '@/entrypoints/background/engine';
import { runDueWork } from '@/entrypoints/background/worker';
import { chinaMoment } from '@/utils/china-time';
import { readAccounts, readCheckins, settingsItem, updateCheckins } from '@/utils/extension/storage';
import type { FaultKind } from '../../../mock-api/server';
import { holdAnswers, loginTimes, storedTimesSecret, useMockApi } from '../../support';
import { zh } from '../../../words';

const api = useMockApi();
const { checkIn } = engine;
const { runDueCheckins } = engineInternals.checkins;
const phone = '13412341234';
const accepted = () => api().times.checkins().filter((c) => c.accepted);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(chinaMoment('2026-11-23', '09:00'));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('daily check-in', () => {
  it('checks in once and reads the points afterwards', async () => {
    const key = await loginTimes(api());
    await runDueCheckins(Date.now());
    expect((await readCheckins())[key]).toMatchObject({ date: '2026-11-23', state: 'done' });
    expect(accepted()).toHaveLength(1);
    expect((await readAccounts())[0]).toMatchObject({ points: api().times.points(phone) });
  });

  it('checks in once when the alarm, startup and the button fire together', async () => {
    const key = await loginTimes(api());
    await Promise.all([runDueCheckins(Date.now()), runDueWork(), checkIn(key, true), checkIn(key), runDueCheckins(Date.now())]);
    expect(api().hits('times.collect')).toHaveLength(1);
    expect((await readCheckins())[key]?.state).toBe('done');
  });

  it('does not check in before the scheduled time, and does at it', async () => {
    await settingsItem.setValue({ ...(await settingsItem.getValue()), checkinTime: '10:00' });
    const key = await loginTimes(api());
    await runDueCheckins(Date.now());
    expect(api().hits('times.collect')).toHaveLength(0);
    vi.setSystemTime(chinaMoment('2026-11-23', '10:00'));
    await runDueCheckins(Date.now());
    expect((await readCheckins())[key]?.state).toBe('done');
  });

  it('keeps a done day done when the button is pressed again, without a second request', async () => {
    const key = await loginTimes(api());
    await runDueCheckins(Date.now());
    expect((await checkIn(key, true))?.state).toBe('done');
    expect(api().hits('times.collect')).toHaveLength(1);
  });

  it.each(['false', 'error'] as const)('counts the server\'s "already signed" (%s) as done for today', async (style) => {
    api().times.alreadyStyle = style;
    const key = await loginTimes(api());
    await checkIn(key, true);
    await updateCheckins(() => ({}));
    expect((await checkIn(key, true))?.state).toBe('already');
  });

  it.each(['false', 'error', 'status500', 'refused', 'conflict', 'message-only'] as const)(
    'reads the server\'s "already signed" (%s) as already, with one POST, when the status route is missing',
    async (style) => {
      api().times.alreadyStyle = style;
      api().times.statusMissing = true;
      const key = await loginTimes(api());
      api().times.signElsewhere(phone);
      await runDueCheckins(Date.now());
      vi.setSystemTime(Date.now() + 60 * 60_000);
      await runDueCheckins(Date.now());
      expect((await readCheckins())[key]).toMatchObject({ state: 'already' });
      expect(api().hits('times.collect')).toHaveLength(1);
    },
  );

  it('checks in again on the next China day', async () => {
    const key = await loginTimes(api());
    await runDueCheckins(Date.now());
    vi.setSystemTime(chinaMoment('2026-11-24', '00:01'));
    await runDueCheckins(Date.now());
    expect((await readCheckins())[key]).toMatchObject({ date: '2026-11-24', state: 'done' });
    expect(accepted().map((c) => c.date)).toEqual(['2026-11-23', '2026-11-24']);
  });

  it.each<FaultKind>(['html502', 'malformed', 'status500', 'status429'])(
    'never marks the day done on %s, keeps the session and retries later',
    async (kind) => {
      const key = await loginTimes(api());
      const before = await storedTimesSecret(key);
      api().inject({ route: 'times.collect', kind });
      await runDueCheckins(Date.now());
      const record = (await readCheckins())[key];
      expect(record).toMatchObject({ state: 'failed', attempts: 1, nextRetryAt: Date.now() + 5 * 60_000 });
      expect(zh(record?.error)).toMatch(/[\u4e00-\u9fff]/);
      expect(await storedTimesSecret(key)).toMatchObject({ token: before.token, refreshToken: before.refreshToken });
      vi.setSystemTime(Date.now() + 4 * 60_000);
      await runDueCheckins(Date.now());
      expect(api().hits('times.collect')).toHaveLength(1);
      vi.setSystemTime(Date.now() + 60_000);
      await runDueCheckins(Date.now());
      expect((await readCheckins())[key]).toMatchObject({ state: 'done', attempts: 2 });
    },
  );

  it('retries a check-in left running by a worker that died mid-request, and the server dedups it', async () => {
    const key = await loginTimes(api());
    await checkIn(key, true); // the request reached the server…
    await updateCheckins((r) => ({ ...r, [key]: { date: '2026-11-23', state: 'running', attempts: 1, at: Date.now() } })); // …the answer was lost
    await runDueCheckins(Date.now());
    expect(api().hits('times.collect')).toHaveLength(1);
    vi.setSystemTime(Date.now() + 61_000);
    await runDueCheckins(Date.now());
    expect((await readCheckins())[key]?.state).toBe('already');
    expect(accepted()).toHaveLength(1);
  });

  it('notifies once when the day is lost, not once per attempt', async () => {
    vi.setSystemTime(chinaMoment('2026-11-23', '23:30'));
    const key = await loginTimes(api());
    api().inject({ route: 'times.collect', kind: 'html502', times: 10 });
    // 23:30 fails (retry 23:35), 23:46 fails (retry 00:01: past midnight, so the day is lost), 23:59 does nothing.
    for (const time of ['23:30', '23:46', '23:59']) {
      vi.setSystemTime(chinaMoment('2026-11-23', time));
      await runDueCheckins(Date.now());
    }
    expect(api().hits('times.collect')).toHaveLength(2);
    expect((await readCheckins())[key]).toMatchObject({ state: 'failed', lost: true, attempts: 2 });
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([`lost:${key}:2026-11-23`]);
  });

  it.each(['failed', 'running'] as const)(
    'reports a past day left %s (the browser closed before the retry) as lost, once, then checks in today',
    async (state) => {
      const key = await loginTimes(api());
      await updateCheckins(() => ({ [key]: { date: '2026-11-22', state, attempts: 2, at: Date.now() - 86_400_000, error: '服务器暂时不可用 (HTTP 502)' } }));
      await runDueWork();
      await runDueWork();
      expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([`lost:${key}:2026-11-22`]);
      expect((await readCheckins())[key]).toMatchObject({ date: '2026-11-23', state: 'done' });
    },
  );

  it('runs again when a login lands while a run is under way, so the new account is checked in at once', async () => {
    await loginTimes(api(), '13400000001');
    // Hold the first check-in's answer, so the run that made it is still under way during the login.
    const release = holdAnswers((url) => url.includes('/collect') && api().hits('times.collect').length === 1);
    try {
      const first = runDueWork();
      await vi.waitFor(() => expect(api().hits('times.collect')).toHaveLength(1));
      const key = await loginTimes(api(), '13400000002');
      const second = runDueWork(); // the reason for this one: the login
      release();
      await Promise.all([first, second]);
      expect((await readCheckins())[key]?.state).toBe('done');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('checks in at once after a new login, even while a retry was pending or the day was given up', async () => {
    const key = await loginTimes(api());
    await updateCheckins(() => ({ [key]: { date: '2026-11-23', state: 'failed', attempts: 12, at: Date.now(), lost: true, error: '登录已失效，请重新登录' } }));
    await loginTimes(api());
    await runDueCheckins(Date.now());
    expect((await readCheckins())[key]).toMatchObject({ state: 'done', attempts: 1 });
  });

  it('checks in at the server that issued the session, not at a base URL set later', async () => {
    const key = await loginTimes(api());
    await settingsItem.setValue({ ...(await settingsItem.getValue()), timesBaseUrl: 'http://127.0.0.1:9' });
    await runDueCheckins(Date.now());
    expect((await readCheckins())[key]?.state).toBe('done');
  });

  it('checks in with a refreshed token when the access token expired overnight', async () => {
    const key = await loginTimes(api());
    api().times.expireAccessTokens();
    await runDueCheckins(Date.now());
    expect((await readCheckins())[key]?.state).toBe('done');
    expect(api().hits('times.refresh')).toHaveLength(1);
  });
});
