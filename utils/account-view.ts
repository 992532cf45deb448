import { TIMES_PRODUCTION_URL } from './api/hosts';
import { chinaDate } from './china-time';
import { text, type Text } from './i18n/keys';
import { maskPhone } from './mask';
import { isCheckedIn, RUNNING_STALE_MS } from './schedule';
import type { Account, DayRecord } from './storage-schema';

// What the popup shows for an account. Pure: the time is an argument.

const TIMES_PRODUCTION_ORIGIN = new URL(TIMES_PRODUCTION_URL).origin;

export type CheckinView = 'done' | 'already' | 'pending' | 'running' | 'failed' | 'relogin';

export function checkinView(account: Account, record: DayRecord | undefined, now: number): CheckinView {
  if (account.provider === 'times' && account.session === 'relogin') return 'relogin';
  if (!record || record.date !== chinaDate(now)) return 'pending';
  if (record.state === 'running') return now - record.at > RUNNING_STALE_MS ? 'pending' : 'running';
  return record.state;
}

export type SessionView = 'active' | 'expired' | 'handed-off';

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

/** The account's name in lists: a masked phone, or the Homing user code when there is no phone. */
export function accountLabel(account: Account): string {
  if (account.provider === 'times') return maskPhone(account.phone);
  return account.mobile ? maskPhone(account.mobile) : account.userCode;
}

/** The account's name in the popup: its nickname where one is set, else accountLabel (a masked phone). */
export function displayName(account: Account): string {
  const nickname = account.provider === 'times' ? account.nickname?.trim() : undefined;
  return nickname || accountLabel(account);
}

/** The longest nickname the worker accepts (timesAccountSchema in utils/storage-schema.ts). */
export const NICKNAME_MAX_LENGTH = 20;

/** Why a nickname (already trimmed) can't be saved, or undefined when it can (empty clears it). */
export function nicknameProblem(nickname: string): Text | undefined {
  return nickname.length > NICKNAME_MAX_LENGTH ? text('error.nicknameTooLong', { max: NICKNAME_MAX_LENGTH }) : undefined;
}

/** How many Times accounts are checked in today (done or already, China date), out of how many. */
export function doneSummary(accounts: Account[], records: Record<string, DayRecord>, now: number): { done: number; total: number } {
  const today = chinaDate(now);
  const times = accounts.filter((account) => account.provider === 'times');
  const done = times.filter((account) => {
    const record = records[account.key];
    return record?.date === today && isCheckedIn(record);
  }).length;
  return { done, total: times.length };
}
