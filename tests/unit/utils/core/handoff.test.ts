import { describe, expect, it } from 'vitest';
import { ApiError } from '@/utils/api/http';
import { chinaMoment } from '@/utils/china-time';
import { createEngine, engineCommands, engineParts } from '@/utils/core/engine';
import { HandoffError, openHandoff } from '@/utils/handoff-bundle';
import { text } from '@/utils/i18n/keys';
import type { TimesSecret } from '@/utils/storage-schema';
import { memoryPorts, PHONE, timesAccount } from './memory-ports';

// The hand-off through the engine (issue 8): the session leaves with the bundle, the account stays
// (history too) and makes no request; the other home imports it once.

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
  it('puts the live session in the bundle, deletes the tokens, marks the account and keeps its history', async () => {
    const { engine, memory } = setup();
    memory.state.history[KEY] = [['2026-11-22', 'done', 1, 10, 100]];
    const secret = memory.state.secrets[KEY];

    const bundle = await engine.handOff(KEY, PASSPHRASE);

    expect((await openHandoff(bundle, PASSPHRASE)).secret).toEqual(secret);
    expect(memory.state.secrets[KEY]).toBeUndefined();
    expect(memory.state.accounts).toEqual([expect.objectContaining({ key: KEY, session: 'handed-off' })]);
    expect(memory.state.history[KEY]).toHaveLength(1);
  });

  it('makes no request for a handed-off account: not due, not refreshed, the button and claims refused', async () => {
    const { engine, times, clock } = setup();
    await engine.handOff(KEY, PASSPHRASE);
    clock.t = NOON + 20 * 3600_000; // past the token's refresh time and the next day's check-in

    await engine.runDue(clock.t);
    await engine.runDue(clock.t, true);
    await expect(engine.checkIn(KEY, true)).rejects.toMatchObject({ text: { key: 'error.handedOff' } });
    await expect(engine.claimPoints(KEY)).rejects.toMatchObject({ text: { key: 'error.handedOff' } });

    expect(totalCalls(times.calls)).toBe(0);
    expect((await engine.wakeMoments(clock.t)).filter((at) => at !== undefined && at < clock.t + 24 * 3600_000)).toHaveLength(1); // China midnight only
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
    expect(world.memory.state.secrets[KEY]).toBeUndefined();
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
