import { describe, expect, it } from 'vitest';
import { chinaMoment } from '@/utils/china-time';
import { engineCommands, engineParts } from '@/utils/core/engine';
import { weekOf } from '@/utils/core/points';
import type { TimesSecret } from '@/utils/storage-schema';
import { memberIdOf, memoryPorts, PHONE } from './memory-ports';

const EIGHT = chinaMoment('2026-11-23', '08:00'); // a Monday
const KEY = `times:${PHONE}`;
const MEMBER = memberIdOf(PHONE);

function setup() {
  const world = memoryPorts(EIGHT);
  const parts = engineParts(world.ports);
  return { ...world, parts, engine: engineCommands(parts) };
}

describe('邦豆 claims', () => {
  it('claims waiting points with one claim-all call after the check-in', async () => {
    const { engine, times, memory } = setup();
    times.unclaimed.set(MEMBER, 25);
    await engine.runDue(EIGHT);
    expect(times.calls.claimAll).toBe(1);
    expect(times.unclaimed.has(MEMBER)).toBe(false);
    expect(memory.state.member[KEY].unclaimed).toMatchObject({ points: 0 });
  });

  it('makes no claim call when nothing is waiting', async () => {
    const { engine, times } = setup();
    await engine.runDue(EIGHT);
    expect(times.calls.pointsRecords).toBe(1);
    expect(times.calls.claimAll).toBeUndefined();
  });

  it('only shows waiting points when claims are turned off, and the button claims them', async () => {
    const { engine, times, memory } = setup();
    memory.state.settings.autoClaim = false;
    times.unclaimed.set(MEMBER, 25);
    await engine.runDue(EIGHT);
    expect(times.calls.claimAll).toBeUndefined();
    expect(memory.state.member[KEY].unclaimed).toMatchObject({ points: 25 });
    expect(await engine.claimPoints(KEY)).toBe(25);
    expect(times.calls.claimAll).toBe(1);
    expect(memory.state.member[KEY].unclaimed).toMatchObject({ points: 0 });
  });

  it('counts every waiting record, past the first page of 50, and claims them all', async () => {
    const { engine, times, memory } = setup();
    memory.state.settings.autoClaim = false;
    times.unclaimedRecords.set(MEMBER, Array.from({ length: 1000 }, () => 2));
    await engine.runDue(EIGHT);
    expect(memory.state.member[KEY].unclaimed).toMatchObject({ points: 2000 });
    expect(await engine.claimPoints(KEY)).toBe(2000);
    expect(memory.state.member[KEY].unclaimed).toMatchObject({ points: 0 });
  });

  it('reads the records again after a claim: one that answers success but claims nothing is not shown as claimed', async () => {
    const { engine, times, memory } = setup();
    memory.state.settings.autoClaim = false;
    times.unclaimed.set(MEMBER, 25);
    times.claimNothing = true;
    await engine.runDue(EIGHT);
    const error = await engine.claimPoints(KEY).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'rejected', text: { key: 'error.claimNothing' } });
    expect(times.calls.claimAll).toBe(1);
    expect(memory.state.member[KEY].unclaimed).toMatchObject({ points: 25 });
  });

  it('keeps the waiting points shown after an automatic claim that claimed nothing, and the day done', async () => {
    const { engine, times, memory } = setup();
    times.unclaimed.set(MEMBER, 25);
    times.claimNothing = true;
    await engine.runDue(EIGHT);
    expect(times.calls.claimAll).toBe(1);
    expect(memory.state.checkins[KEY].state).toBe('done');
    expect(memory.state.member[KEY].unclaimed).toMatchObject({ points: 25 });
  });

  it('keeps the check-in done when the claim fails', async () => {
    const { engine, times, memory, ports } = setup();
    times.unclaimed.set(MEMBER, 25);
    const client = ports.timesClient;
    ports.timesClient = (url) => ({ ...client(url), claimAll: async () => Promise.reject(new Error('boom')) });
    await engine.runDue(EIGHT);
    expect(memory.state.checkins[KEY].state).toBe('done');
    expect(memory.state.member[KEY].unclaimed).toMatchObject({ points: 25 });
  });
});

describe('expiring 邦豆', () => {
  it('reads them once a China day and notifies once per account per week', async () => {
    const { engine, times, memory, notices, clock } = setup();
    times.expiring.set(MEMBER, 40);
    await engine.runDue(EIGHT);
    await engine.checkIn(KEY, true);
    expect(times.calls.expiringPoints).toBe(1);
    expect(memory.state.member[KEY].expiring).toEqual({ points: 40, date: '2026-11-23' });
    for (const day of ['2026-11-24', '2026-11-25', '2026-11-29']) {
      clock.t = chinaMoment(day, '08:00');
      await engine.runDue(clock.t);
    }
    expect(times.calls.expiringPoints).toBe(4);
    expect(notices.filter((n) => n.notice.kind === 'expiring')).toHaveLength(1);
    clock.t = chinaMoment('2026-11-30', '08:00'); // the next Monday: a new week
    await engine.runDue(clock.t);
    expect(notices.filter((n) => n.notice.kind === 'expiring')).toHaveLength(2);
  });

  it.each([
    ['2026-11-23', '2026-11-23'],
    ['2026-11-25', '2026-11-23'],
    ['2026-11-29', '2026-11-23'],
    ['2026-11-30', '2026-11-30'],
    ['2027-01-01', '2026-12-28'],
  ])('puts %s in the week of Monday %s', (date, monday) => {
    expect(weekOf(date)).toBe(monday);
  });
});

describe('a rotated token pair that cannot be saved', () => {
  const expire = (secret: TimesSecret): TimesSecret => ({ ...secret, obtainedAt: EIGHT - 7 * 3600_000, expiresAt: EIGHT + 60_000 });

  it('retries the write, so the spent refresh token is never sent again', async () => {
    const { engine, parts, times, memory } = setup();
    memory.state.secrets[KEY] = expire(memory.state.secrets[KEY] as TimesSecret);
    memory.failNext.secrets = 1;
    await engine.runDue(EIGHT);
    const stored = memory.state.secrets[KEY] as TimesSecret;
    expect(stored.refreshToken).toBe('refresh-1');
    expect(memory.state.accounts[0]).not.toHaveProperty('sessionUnsaved');
    memory.state.secrets[KEY] = expire(stored);
    await parts.sessions.refreshTimesSession(KEY);
    expect(times.refreshTokensSeen).toEqual([`login-refresh-${PHONE}`, 'refresh-1']);
  });

  it('holds the new pair unused, flags the account for the popup, and never re-sends the spent token', async () => {
    const { engine, parts, times, memory, clock } = setup();
    memory.state.secrets[KEY] = expire(memory.state.secrets[KEY] as TimesSecret);
    memory.failNext.secrets = 3;
    await expect(parts.sessions.refreshTimesSession(KEY)).rejects.toMatchObject({ kind: 'server', transient: true });
    expect(memory.state.accounts[0]).toMatchObject({ sessionUnsaved: true });
    // Storage still holds the spent pair; while the new one can't be stored, nothing is sent at all.
    expect((memory.state.secrets[KEY] as TimesSecret).refreshToken).toBe(`login-refresh-${PHONE}`);
    memory.failNext.secrets = 100;
    await expect(parts.sessions.refreshTimesSession(KEY)).rejects.toMatchObject({ kind: 'server' });
    await engine.runDue(EIGHT);
    expect(times.refreshTokensSeen).toEqual([`login-refresh-${PHONE}`]);
    expect(times.calls.signStatus).toBeUndefined();
    expect(times.calls.collect).toBeUndefined();
    // Once storage works again (by the check-in's retry) the held pair is written first, then used.
    memory.failNext.secrets = 0;
    clock.t = EIGHT + 5 * 60_000;
    await engine.runDue(clock.t);
    expect((memory.state.secrets[KEY] as TimesSecret).refreshToken).toBe('refresh-1');
    expect(memory.state.accounts[0]).not.toHaveProperty('sessionUnsaved');
    expect(times.calls.collect).toBe(1);
    expect(times.refreshTokensSeen).toEqual([`login-refresh-${PHONE}`]);
  });

  it('stores a held pair before it is rotated again, so no refresh token is ever sent twice', async () => {
    const { parts, times, memory } = setup();
    memory.state.secrets[KEY] = expire(memory.state.secrets[KEY] as TimesSecret);
    memory.failNext.secrets = 3;
    await expect(parts.sessions.refreshTimesSession(KEY)).rejects.toMatchObject({ kind: 'server' });
    memory.failNext.secrets = 0;
    await parts.sessions.refreshTimesSession(KEY); // the held refresh-1 is stored, then rotated to refresh-2
    expect((memory.state.secrets[KEY] as TimesSecret).refreshToken).toBe('refresh-2');
    await parts.sessions.refreshTimesSession(KEY);
    expect(times.refreshTokensSeen).toEqual([`login-refresh-${PHONE}`, 'refresh-1', 'refresh-2']);
  });

  it('ends a session whose held pair the server refuses: re-login, one notice, no resend', async () => {
    const { parts, times, memory, notices } = setup();
    memory.state.secrets[KEY] = expire(memory.state.secrets[KEY] as TimesSecret);
    memory.failNext.secrets = 3;
    await expect(parts.sessions.refreshTimesSession(KEY)).rejects.toMatchObject({ kind: 'server' });
    memory.failNext.secrets = 0;
    times.refuseRefresh = true;
    await expect(parts.sessions.refreshTimesSession(KEY)).rejects.toMatchObject({ kind: 'unauthorized' });
    expect(memory.state.accounts[0]).toMatchObject({ session: 'relogin' });
    expect(notices.map((n) => n.notice.kind)).toEqual(['relogin']);
  });
});

describe('an account listed without a session', () => {
  it('asks for a new login once instead of failing silently every day', async () => {
    const { engine, times, memory, notices, clock } = setup();
    delete memory.state.secrets[KEY]; // a damaged entry, left out when read
    await engine.runDue(EIGHT);
    expect(memory.state.accounts[0]).toMatchObject({ session: 'relogin' });
    expect(times.calls.collect).toBeUndefined();
    clock.t = chinaMoment('2026-11-24', '09:00');
    await engine.runDue(clock.t);
    expect(notices.map((n) => n.notice.kind)).toEqual(['relogin']);
  });
});

describe('the hand-off slot', () => {
  it('refuses a refresh that joins it instead of handing that caller the session that left', async () => {
    const { parts, memory, times } = setup();
    let release = () => undefined as void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const stored = memory.state.secrets[KEY];
    const taking = parts.sessions.holdForHandoff(KEY, () => gate);
    const joiner = parts.sessions.refreshTimesSession(KEY);
    release();
    await taking;
    await expect(joiner).rejects.toMatchObject({ kind: 'rejected', text: { key: 'error.handingOff' } });
    expect(memory.state.secrets[KEY]).toEqual(stored);
    expect(times.refreshTokensSeen).toEqual([]);
  });
});
