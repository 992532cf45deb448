import { describe, expect, it } from 'vitest';
import { addChinaDays, chinaMoment } from '@/utils/china-time';
import { createEngine } from '@/utils/core/engine';
import { reportPastDays } from '@/utils/core/history';
import { decodeHistory, encodeEntry, HISTORY_MAX_DAYS, missedDates, monthReward, upsertEntry, type HistoryEntry } from '@/utils/core/rules/day-log';
import type { HistoryTuple } from '@/utils/storage-schema';
import { memoryPorts, PHONE } from '../memory-ports';

const day = (date: string, state: HistoryEntry['state'] = 'done', reward?: number): HistoryEntry => ({ date, state, at: chinaMoment(date, '08:00'), reward });

describe('the history log', () => {
  it('keeps one entry per date, in order, and keeps a known reward when a later write lacks it', () => {
    let log = upsertEntry(undefined, day('2026-11-24', 'failed'));
    log = upsertEntry(log, day('2026-11-23', 'done', 10));
    log = upsertEntry(log, { ...day('2026-11-24', 'done', 15), balance: 300 });
    log = upsertEntry(log, { date: '2026-11-24', state: 'done', at: chinaMoment('2026-11-24', '09:00') });
    expect(decodeHistory(log)).toEqual([
      { date: '2026-11-23', state: 'done', at: chinaMoment('2026-11-23', '08:00'), reward: 10 },
      { date: '2026-11-24', state: 'done', at: chinaMoment('2026-11-24', '09:00'), reward: 15, balance: 300 },
    ]);
  });

  it(`keeps at most ${HISTORY_MAX_DAYS} days, dropping the oldest`, () => {
    let log: HistoryTuple[] = [];
    for (let i = 0; i < 450; i += 1) log = upsertEntry(log, day(addChinaDays('2025-01-01', i)));
    expect(log).toHaveLength(HISTORY_MAX_DAYS);
    expect(log[0][0]).toBe(addChinaDays('2025-01-01', 50));
  });

  it('stores 5 accounts x 365 days in under 100 KB', () => {
    const history: Record<string, HistoryTuple[]> = {};
    for (let a = 0; a < 5; a += 1) {
      history[`times:1340000000${a}`] = Array.from({ length: 365 }, (_, i) => encodeEntry({ ...day(addChinaDays('2026-01-01', i), 'done', 30), balance: 123456 }));
    }
    expect(JSON.stringify({ history }).length).toBeLessThan(100 * 1024);
  });

  it('adds up a month\'s rewards', () => {
    const entries = [day('2026-10-31', 'done', 30), day('2026-11-01', 'done', 10), day('2026-11-02', 'already'), day('2026-11-03', 'done', 15)];
    expect(monthReward(entries, '2026-11')).toBe(25);
  });
});

describe('missed days', () => {
  // The same instants read in any time zone: China dates come from UTC+8, never the local zone.
  it.each([
    ['just after China midnight', chinaMoment('2026-11-26', '00:01')],
    ['late in the China day', chinaMoment('2026-11-26', '23:59')],
  ])('finds the days with no record since the last one (%s)', (_when, now) => {
    const entries = [day('2026-11-21'), day('2026-11-23')];
    expect(missedDates(entries, chinaMoment('2026-11-01', '12:00'), now)).toEqual(['2026-11-24', '2026-11-25']);
  });

  it.each([
    ['America/Los_Angeles', 25],
    ['Pacific/Kiritimati', 26],
    ['Europe/London', 25],
    ['Asia/Shanghai', 25],
  ])(
    'gives the same China dates when the computer is in %s',
    (zone, localDate) => {
      const saved = process.env.TZ;
      process.env.TZ = zone;
      try {
        // 2026-11-25 23:30 in China is still the 25th there, whatever the local date.
        expect(missedDates([day('2026-11-22')], 0, chinaMoment('2026-11-25', '23:30'))).toEqual(['2026-11-23', '2026-11-24']);
        // The zone took effect: in Kiritimati (UTC+14) the local date is already the 26th.
        expect(new Date(chinaMoment('2026-11-25', '23:30')).getDate()).toBe(localDate);
      } finally {
        process.env.TZ = saved;
      }
    },
  );

  it('counts from the day after the session start when there is no record (a login may come late)', () => {
    expect(missedDates([], chinaMoment('2026-11-24', '07:00'), chinaMoment('2026-11-27', '09:00'))).toEqual(['2026-11-25', '2026-11-26']);
  });

  it('does not reach back before a new login', () => {
    expect(missedDates([day('2026-11-01')], chinaMoment('2026-11-25', '10:00'), chinaMoment('2026-11-28', '09:00'))).toEqual(['2026-11-26', '2026-11-27']);
  });

  it('finds none when yesterday has a record', () => {
    expect(missedDates([day('2026-11-25')], 0, chinaMoment('2026-11-26', '09:00'))).toEqual([]);
  });

  it('records missed days when the worker next starts and tells them in one notice', async () => {
    const start = chinaMoment('2026-11-20', '08:00');
    const { ports, memory, notices, clock } = memoryPorts(start, [PHONE, '13400000002']);
    const engine = createEngine(ports);
    await engine.runDue(start);
    clock.t = chinaMoment('2026-11-24', '07:00'); // the browser never ran on the 21st, 22nd and 23rd
    await engine.runDue(clock.t);
    await engine.runDue(clock.t + 60_000);
    const states = decodeHistory(memory.state.history[`times:${PHONE}`]).map((e) => `${e.date}:${e.state}`);
    expect(states).toEqual(['2026-11-20:done', '2026-11-21:missed', '2026-11-22:missed', '2026-11-23:missed']);
    const missed = notices.filter((n) => n.notice.kind === 'missed');
    expect(missed).toHaveLength(1);
    expect(missed[0].notice).toEqual({ kind: 'missed', dates: ['2026-11-21', '2026-11-22', '2026-11-23'], accounts: ['134****1234', '134****0002'] });
  });

  it('does not call days missed for an account upgraded from before the history existed', async () => {
    const now = chinaMoment('2026-11-24', '09:00');
    const { ports, memory, notices } = memoryPorts(now);
    memory.state.accounts[0] = { ...memory.state.accounts[0], addedAt: chinaMoment('2026-01-01', '08:00'), activeSince: undefined } as never;
    memory.state.checkins[`times:${PHONE}`] = { date: '2026-11-23', state: 'done', attempts: 1, at: chinaMoment('2026-11-23', '08:00') };
    await reportPastDays(ports, now);
    expect(decodeHistory(memory.state.history[`times:${PHONE}`])).toEqual([expect.objectContaining({ date: '2026-11-23', state: 'done' })]);
    expect(notices).toEqual([]);
  });
});
