import { describe, expect, it } from 'vitest';
import { chinaMoment } from '@/utils/china-time';
import { createEngine } from '@/utils/core/engine';
import type { Pusher } from '@/utils/core/ports';
import type { PushOutcome } from '@/utils/core/push/channel';
import type { PushMessage } from '@/utils/core/rules/push-policy';
import { text } from '@/utils/i18n/keys';
import type { TimesAccount } from '@/utils/storage-schema';
import { memoryPorts, PHONE } from './memory-ports';

// The engine's push (issue 12) with in-memory ports and a recording pusher: one message per wake, a
// re-login once per ended session across wakes and restarts, the summary once a day, and a push that
// fails or hangs changes no check-in.

const EIGHT = chinaMoment('2026-11-24', '08:00');
const KEY = `times:${PHONE}`;

function recordingPusher(options: { active?: boolean; digest?: boolean; outcomes?: PushOutcome[] } = {}) {
  const sent: PushMessage[] = [];
  const pusher: Pusher & { sent: PushMessage[]; gate?: Promise<void> } = {
    sent,
    config: async () => ({ active: options.active ?? true, digest: options.digest ?? false }),
    async send(message) {
      sent.push(message);
      await pusher.gate;
      return options.outcomes ?? [{ id: 'bark-1', type: 'bark', ok: true }];
    },
  };
  return pusher;
}

function setup(pusher = recordingPusher(), phones?: string[]) {
  const world = memoryPorts(EIGHT, phones);
  world.ports.pusher = pusher;
  return { ...world, pusher, engine: createEngine(world.ports) };
}

/** The service refuses the account's tokens and its refresh: the session has ended. */
function endSession(times: ReturnType<typeof setup>['times'], phone = PHONE) {
  times.refusedTokens.add(`login-${phone}`);
  times.refuseRefresh = true;
}

describe("the engine's push", () => {
  it('sends nothing for a plain successful check-in', async () => {
    const { engine, pusher, memory } = setup();
    await engine.runDue(EIGHT);
    expect(memory.state.checkins[KEY].state).toBe('done');
    expect(pusher.sent).toEqual([]);
  });

  it('pushes a re-login once per ended session, whatever the number of wakes or restarts', async () => {
    const { ports, engine, pusher, times, clock } = setup();
    endSession(times);
    await engine.runDue(EIGHT);
    expect(pusher.sent).toEqual([{ alerts: [{ kind: 'relogin', account: '134****1234' }] }]);
    for (let wake = 1; wake <= 3; wake += 1) {
      clock.t += 15 * 60_000;
      await createEngine(ports).runDue(clock.t);
    }
    expect(pusher.sent).toHaveLength(1);
  });

  it('pushes the re-login of a later session again after a new login', async () => {
    const { ports, engine, pusher, times, clock } = setup();
    endSession(times);
    await engine.runDue(EIGHT);
    times.refuseRefresh = false;
    times.refusedTokens.clear();
    await engine.timesLogin(PHONE, '123456');
    clock.t += 60_000;
    await engine.runDue(clock.t);
    expect(pusher.sent).toHaveLength(1);
    // The new session ends too.
    times.refuseRefresh = true;
    const stored = (await ports.store.readSecrets())[KEY];
    if (stored?.provider === 'times') times.refusedTokens.add(stored.token);
    await engine.checkIn(KEY, true).catch(() => undefined);
    await engine.runDue(clock.t);
    expect(pusher.sent.map((message) => message.alerts.map((alert) => alert.kind))).toEqual([['relogin'], ['relogin']]);
  });

  it('keeps a notice raised outside a wake (the popup\'s button) for the next wake, across a restart', async () => {
    const { ports, engine, pusher, times, memory } = setup();
    endSession(times);
    await engine.checkIn(KEY, true).catch(() => undefined);
    expect(pusher.sent).toEqual([]);
    expect(memory.state.push.outbox).toHaveLength(1);
    // The worker was stopped; a new one starts and runs what is due.
    await createEngine(ports).runDue(EIGHT + 60_000);
    expect(pusher.sent).toEqual([{ alerts: [{ kind: 'relogin', account: '134****1234' }] }]);
    expect(memory.state.push.outbox).toEqual([]);
  });

  it('says everything of one wake in one message: two accounts ended', async () => {
    const { engine, pusher, times } = setup(recordingPusher(), [PHONE, '13400000002']);
    endSession(times);
    times.refusedTokens.add('login-13400000002');
    await engine.runDue(EIGHT);
    expect(pusher.sent).toHaveLength(1);
    expect(pusher.sent[0].alerts.map((alert) => alert.kind)).toEqual(['relogin', 'relogin']);
  });

  it('sends the daily summary once, after every account has an outcome, when it is on', async () => {
    const { engine, pusher, clock } = setup(recordingPusher({ digest: true }), [PHONE, '13400000002']);
    await engine.runDue(EIGHT);
    expect(pusher.sent).toEqual([
      {
        alerts: [],
        summary: {
          done: 2,
          total: 2,
          accounts: [
            { account: '134****1234', outcome: 'done', reward: 15, streak: 3 },
            { account: '134****0002', outcome: 'done', reward: 15, streak: 3 },
          ],
        },
      },
    ]);
    clock.t += 60 * 60_000;
    await engine.runDue(clock.t);
    await engine.checkIn(KEY, true);
    await engine.runDue(clock.t);
    expect(pusher.sent).toHaveLength(1);
  });

  it('waits with the summary while a check-in waits for its retry, and sends none for a later recovery', async () => {
    const { engine, pusher, times, clock, memory } = setup(recordingPusher({ digest: true }));
    times.collect = '500';
    times.status = '404';
    await engine.runDue(EIGHT);
    expect(memory.state.checkins[KEY]).toMatchObject({ state: 'failed' });
    expect(pusher.sent).toEqual([]);
    times.collect = 'ok';
    clock.t = memory.state.checkins[KEY].nextRetryAt!;
    await engine.runDue(clock.t);
    expect(pusher.sent.map((message) => message.summary?.done)).toEqual([1]);
  });

  it('records a channel that failed, clears it once one gets through, and never changes the check-in', async () => {
    const failing = recordingPusher({ outcomes: [{ id: 'bark-1', type: 'bark', ok: false, reason: text('push.failure.timeout') }] });
    const { engine, times, memory, clock } = setup(failing, [PHONE, '13400000002']);
    endSession(times, '13400000002');
    await engine.runDue(EIGHT);
    expect(memory.state.checkins[KEY].state).toBe('done');
    expect(memory.state.push.failures).toEqual({ 'bark-1': { at: EIGHT, type: 'bark', reason: { key: 'push.failure.timeout' } } });
    expect(JSON.stringify(memory.state.push)).not.toMatch(/login-|refresh/);

    clock.t += 60_000;
    memory.state.push.outbox.push({ id: 'expiring:x', at: clock.t, notice: { kind: 'expiring', account: '134****1234', points: 3 } });
    failing.send = async (message) => (failing.sent.push(message), [{ id: 'bark-1', type: 'bark', ok: true }]);
    await engine.runDue(clock.t);
    expect(memory.state.push.failures).toEqual({});
  });

  it('finishes every check-in before the push goes out, however long the push takes', async () => {
    const slow = recordingPusher();
    let release: () => void = () => undefined;
    slow.gate = new Promise<void>((resolve) => (release = resolve));
    const { engine, times, memory } = setup(slow, [PHONE, '13400000002']);
    endSession(times, '13400000002');
    const wake = engine.runDue(EIGHT);
    await expect.poll(() => slow.sent.length).toBe(1);
    expect(memory.state.checkins[KEY].state).toBe('done');
    release();
    await wake;
  });

  it('pushes nothing and keeps no notice when no channel is set', async () => {
    const { engine, pusher, times, memory } = setup(recordingPusher({ active: false }));
    endSession(times);
    await engine.runDue(EIGHT);
    expect(pusher.sent).toEqual([]);
    expect(memory.state.push.outbox).toEqual([]);
  });

  it('pushes a lost day once, and missed days as one message', async () => {
    const { engine, pusher, memory, clock } = setup();
    // Added four days ago, never ran since: three missed days, told as one.
    memory.state.accounts[0] = { ...(memory.state.accounts[0] as TimesAccount), addedAt: EIGHT - 4 * 86_400_000, activeSince: EIGHT - 4 * 86_400_000 };
    memory.state.checkins[KEY] = { date: '2026-11-20', state: 'failed', attempts: 2, at: EIGHT - 4 * 86_400_000, nextRetryAt: EIGHT - 4 * 86_400_000 + 3600_000 };
    await engine.runDue(EIGHT);
    expect(pusher.sent).toHaveLength(1);
    expect(pusher.sent[0].alerts.map((alert) => alert.kind)).toEqual(['lost', 'missed']);
    const missed = pusher.sent[0].alerts[1];
    expect(missed.kind === 'missed' && missed.dates).toEqual(['2026-11-21', '2026-11-22', '2026-11-23']);
    clock.t += 60_000;
    await engine.runDue(clock.t);
    expect(pusher.sent).toHaveLength(1);
  });
});
