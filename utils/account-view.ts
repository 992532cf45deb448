import { TIMES_PRODUCTION_URL } from './api/times';
import { chinaDate } from './china-time';
import { maskPhone } from './mask';
import { RUNNING_STALE_MS } from './schedule';
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

export const CHECKIN_LABELS: Record<CheckinView, string> = {
  done: '今日已签到',
  already: '今日已签过',
  pending: '等待签到',
  running: '签到中…',
  failed: '签到失败',
  relogin: '需重新登录',
};

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
