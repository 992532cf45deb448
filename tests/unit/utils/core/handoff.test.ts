import { describe, expect, it } from 'vitest';
import { ApiError } from '@/utils/api/http';
import { chinaMoment } from '@/utils/china-time';
import { createEngine, engineCommands, engineParts } from '@/utils/core/engine';
import { HandoffError, openHandoff } from '@/utils/handoff-bundle';
import { text } from '@/utils/i18n/keys';
import type { TimesSecret } from '@/utils/storage-schema';
import { memoryPorts, PHONE, timesAccount } from './memory-ports';

// The hand-off through the engine (issues 8 and 13): the bundle is made and shown again while the
// account is handing off (no request for it), until the import is confirmed (the tokens go, the account
// and its history stay) or the session is taken back (one refresh here spends the bundle).

const NOON = chinaMoment('2026-11-23', '12:00');
const KEY = `times:${PHONE}`;
const PASSPHRASE = 'correct horse battery';

function setup() {
  const world = memoryPorts(NOON);
  const parts = engineParts(world.ports);
  return { ...world, parts, engine: engineCommands(parts) };
}

const totalCalls = (calls: Record<string, number>) => Object.values(calls).reduce((sum, n) => sum + n, 0);

describe('hand-off', () => {
  it('puts the live session in the bundle and keeps it here, untouched, while the account is handing off', async () => {
    const { engine, memory } = setup();
    memory.state.history[KEY] = [['2026-11-22', 'done', 1, 10, 100]];
    const secret = memory.state.secrets[KEY];

    const bundle = await engine.handOff(KEY, PASSPHRASE);

    expect((await openHandoff(bundle, PASSPHRASE)).secret).toEqual(secret);
    expect(memory.state.accounts).toEqual([expect.objectContaining({ key: KEY, session: 'handing-off' })]);
    expect(memory.state.secrets[KEY]).toMatchObject({ refreshToken: (secret as { refreshToken: string }).refreshToken, handoff: { bundle } });
    // Shown again as often as asked (the popup closed when the user clicked the terminal, say).
    expect(await engine.handoffBundle(KEY)).toBe(bundle);
    expect(memory.state.history[KEY]).toHaveLength(1);
  });

  it('makes no request for an account handing off: not due, not refreshed, the button and claims refused', async () => {
    const { engine, parts, times, clock } = setup();
    await engine.handOff(KEY, PASSPHRASE);
    clock.t = NOON + 20 * 3600_000; // past the token's refresh time and the next day's check-in

    await engine.runDue(clock.t);
    await engine.runDue(clock.t, true);
    await expect(engine.checkIn(KEY, true)).rejects.toMatchObject({ text: { key: 'error.handingOff' } });
    await expect(engine.claimPoints(KEY)).rejects.toMatchObject({ text: { key: 'error.handingOff' } });
    await expect(parts.sessions.refreshTimesSession(KEY)).rejects.toMatchObject({ text: { key: 'error.handingOff' } });
    await expect(parts.sessions.withTimesSession(KEY, async () => 'used')).rejects.toMatchObject({ text: { key: 'error.handingOff' } });

    expect(totalCalls(times.calls)).toBe(0);
    expect((await engine.wakeMoments(clock.t)).filter((at) => at !== undefined && at < clock.t + 24 * 3600_000)).toHaveLength(1); // China midnight only
  });

  it('deletes the tokens once the import is confirmed, keeps the history, and makes no request afterwards', async () => {
    const { engine, memory, times, clock } = setup();
    memory.state.history[KEY] = [['2026-11-22', 'done', 1, 10, 100]];
    await engine.handOff(KEY, PASSPHRASE);

    await engine.confirmHandoff(KEY);

    expect(memory.state.secrets[KEY]).toBeUndefined();
    expect(memory.state.accounts).toEqual([expect.objectContaining({ key: KEY, session: 'handed-off' })]);
    expect(memory.state.history[KEY]).toHaveLength(1);
    await expect(engine.handoffBundle(KEY)).rejects.toMatchObject({ text: { key: 'error.notHandingOff' } });
    await expect(engine.takeBack(KEY)).rejects.toMatchObject({ text: { key: 'error.notHandingOff' } });
    clock.t = NOON + 20 * 3600_000;
    await engine.runDue(clock.t);
    await expect(engine.checkIn(KEY, true)).rejects.toMatchObject({ text: { key: 'error.handedOff' } });
    expect(totalCalls(times.calls)).toBe(0);
  });

  it('takes a hand-off back with one refresh here, which spends the bundle: a later import of it cannot use it', async () => {
    const { engine, memory, times, clock } = setup();
    const bundle = await engine.handOff(KEY, PASSPHRASE);
    const sealed = (await openHandoff(bundle, PASSPHRASE)).secret.refreshToken;
    clock.t = NOON + 3600_000;

    expect(await engine.takeBack(KEY)).toBe('active');

    expect(times.refreshTokensSeen).toEqual([sealed]);
    expect(memory.state.accounts).toEqual([expect.objectContaining({ key: KEY, session: 'active', activeSince: clock.t })]);
    const stored = memory.state.secrets[KEY] as { refreshToken: string; handoff?: unknown };
    expect(stored.refreshToken).not.toBe(sealed);
    expect(stored.handoff).toBeUndefined();
    // The session is this home's again: checked in at once.
    await engine.checkIn(KEY, true);
    expect(times.calls.collect).toBe(1);
  });

  it('keeps the account handing off when the take-back refresh fails for a passing reason', async () => {
    const world = memoryPorts(NOON);
    const client = world.ports.timesClient;
    world.ports.timesClient = (baseUrl) => ({ ...client(baseUrl), refreshToken: async () => Promise.reject(new ApiError('network', text('error.network'))) });
    const engine = createEngine(world.ports);
    const bundle = await engine.handOff(KEY, PASSPHRASE);

    await expect(engine.takeBack(KEY)).rejects.toMatchObject({ kind: 'network' });

    expect(world.memory.state.accounts).toEqual([expect.objectContaining({ session: 'handing-off' })]);
    expect(await engine.handoffBundle(KEY)).toBe(bundle);
  });

  it('says the runner has the session when its refresh came first: the tokens here go, no re-login notice', async () => {
    const { engine, memory, times, notices } = setup();
    await engine.handOff(KEY, PASSPHRASE);
    // The runner imported the bundle and refreshed it: the server refuses the token kept here.
    times.refuseRefresh = true;

    expect(await engine.takeBack(KEY)).toBe('handed-off');

    expect(memory.state.secrets[KEY]).toBeUndefined();
    expect(memory.state.accounts).toEqual([expect.objectContaining({ key: KEY, session: 'handed-off' })]);
    expect(notices).toEqual([]);
  });

  it('refuses a short passphrase, an unknown account and one without a live session, keeping the tokens', async () => {
    const { engine, memory } = setup();
    await expect(engine.handOff(KEY, 'short')).rejects.toBeInstanceOf(ApiError);
    await expect(engine.handOff('times:13500000000', PASSPHRASE)).rejects.toMatchObject({ text: { key: 'error.accountMissing' } });
    memory.state.accounts = memory.state.accounts.map((a) => (a.provider === 'times' ? { ...a, session: 'relogin' } : a));
    await expect(engine.handOff(KEY, PASSPHRASE)).rejects.toMatchObject({ text: { key: 'error.handoffNoSession' } });
    expect(memory.state.secrets[KEY]).toBeDefined();
  });

  it('waits for a refresh in flight and hands over the rotated pair, never the spent one', async () => {
    const world = memoryPorts(NOON);
    let release!: () => void;
    const answer = new Promise<void>((resolve) => (release = resolve));
    const client = world.ports.timesClient;
    // The service answers the refresh grant only when released.
    world.ports.timesClient = (baseUrl) => {
      const real = client(baseUrl);
      return { ...real, refreshToken: async (token: string) => (await answer, real.refreshToken(token)) };
    };
    const parts = engineParts(world.ports);
    const engine = engineCommands(parts);
    const spent = world.memory.state.secrets[KEY];

    const refreshing = parts.sessions.refreshTimesSession(KEY);
    let bundle: string | undefined;
    const handing = engine.handOff(KEY, PASSPHRASE).then((text) => (bundle = text));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(bundle).toBeUndefined();
    expect(world.memory.state.secrets[KEY]).toEqual(spent);

    release();
    const rotated = await refreshing;
    await handing;
    expect(world.times.refreshTokensSeen).toHaveLength(1);
    expect((await openHandoff(bundle!, PASSPHRASE)).secret).toEqual(rotated);
    expect(world.memory.state.secrets[KEY]).toMatchObject({ ...rotated, handoff: { bundle } });
  });

  it('imports a bundle as an active account, and refuses the same bundle once the session has moved on', async () => {
    const from = setup();
    from.memory.state.accounts = from.memory.state.accounts.map((a) => ({ ...a, nickname: '妈妈' }));
    const bundle = await from.engine.handOff(KEY, PASSPHRASE);

    const to = memoryPorts(NOON + 60_000, []);
    const engine = createEngine(to.ports);
    expect(await engine.importHandoff(bundle, PASSPHRASE)).toBe(KEY);
    expect(to.memory.state.accounts).toEqual([
      expect.objectContaining({ key: KEY, phone: PHONE, session: 'active', nickname: '妈妈', activeSince: NOON + 60_000 }),
    ]);
    // Spent at once: one refresh with the bundle's token, and only the new pair is stored.
    const carried = timesAccount(NOON).secret as TimesSecret;
    expect(to.times.refreshTokensSeen).toEqual([carried.refreshToken]);
    expect(to.memory.state.secrets[KEY]).toMatchObject({ provider: 'times', baseUrl: carried.baseUrl, obtainedAt: NOON + 60_000 });
    expect(to.memory.state.secrets[KEY]).not.toMatchObject({ refreshToken: carried.refreshToken });

    // The same bundle again here: refused without a request (its token is spent).
    const error = await engine.importHandoff(bundle, PASSPHRASE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HandoffError);
    expect((error as HandoffError).code).toBe('stale');
    expect(to.times.refreshTokensSeen).toHaveLength(1);
  });

  it('refuses a bundle whose session the server refuses, storing nothing', async () => {
    const from = setup();
    const bundle = await from.engine.handOff(KEY, PASSPHRASE);
    const elsewhere = memoryPorts(NOON + 60_000, []);
    elsewhere.times.refuseRefresh = true;
    const error = await createEngine(elsewhere.ports).importHandoff(bundle, PASSPHRASE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HandoffError);
    expect((error as HandoffError).code).toBe('spent');
    expect(elsewhere.memory.state.accounts).toEqual([]);
    expect(elsewhere.memory.state.secrets).toEqual({});
  });

  it('stores nothing when the refresh fails for a passing reason, and says why', async () => {
    const from = setup();
    const bundle = await from.engine.handOff(KEY, PASSPHRASE);
    const elsewhere = memoryPorts(NOON + 60_000, []);
    const client = elsewhere.ports.timesClient;
    elsewhere.ports.timesClient = (url) => ({ ...client(url), refreshToken: async () => Promise.reject(new ApiError('network', text('error.network'))) });
    const error = await createEngine(elsewhere.ports).importHandoff(bundle, PASSPHRASE).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'network' });
    expect(elsewhere.memory.state.accounts).toEqual([]);
  });
});
