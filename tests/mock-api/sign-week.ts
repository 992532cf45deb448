// The sign-in streak and the weekly reward cycle of the Times member centre
// (docs/api/times-member-more-api.md): pure functions of a member's signed China dates and today.

/** 邦豆 points of days 1..7; days 3 and 7 are the official page's mystery box and mystery gift. */
export const WEEK_AWARDS = [10, 10, 15, 10, 10, 10, 30] as const;

export interface WeekCell {
  day: number;
  awardIntegral: number;
  complete: boolean;
}

const DAY_MS = 24 * 3600 * 1000;

/** The China date `days` after `date` (both `YYYY-MM-DD`; days may be negative). */
export function addDays(date: string, days: number): string {
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new RangeError(`not a date: ${date}`);
  return new Date(ms + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The `count` the status list shows: consecutive signed days ending today when today is signed, else
 * ending yesterday; a missed day breaks it (0).
 */
export function streak(signed: ReadonlySet<string>, today: string): number {
  let day = signed.has(today) ? today : addDays(today, -1);
  let count = 0;
  while (signed.has(day)) {
    count += 1;
    day = addDays(day, -1);
  }
  return count;
}

/** The position in the week, 0..7: `count mod 7`, where a multiple of 7 (> 0) is day 7. */
export function weekPosition(count: number): number {
  if (count <= 0) return 0;
  return count % 7 === 0 ? 7 : count % 7;
}

/** The seven cells of `taskVoList` for a streak of `count`. */
export function weekCells(count: number): WeekCell[] {
  const position = weekPosition(count);
  return WEEK_AWARDS.map((awardIntegral, index) => ({ day: index + 1, awardIntegral, complete: index + 1 <= position }));
}

/** The reward of the sign-in that made the streak `count` (>= 1): the award of its week cell. */
export function rewardOf(count: number): number {
  return WEEK_AWARDS[Math.max(weekPosition(count), 1) - 1];
}
