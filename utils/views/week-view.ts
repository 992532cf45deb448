import { addChinaDays, chinaDate } from '../china-time';
import type { MemberInfo } from '../storage-schema';
import { nextDay, signedDay } from '../core/rules/reward-cycle';

// Where an account stands in the service's 7-day reward cycle, as the popup shows it. Pure: the time
// is an argument. The facts come from docs/api/times-member-more-api.md (sign/task/list).

/** The sign-in status as stored with the member information (the day it was read, the streak, the week). */
export type StoredSignStatus = NonNullable<MemberInfo['status']>;

/** One cell of the 7-day strip. */
export interface WeekCell {
  /** 1..7. */
  day: number;
  /** 邦豆 the day's sign-in earns, when the service said. */
  reward?: number;
  complete: boolean;
  /** Today's cell: the day signed today, or the next day to sign. */
  today: boolean;
}

export interface WeekView {
  /** Consecutive days signed in, as far as the stored status can still vouch for. */
  streak: number;
  /** Today's day of the cycle, 1..7. */
  today: number;
  /** Always 7 cells, days 1..7 in order, whatever the stored week held. */
  cells: WeekCell[];
}

/** Days 3 and 7 are the official page's mystery box (神秘宝箱) and mystery gift (神秘豪礼). */
export const BOX_DAYS: Record<number, 'box' | 'gift'> = { 3: 'box', 7: 'gift' };


/**
 * The streak and the week strip for the stored sign-in status at `now` (ms epoch). Undefined when no
 * status was ever read.
 *
 * - A status of today (China date): signed → today's cell is `streak mod 7` (a positive multiple of 7 is
 *   day 7; a signed status with streak 0, which the service should not send, counts as day 1); not
 *   signed → the next day to sign, `(streak mod 7) + 1` (after day 7 comes day 1). The cells' `complete`
 *   is the service's.
 * - A status of yesterday that was signed: the streak it gave still holds (it was true then and today
 *   may still be signed); today's cell is the next day, and the days before it in the cycle are complete.
 * - Any other status (older, or yesterday's unsigned one: as far as we know yesterday was not signed):
 *   a missed day breaks the streak, so streak 0, today is day 1 and nothing is complete.
 */
export function weekView(status: StoredSignStatus | undefined, now: number): WeekView | undefined {
  if (!status) return undefined;
  const today = chinaDate(now);
  const current = status.date === today;
  const continued = !current && status.signed && status.date === addChinaDays(today, -1);
  const streak = current || continued ? status.streak : 0;
  const day = current ? (status.signed ? signedDay(streak) : nextDay(streak)) : continued ? nextDay(streak) : 1;
  const cells = [1, 2, 3, 4, 5, 6, 7].map((n): WeekCell => {
    const stored = status.week.find((cell) => cell.day === n);
    return {
      day: n,
      ...(stored ? { reward: stored.reward } : {}),
      complete: current ? (stored?.complete ?? false) : n < day,
      today: n === day,
    };
  });
  return { streak, today: day, cells };
}

/** 邦豆 today's sign-in earned: only from a status of today (China date) that is signed. */
export function todayReward(status: StoredSignStatus | undefined, now: number): number | undefined {
  return status?.date === chinaDate(now) && status.signed ? status.todayReward : undefined;
}
