import { addChinaDays, chinaDate, chinaMoment, nextChinaMidnight } from '../../china-time';
import type { StoredText } from '../../i18n/keys';
import type { DayRecord } from '../../storage-schema';

// When check-ins are due and when the worker should wake next. Pure: the time is an argument.

export interface ScheduleSettings {
  checkinTime: string;
  randomDelayMinutes: number;
}

export interface CheckinSubject {
  key: string;
  /** False while the account needs a new login: nothing is due for it. */
  canCheckIn: boolean;
  record?: DayRecord;
}

/** A worker that died mid-request leaves a `running` record; after this long it is retried. */
export const RUNNING_STALE_MS = 60_000;
/** Failed attempts wait 5, 15, 45 minutes, then an hour each, and stop after this many tries a day. */
export const MAX_ATTEMPTS_PER_DAY = 12;
const RETRY_MINUTES = [5, 15, 45, 60];

export function retryDelayMs(attempts: number): number {
  const index = Math.min(Math.max(attempts, 1), RETRY_MINUTES.length) - 1;
  return RETRY_MINUTES[index] * 60_000;
}

/**
 * The random delay of an account on a date, in whole minutes from 0 to max. Derived from a hash of
 * both, so it is stable across worker restarts (and pure) yet differs between days and accounts.
 */
export function delayMinutes(key: string, date: string, max: number): number {
  if (max <= 0) return 0;
  let hash = 2166136261;
  for (const char of `${key}|${date}`) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return (hash >>> 0) % (max + 1);
}

/**
 * The moment an account's check-in becomes due on a China date. A late time plus its random delay
 * never spills past the day (23:50 + 20 min would silently skip the day): it stops at 23:59.
 */
export function scheduledAt(key: string, date: string, settings: ScheduleSettings): number {
  const planned = chinaMoment(date, settings.checkinTime) + delayMinutes(key, date, settings.randomDelayMinutes) * 60_000;
  return Math.min(planned, chinaMoment(date, '23:59'));
}

/** The record says the day's check-in happened (by us, or already before we asked). */
export const isCheckedIn = (record: DayRecord) => record.state === 'done' || record.state === 'already';
const finished = (record: DayRecord) => isCheckedIn(record) || record.lost === true;

/** Whether an automatic check-in should run now for this account. */
export function checkInDue(subject: CheckinSubject, settings: ScheduleSettings, now: number): boolean {
  return subject.canCheckIn && nextCheckinAt(subject, settings, now) <= now;
}

/** The next moment an automatic check-in is due for this account (may be now or earlier). */
export function nextCheckinAt(subject: CheckinSubject, settings: ScheduleSettings, now: number): number {
  const today = chinaDate(now);
  const { record } = subject;
  if (record?.date === today) {
    if (finished(record)) return scheduledAt(subject.key, addChinaDays(today, 1), settings);
    if (record.state === 'running') return record.at + RUNNING_STALE_MS;
    if (record.state === 'failed') return record.nextRetryAt ?? now;
  }
  return scheduledAt(subject.key, today, settings);
}

/**
 * What a failed attempt leaves: the next try, or a lost day when the cap or midnight comes first, or
 * at once when `final` (a refusal no retry would change).
 */
export function failedRecord(previous: DayRecord | undefined, date: string, now: number, error: StoredText | string, final = false): DayRecord {
  const attempts = previous?.date === date ? previous.attempts : 1;
  const nextRetryAt = now + retryDelayMs(attempts);
  const lost = final || attempts >= MAX_ATTEMPTS_PER_DAY || nextRetryAt >= nextChinaMidnight(now);
  return { date, state: 'failed', attempts, at: now, error, ...(lost ? { lost: true } : { nextRetryAt }) };
}

/** The earliest of the moments given, never earlier than a second from now (undefined: nothing). */
export function nextWakeAt(moments: (number | undefined)[], now: number): number | undefined {
  const defined = moments.filter((m): m is number => typeof m === 'number' && Number.isFinite(m));
  if (defined.length === 0) return undefined;
  return Math.max(Math.min(...defined), now + 1_000);
}
