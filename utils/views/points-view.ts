import { addChinaDays, chinaDate } from '../china-time';
import type { MemberInfo } from '../storage-schema';

// Which 邦豆 figures the popup shows beside the balance. Pure: the time is an argument.

/** 邦豆 waiting to be claimed, or undefined when none (the popup then shows no claim button). */
export function unclaimedPoints(member: MemberInfo | undefined): number | undefined {
  const points = member?.unclaimed?.points;
  return points !== undefined && points > 0 ? points : undefined;
}

/**
 * 邦豆 expiring within 7 days, or undefined when none. The worker reads it once a China day
 * (memberInfoSchema.expiring); a reading older than yesterday is not shown: some of those points may
 * have expired since, and a stale warning is worse than none.
 */
export function expiringPoints(member: MemberInfo | undefined, now: number): number | undefined {
  const expiring = member?.expiring;
  if (!expiring || expiring.points <= 0) return undefined;
  return expiring.date >= addChinaDays(chinaDate(now), -1) ? expiring.points : undefined;
}
