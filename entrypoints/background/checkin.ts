import { ApiError } from '@/utils/api/http';
import { isAlreadySignedError } from '@/utils/api/times';
import { chinaDate } from '@/utils/china-time';
import { maskPhone } from '@/utils/mask';
import { checkInDue, failedRecord, isCheckedIn } from '@/utils/schedule';
import { singleFlight } from '@/utils/single-flight';
import {
  readAccounts,
  readCheckins,
  readSettings,
  updateAccounts,
  updateCheckins,
  type DayRecord,
  type TimesAccount,
} from '@/utils/storage';
import { notifyOnce } from './notify';
import { RELOGIN_MESSAGE, withTimesSession } from './sessions';

// One check-in per account at a time within this worker. Across a worker that died mid-request, the
// `running` record written before the request makes the next worker retry only after it went stale,
// and the server's "already signed" answer then counts as done: one successful check-in a day.
const oneCheckinPerAccount = singleFlight<DayRecord | undefined>();

/** Checks an account in: `manual` (the button) runs whether or not the schedule says it is due. */
export function checkIn(key: string, manual = false): Promise<DayRecord | undefined> {
  return oneCheckinPerAccount(key, () => attempt(key, manual));
}

async function attempt(key: string, manual: boolean): Promise<DayRecord | undefined> {
  const now = Date.now();
  const today = chinaDate(now);
  const [accounts, records, settings] = await Promise.all([readAccounts(), readCheckins(), readSettings()]);
  const account = accounts.find((a): a is TimesAccount => a.key === key && a.provider === 'times');
  if (!account) throw new ApiError('rejected', '账号不存在');
  if (account.session === 'relogin') throw new ApiError('unauthorized', RELOGIN_MESSAGE);
  const previous = records[key];

  if (previous?.date === today && isCheckedIn(previous)) {
    if (!manual) return previous;
    // Today is done: the button reports it without asking the server for a second check-in.
    return write(key, { ...previous, state: 'already', at: now });
  }
  if (!manual && !checkInDue({ key, canCheckIn: true, record: previous }, settings, now)) {
    return previous;
  }

  const attempts = previous?.date === today ? previous.attempts + 1 : 1;
  await write(key, { date: today, state: 'running', attempts, at: now });
  let record: DayRecord;
  try {
    const signed = await withTimesSession(key, (auth, client) => client.collect(auth, account.memberId, Date.now()));
    record = { date: today, state: signed ? 'done' : 'already', attempts, at: Date.now() };
  } catch (error) {
    if (isAlreadySignedError(error)) {
      record = { date: today, state: 'already', attempts, at: Date.now() };
    } else {
      const message = error instanceof ApiError ? error.message : '签到失败，请稍后再试';
      record = failedRecord({ date: today, state: 'running', attempts, at: now }, today, Date.now(), message);
      await write(key, record);
      if (record.lost) {
        await notifyOnce(`lost:${key}:${today}`, '邻里签到：今日签到失败', `账号 ${maskPhone(account.phone)}：${message}`);
      }
      throw error;
    }
  }
  await write(key, record);
  await updatePoints(key, account);
  return record;
}

async function write(key: string, record: DayRecord): Promise<DayRecord> {
  // An account removed while its check-in was on its way leaves no record behind.
  if ((await readAccounts()).some((account) => account.key === key)) {
    await updateCheckins((records) => ({ ...records, [key]: record }));
  }
  return record;
}

/** Reads the member detail after a check-in to show current points; a failure here changes nothing. */
async function updatePoints(key: string, account: TimesAccount): Promise<void> {
  try {
    const member = await withTimesSession(key, (auth, client) => client.memberDetail(auth, account.phone));
    if (member.points === undefined) return;
    await updateAccounts((accounts) => accounts.map((a) => (a.key === key && a.provider === 'times' ? { ...a, points: member.points } : a)));
  } catch {
    // Points are a nicety: the check-in result stands.
  }
}

/**
 * A past day that ended failed or half-done (the browser closed or the computer slept before the next
 * retry) is lost: mark it and say so once, before today's check-in replaces its record.
 */
export async function reportMissedDays(now: number): Promise<void> {
  const today = chinaDate(now);
  const [accounts, records] = await Promise.all([readAccounts(), readCheckins()]);
  const missed = accounts.filter((account): account is TimesAccount => {
    const record = records[account.key];
    return account.provider === 'times' && !!record && record.date < today && !record.lost && (record.state === 'failed' || record.state === 'running');
  });
  if (missed.length === 0) return;
  await updateCheckins((stored) => {
    const next = { ...stored };
    for (const { key } of missed) if (next[key]?.date < today) next[key] = { ...next[key], state: 'failed', lost: true, nextRetryAt: undefined };
    return next;
  });
  for (const account of missed) {
    const { date, error } = records[account.key];
    await notifyOnce(`lost:${account.key}:${date}`, `邻里签到：${date} 未能签到`, `账号 ${maskPhone(account.phone)}：${error ?? '浏览器关闭或电脑休眠，未能完成签到'}`);
  }
}

/** Runs every automatic check-in that is due now; failures are recorded, not thrown. */
export async function runDueCheckins(now: number): Promise<void> {
  const [accounts, records, settings] = await Promise.all([readAccounts(), readCheckins(), readSettings()]);
  const due = accounts.filter(
    (account) =>
      account.provider === 'times' &&
      checkInDue({ key: account.key, canCheckIn: account.session === 'active', record: records[account.key] }, settings, now),
  );
  await Promise.allSettled(due.map((account) => checkIn(account.key)));
}

/** Claims every unclaimed 邦豆 record of an account (the popup's claim button); returns the points claimed. */
export async function claimPoints(key: string): Promise<number> {
  const account = (await readAccounts()).find((a): a is TimesAccount => a.key === key && a.provider === 'times');
  if (!account) throw new ApiError('rejected', '账号不存在');
  const { records } = await withTimesSession(key, (auth, client) => client.pointsRecords(auth, account.memberId, 1));
  const waiting = records.reduce((sum, record) => sum + Math.max(record.change, 0), 0);
  if (records.length > 0) await withTimesSession(key, (auth, client) => client.claimAll(auth, account.memberId));
  await updatePoints(key, account);
  return waiting;
}
