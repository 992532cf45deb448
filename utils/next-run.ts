import { addChinaDays, chinaDate, chinaDateTime } from './china-time';
import { nextCheckinAt, type ScheduleSettings } from './schedule';
import type { Account, DayRecord } from './storage-schema';

// When the popup says an account's next automatic check-in runs. Pure: the time is an argument.

export interface NextRun {
  /** The moment (ms epoch), as utils/schedule.ts nextCheckinAt gives it. */
  at: number;
  /** A retry after today's failed attempt, rather than a day's scheduled check-in. */
  retry: boolean;
  /** "今天 08:07", "明天 08:07", "12月2日 08:07"; a retry: "失败后重试：今天 08:35". */
  label: string;
}

/**
 * A moment as China wall-clock time, 24-hour, relative to `now`'s China date: "今天 08:07",
 * "明天 08:07", otherwise "12月2日 08:07" (month and day without leading zeros).
 */
export function whenLabel(at: number, now: number): string {
  const date = chinaDate(at);
  const time = chinaDateTime(at).slice(11, 16);
  const today = chinaDate(now);
  if (date === today) return `今天 ${time}`;
  if (date === addChinaDays(today, 1)) return `明天 ${time}`;
  const [, month, day] = date.split('-').map(Number);
  return `${month}月${day}日 ${time}`;
}

/**
 * The next automatic check-in (or retry) of a Times account; undefined for a Homing account and for
 * one that needs a new login (nothing runs for it until then). `record` is the account's stored day
 * record, of any date.
 */
export function nextRun(account: Account, record: DayRecord | undefined, settings: ScheduleSettings, now: number): NextRun | undefined {
  if (account.provider !== 'times' || account.session === 'relogin') return undefined;
  const at = nextCheckinAt({ key: account.key, canCheckIn: true, record }, settings, now);
  const retry = record?.date === chinaDate(now) && record.state === 'failed' && record.nextRetryAt !== undefined && !record.lost;
  const when = whenLabel(at, now);
  return { at, retry, label: retry ? `失败后重试：${when}` : when };
}
