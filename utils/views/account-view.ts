import { TIMES_PRODUCTION_URL } from '../hosts';
import { chinaDate } from '../china-time';
import { isCheckedIn, RUNNING_STALE_MS } from '../core/rules/checkin-schedule';
import type { Account, DayRecord } from '../storage-schema';

// What the popup shows for an account. Pure: the time is an argument.

const TIMES_PRODUCTION_ORIGIN = new URL(TIMES_PRODUCTION_URL).origin;

/** Whether this home checks the account in: not once its session is handed off, or being handed off. */
export const isCheckedInHere = (account: Account): boolean =>
  account.provider !== 'times' || (account.session !== 'handed-off' && account.session !== 'handing-off');

export type CheckinView = 'done' | 'already' | 'pending' | 'running' | 'failed' | 'relogin';

export function checkinView(account: Account, record: DayRecord | undefined, now: number): CheckinView {
  if (account.provider === 'times' && account.session === 'relogin') return 'relogin';
  if (!record || record.date !== chinaDate(now)) return 'pending';
  if (record.state === 'running') return now - record.at > RUNNING_STALE_MS ? 'pending' : 'running';
  return record.state;
}

export type SessionView = 'active' | 'expired' | 'handing-off' | 'handed-off';

export function sessionView(account: Account, now: number): SessionView {
  if (account.provider === 'times') return account.session === 'relogin' ? 'expired' : account.session;
  if (account.session === 'expired') return 'expired';
  return account.expiresAt !== undefined && account.expiresAt <= now ? 'expired' : 'active';
}

/**
 * The host an account is logged in to, when it is worth saying: any server but Times production (a UAT
 * or test login must not pass for the real one). Undefined for production.
 */
export function serverLabel(account: Account): string | undefined {
  if (account.server === TIMES_PRODUCTION_ORIGIN) return undefined;
  try {
    return new URL(account.server).host;
  } catch {
    return account.server;
  }
}


/** How many Times accounts are checked in today (done or already, China date), out of how many. */
export function doneSummary(accounts: Account[], records: Record<string, DayRecord>, now: number): { done: number; total: number } {
  const today = chinaDate(now);
  // A handed-off account is checked in by the runner now, one being handed off by nobody here: neither
  // is counted (as in the badge).
  const times = accounts.filter((account) => account.provider === 'times' && isCheckedInHere(account));
  const done = times.filter((account) => {
    const record = records[account.key];
    return record?.date === today && isCheckedIn(record);
  }).length;
  return { done, total: times.length };
}
