import { describe, expect, it } from 'vitest';
import { nextDay, rewardOfToday, signedDay, type CycleStatus } from '@/utils/core/rules/reward-cycle';

// The service's 7-day reward cycle (docs/api/times-member-more-api.md, sign/task/list): one rule for
// the engine's "today's reward" and the popup's week strip.

const week = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, reward: day * 10 }));

describe('the cycle day of a streak', () => {
  it.each<[number, number, number]>([
    [0, 1, 1],
    [1, 1, 2],
    [3, 3, 4],
    [6, 6, 7],
    [7, 7, 1],
    [8, 1, 2],
    [14, 7, 1],
    [-2, 1, 1],
  ])('streak %i: signed on day %i, next to sign day %i', (streak, signed, next) => {
    expect(signedDay(streak)).toBe(signed);
    expect(nextDay(streak)).toBe(next);
  });
});

describe("today's reward", () => {
  it.each<[string, CycleStatus, number | undefined]>([
    ['signed, day 3 of the cycle', { signed: true, streak: 3, week }, 30],
    ['signed on the seventh day', { signed: true, streak: 7, week }, 70],
    ['signed, second week: day 1 again', { signed: true, streak: 8, week }, 10],
    ['not signed yet', { signed: false, streak: 3, week }, undefined],
    ['signed with a streak of 0 (the service should not send it)', { signed: true, streak: 0, week }, undefined],
    ['the service left the day out', { signed: true, streak: 2, week: week.filter((d) => d.day !== 2) }, undefined],
  ])('%s → %s', (_name, status, reward) => {
    expect(rewardOfToday(status)).toBe(reward);
  });
});
