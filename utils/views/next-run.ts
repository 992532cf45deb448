import { addChinaDays, chinaDate, chinaDateTime } from '../china-time';
import { text, type Text } from '../i18n/keys';
import { nextCheckinAt, type ScheduleSettings } from '../core/rules/checkin-schedule';
import type { Account, DayRecord } from '../storage-schema';

// When the popup says an account's next automatic check-in runs. Pure: the time is an argument.

export interface NextRun {
  /** The moment (ms epoch), as utils/core/rules/checkin-schedule.ts nextCheckinAt gives it. */
  at: number;
  /** A retry after today's failed attempt, rather than a day's scheduled check-in. */
  retry: boolean;
  /** When, in words (whenLabel): "今天 08:07", "明天 08:07", "12月2日 08:07". */
  label: Text;
}

/**
 * A moment as China wall-clock time, 24-hour, relative to `now`'s China date, in words: today
 * ("今天 08:07"), tomorrow ("明天 08:07"), otherwise the date ("12月2日 08:07": month and day as
 * numbers, without leading zeros).
 */
export function whenLabel(at: number, now: number): Text {
  const date = chinaDate(at);
  const time = chinaDateTime(at).slice(11, 16);
  const today = chinaDate(now);
  if (date === today) return text('when.today', { time });
  if (date === addChinaDays(today, 1)) return text('when.tomorrow', { time });
  const [, month, day] = date.split('-').map(Number);
  return text('when.date', { month, day, time });
}

/**
 * The next automatic check-in (or retry) of a Times account; undefined for a Homing account and for
 * one that needs a new login (nothing runs for it until then). `record` is the account's stored day
 * record, of any date.
 */
export function nextRun(account: Account, record: DayRecord | undefined, settings: ScheduleSettings, now: number): NextRun | undefined {
  // Only an account this extension checks in (not one that needs a new login or was handed off).
  if (account.provider !== 'times' || account.session !== 'active') return undefined;
  // Overdue work runs as soon as the worker wakes: a moment already past reads as now.
  const at = Math.max(nextCheckinAt({ key: account.key, canCheckIn: true, record }, settings, now), now);
  const retry = record?.date === chinaDate(now) && record.state === 'failed' && record.nextRetryAt !== undefined && !record.lost;
  return { at, retry, label: whenLabel(at, now) };
}
