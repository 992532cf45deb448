import { describe, expect, it } from 'vitest';
import { chinaMoment } from '@/utils/china-time';
import { engineCommands, engineParts } from '@/utils/core/engine';
import { reportPastDays } from '@/utils/core/history';
import { decodeHistory } from '@/utils/core/rules/day-log';
import { memberIdOf, memoryPorts, PHONE } from './memory-ports';

// The status-first check-in (issue 6), through the engine with in-memory ports and a scripted service.

const EIGHT = chinaMoment('2026-11-23', '08:00');
const KEY = `times:${PHONE}`;
const MEMBER = memberIdOf(PHONE);

function setup(phones?: string[]) {
  const world = memoryPorts(EIGHT, phones);
  const parts = engineParts(world.ports);
  return { ...world, parts, engine: engineCommands(parts) };
}

describe('status-first check-in', () => {
  it('sends no POST when the phone app signed first, and records already', async () => {
    const { engine, times, memory } = setup();
    times.signElsewhere(MEMBER);
    await engine.runDue(EIGHT);
    expect(times.calls.collect).toBeUndefined();
    expect(memory.state.checkins[KEY]).toMatchObject({ date: '2026-11-23', state: 'already' });
    expect(decodeHistory(memory.state.history[KEY])).toEqual([expect.objectContaining({ date: '2026-11-23', state: 'already' })]);
  });

  it('counts a POST whose answer was lost after the server acted as done: one POST, no failure, no retry', async () => {
    const { engine, times, memory, notices } = setup();
    times.collect = 'commit-timeout';
    await engine.runDue(EIGHT);
    expect(times.calls.collect).toBe(1);
    expect(memory.state.checkins[KEY]).toMatchObject({ state: 'done' });
    expect(memory.state.checkins[KEY].nextRetryAt).toBeUndefined();
    expect(notices).toEqual([]);
    // Later triggers the same day (alarm, startup, button) never POST again.
    await engine.runDue(EIGHT + 5 * 60_000);
    await engine.checkIn(KEY, true);
    expect(times.calls.collect).toBe(1);
    expect(memory.state.checkins[KEY].state).toBe('done');
  });

  it('reads the status again after a POST: streak and today\'s reward are kept for the popup', async () => {
    const { engine, times, memory } = setup();
    await engine.runDue(EIGHT);
    expect(times.calls.signStatus).toBe(2);
    expect(memory.state.member[KEY].status).toMatchObject({ date: '2026-11-23', signed: true, streak: 3, todayReward: 15 });
    expect(memory.state.member[KEY].status?.week).toHaveLength(7);
    expect(decodeHistory(memory.state.history[KEY])[0]).toMatchObject({ state: 'done', reward: 15, balance: 100 });
  });

  it('treats a 500 "今日已签到" as already when the status cannot be read', async () => {
    const { engine, times, memory, notices } = setup();
    times.status = '404';
    times.collect = 'already-500';
    times.signElsewhere(MEMBER);
    await engine.runDue(EIGHT);
    expect(times.calls.collect).toBe(1);
    expect(memory.state.checkins[KEY].state).toBe('already');
    expect(notices).toEqual([]);
  });

  it.each(['already-400', 'conflict-409', 'already-500'] as const)(
    'takes "already signed" in other words (%s) when the status cannot be read: one POST the whole day, no notice',
    async (style) => {
      const { engine, times, memory, notices, clock } = setup();
      times.status = '404';
      times.collect = style;
      times.signElsewhere(MEMBER);
      // Every wake of the day (the alarm, a cron run every 15 minutes) until midnight.
      for (let t = EIGHT; t < EIGHT + 15 * 3600_000; t += 15 * 60_000) {
        clock.t = t;
        await engine.runDue(t);
      }
      expect(times.calls.collect).toBe(1);
      expect(memory.state.checkins[KEY]).toMatchObject({ state: 'already' });
      expect(notices).toEqual([]);
    },
  );

  it('gives up at once, with one notice, on a refusal about today\'s sign-in it cannot read as "already"', async () => {
    const { engine, times, memory, notices, clock } = setup();
    times.status = '404';
    times.collect = 'refused-today';
    for (let t = EIGHT; t < EIGHT + 15 * 3600_000; t += 15 * 60_000) {
      clock.t = t;
      await engine.runDue(t);
    }
    expect(times.calls.collect).toBe(1);
    expect(memory.state.checkins[KEY]).toMatchObject({ state: 'failed', lost: true });
    expect(notices.map((n) => n.notice.kind)).toEqual(['lost']);
  });

  it('records done, not already, when our POST is answered "already signed" right after the status said not signed', async () => {
    const { engine, times, memory } = setup();
    times.collect = 'resent';
    await engine.runDue(EIGHT);
    expect(times.calls.collect).toBe(1);
    expect(memory.state.checkins[KEY]).toMatchObject({ state: 'done' });
    expect(decodeHistory(memory.state.history[KEY])[0]).toMatchObject({ state: 'done' });
  });

  it.each(['404', 'timeout', 'shape', 'network'] as const)('still checks in when the status endpoint fails (%s)', async (status) => {
    const { engine, times, memory } = setup();
    times.status = status;
    await engine.runDue(EIGHT);
    expect(times.calls.collect).toBe(1);
    expect(memory.state.checkins[KEY].state).toBe('done');
    expect(memory.state.member[KEY]?.status).toBeUndefined();
  });

  it('falls back to the retry schedule when neither the POST nor the status answers', async () => {
    const { engine, times, memory, clock } = setup();
    times.status = 'timeout';
    times.collect = '500';
    await engine.runDue(EIGHT);
    expect(memory.state.checkins[KEY]).toMatchObject({ state: 'failed', attempts: 1, nextRetryAt: EIGHT + 5 * 60_000 });
    expect(decodeHistory(memory.state.history[KEY])[0]).toMatchObject({ state: 'failed' });
    times.status = 'ok';
    times.collect = 'ok';
    clock.t = EIGHT + 5 * 60_000;
    await engine.runDue(clock.t);
    expect(memory.state.checkins[KEY]).toMatchObject({ state: 'done', attempts: 2 });
    expect(decodeHistory(memory.state.history[KEY])).toEqual([expect.objectContaining({ state: 'done' })]);
  });

  it('retries after a transient failure only when the status confirms the day is not signed', async () => {
    const { engine, times, memory, clock } = setup();
    times.collect = '500';
    await engine.runDue(EIGHT);
    expect(memory.state.checkins[KEY].state).toBe('failed');
    times.signElsewhere(MEMBER);
    clock.t = EIGHT + 5 * 60_000;
    await engine.runDue(clock.t);
    expect(times.calls.collect).toBe(1);
    expect(memory.state.checkins[KEY]).toMatchObject({ state: 'done' });
  });

  it('asks the status after a worker was killed mid-POST, and calls the day done without a second POST', async () => {
    const { engine, times, memory, clock } = setup();
    times.signElsewhere(MEMBER); // the server had acted on the POST the dead worker sent
    memory.state.checkins[KEY] = { date: '2026-11-23', state: 'running', attempts: 1, at: EIGHT, posted: EIGHT };
    clock.t = EIGHT + 2 * 60_000;
    await engine.runDue(clock.t);
    expect(times.calls.collect).toBeUndefined();
    expect(memory.state.checkins[KEY].state).toBe('done');
  });

  it('re-reads the status on the button for a done day and keeps done, never POSTing', async () => {
    const { engine, times, memory } = setup();
    await engine.runDue(EIGHT);
    const reads = times.calls.signStatus;
    const record = await engine.checkIn(KEY, true);
    expect(record?.state).toBe('done');
    expect(times.calls.signStatus).toBe(reads + 1);
    expect(times.calls.collect).toBe(1);
    expect(memory.state.checkins[KEY].state).toBe('done');
  });

  it('checks in at most 3 accounts at once', async () => {
    const phones = ['13400000001', '13400000002', '13400000003', '13400000004', '13400000005'];
    const { engine, times, memory } = setup(phones);
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    times.gate = () => held;
    const run = engine.runDue(EIGHT);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(times.inFlight).toBe(3);
    release();
    await run;
    expect(times.maxInFlight).toBe(3);
    expect(times.calls.collect).toBe(5);
    expect(phones.every((phone) => memory.state.checkins[`times:${phone}`]?.state === 'done')).toBe(true);
  });
});

describe('an ended session at check-in time', () => {
  it('gives one re-login notice and no "day lost" notice the next day', async () => {
    const { engine, times, memory, notices, clock, ports } = setup();
    times.refusedTokens.add(`login-${PHONE}`);
    times.refuseRefresh = true;
    await engine.runDue(EIGHT);
    expect(times.calls.collect).toBeUndefined();
    expect(memory.state.accounts[0]).toMatchObject({ session: 'relogin' });
    expect(memory.state.checkins[KEY]).toMatchObject({ state: 'failed', relogin: true });
    clock.t = chinaMoment('2026-11-24', '08:00');
    await engine.runDue(clock.t);
    await reportPastDays(ports, chinaMoment('2026-11-25', '09:00'));
    expect(notices.map((n) => n.notice.kind)).toEqual(['relogin']);
    expect(decodeHistory(memory.state.history[KEY])).toEqual([expect.objectContaining({ date: '2026-11-23', state: 'lost' })]);
  });
});

describe('a failing notifier', () => {
  it('changes nothing else: the lost day is still recorded', async () => {
    const { engine, times, memory, ports } = setup();
    ports.notifier.notify = async () => {
      throw new Error('no notifications here');
    };
    times.collect = 'rejected';
    memory.state.checkins[KEY] = { date: '2026-11-23', state: 'failed', attempts: 12, at: EIGHT };
    await expect(engine.checkIn(KEY, true)).rejects.toMatchObject({ message: '参数错误' });
    expect(memory.state.checkins[KEY]).toMatchObject({ state: 'failed', lost: true });
  });
});

describe('three at a time', () => {
  it('holds the buttons to 3 accounts in flight as well', async () => {
    const phones = ['13400000001', '13400000002', '13400000003', '13400000004', '13400000005'];
    const { engine, times } = setup(phones);
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    times.gate = () => held;
    const presses = phones.map((phone) => engine.checkIn(`times:${phone}`, true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(times.inFlight).toBe(3);
    release();
    await Promise.all(presses);
    expect(times.maxInFlight).toBe(3);
    expect(times.calls.collect).toBe(5);
  });
});

describe('a day left unfinished by an account no longer checked in here', () => {
  it.each(['relogin', 'handed-off'] as const)('is logged as lost but not told again (%s)', async (session) => {
    const { memory, notices, ports } = setup();
    memory.state.accounts[0] = { ...memory.state.accounts[0], session } as never;
    memory.state.checkins[KEY] = { date: '2026-11-23', state: 'failed', attempts: 1, at: EIGHT, nextRetryAt: EIGHT + 300_000 };
    await reportPastDays(ports, chinaMoment('2026-11-24', '09:00'));
    expect(memory.state.checkins[KEY]).toMatchObject({ lost: true });
    expect(decodeHistory(memory.state.history[KEY])).toEqual([expect.objectContaining({ date: '2026-11-23', state: 'lost' })]);
    expect(notices).toEqual([]);
  });
});
