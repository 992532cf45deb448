import { describe, expect, it } from 'vitest';
import { chinaMoment } from '@/utils/china-time';
import { todayReward, weekView, type StoredSignStatus } from '@/utils/views/week-view';

const now = chinaMoment('2026-11-23', '09:00');
const rewards = [5, 5, 10, 5, 5, 5, 20];
const week = (completeDays: number) => rewards.map((reward, i) => ({ day: i + 1, reward, complete: i < completeDays }));
const status = (s: Partial<StoredSignStatus>): StoredSignStatus => ({ date: '2026-11-23', signed: true, streak: 1, week: week(1), readAt: now, ...s });

describe('weekView', () => {
  it('is undefined when no status was ever read', () => {
    expect(weekView(undefined, now)).toBeUndefined();
  });

  it.each<[string, Partial<StoredSignStatus>, number, number]>([
    ['signed today, first day', { signed: true, streak: 1 }, 1, 1],
    ['signed today, day 3', { signed: true, streak: 3 }, 3, 3],
    ['signed today, a multiple of 7 is day 7', { signed: true, streak: 7 }, 7, 7],
    ['signed today, 14 days is day 7', { signed: true, streak: 14 }, 7, 14],
    ['signed today, 8 days is day 1', { signed: true, streak: 8 }, 1, 8],
    ['signed today with a streak of 0 (should not happen) is day 1', { signed: true, streak: 0 }, 1, 0],
    ['not signed today, no streak: day 1 is next', { signed: false, streak: 0 }, 1, 0],
    ['not signed today after 2 days: day 3 is next', { signed: false, streak: 2 }, 3, 2],
    ['not signed today after 7 days: day 1 is next', { signed: false, streak: 7 }, 1, 7],
    ['not signed today after 13 days: day 7 is next', { signed: false, streak: 13 }, 7, 13],
    ['signed yesterday after 4 days: day 5 is next, streak still shown', { date: '2026-11-22', signed: true, streak: 4 }, 5, 4],
    ['signed yesterday on day 7: day 1 is next', { date: '2026-11-22', signed: true, streak: 7 }, 1, 7],
    ['yesterday unsigned: a missed day breaks the streak', { date: '2026-11-22', signed: false, streak: 4 }, 1, 0],
    ['two days old: a missed day breaks the streak', { date: '2026-11-21', signed: true, streak: 4 }, 1, 0],
    ['dated in the future (a wrong clock): not trusted', { date: '2026-11-24', signed: true, streak: 4 }, 1, 0],
  ])('%s', (_name, stored, today, streak) => {
    const view = weekView(status(stored), now)!;
    expect(view.today).toBe(today);
    expect(view.streak).toBe(streak);
    expect(view.cells.filter((cell) => cell.today).map((cell) => cell.day)).toEqual([today]);
  });

  it("keeps the service's completion flags and rewards for today's status", () => {
    const view = weekView(status({ streak: 3, week: week(3) }), now)!;
    expect(view.cells.map((cell) => cell.complete)).toEqual([true, true, true, false, false, false, false]);
    expect(view.cells.map((cell) => cell.reward)).toEqual(rewards);
  });

  it("marks the days before today's cell complete for yesterday's signed status", () => {
    const view = weekView(status({ date: '2026-11-22', streak: 2, week: week(2) }), now)!;
    expect(view.cells.map((cell) => cell.complete)).toEqual([true, true, false, false, false, false, false]);
  });

  it('starts an empty cycle after a break', () => {
    const view = weekView(status({ date: '2026-11-20', streak: 5, week: week(5) }), now)!;
    expect(view.cells.some((cell) => cell.complete)).toBe(false);
  });

  it('always has 7 cells in order, even from a short stored week', () => {
    const view = weekView(status({ week: [{ day: 2, reward: 8, complete: true }] }), now)!;
    expect(view.cells.map((cell) => cell.day)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(view.cells[1]).toMatchObject({ reward: 8, complete: true });
    expect(view.cells[0].reward).toBeUndefined();
  });

  it('follows the China date, not the computer clock: 23:30 UTC is the next morning in China', () => {
    // 2026-11-22 23:30 UTC is 2026-11-23 07:30 in China: a status of the 23rd is today's.
    const utcLate = Date.UTC(2026, 10, 22, 23, 30);
    expect(weekView(status({ signed: false, streak: 2 }), utcLate)!.streak).toBe(2);
  });
});

describe('todayReward', () => {
  it.each<[string, StoredSignStatus | undefined, number | undefined]>([
    ['signed today', status({ todayReward: 10 }), 10],
    ['not signed today', status({ signed: false, todayReward: 10 }), undefined],
    ['signed yesterday', status({ date: '2026-11-22', todayReward: 10 }), undefined],
    ['signed today, reward not known', status({}), undefined],
    ['no status', undefined, undefined],
  ])('%s → %s', (_name, stored, reward) => {
    expect(todayReward(stored, now)).toBe(reward);
  });
});
