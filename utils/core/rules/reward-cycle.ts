// The service's 7-day reward cycle, one rule for the engine (today's reward) and the views (the week
// strip). Pure. The facts come from docs/api/times-member-more-api.md (sign/task/list): `count` is the
// streak, `signTaskList` the cycle's days 1..7 with their awards.

/** The part of a sign-in status the cycle rules read: as the service sent it or as it was stored. */
export interface CycleStatus {
  signed: boolean;
  /** Consecutive days signed in. */
  streak: number;
  /** The cycle's days 1..7, each with its reward in 邦豆 points. */
  week: readonly { day: number; reward?: number }[];
}

/** The cycle day a signed streak sits on: `streak mod 7`, a positive multiple of 7 being day 7 (1..7). */
export const signedDay = (streak: number) => (streak <= 0 ? 1 : ((streak - 1) % 7) + 1);

/** The next day to sign after `streak` signed days: `(streak mod 7) + 1`, so day 7 is followed by day 1. */
export const nextDay = (streak: number) => (Math.max(streak, 0) % 7) + 1;

/**
 * 邦豆 points today's sign-in earned: the reward of the cycle's day the streak has reached (count mod 7,
 * 0 → 7). Undefined while the status is not signed or the service sent no such day.
 */
export function rewardOfToday(status: CycleStatus): number | undefined {
  if (!status.signed || status.streak < 1) return undefined;
  const day = signedDay(status.streak);
  return status.week.find((cell) => cell.day === day)?.reward;
}
