import { ApiError } from '../api/http';
import { addChinaDays, chinaDate } from '../china-time';
import { text } from '../i18n/keys';
import type { MemberInfo, TimesAccount } from '../storage-schema';
import { notifyOnce } from './notices';
import { displayName } from '../account-name';
import { updateTimesAccount } from './account-store';
import type { CorePorts } from './ports';
import type { Sessions } from './sessions';

// 邦豆 points beyond the check-in itself (docs/api/times-member-more-api.md): the balance, unclaimed
// records and their claim, points about to expire. Every call here is an extra: a failure hides that
// extra and changes nothing else.

/** Points expiring within this many days are shown (the official page asks for today + 7). */
export const EXPIRING_WITHIN_DAYS = 7;

/** The week a notice about expiring points belongs to: the China date of its Monday. */
export function weekOf(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addChinaDays(date, -weekday);
}

/** Unclaimed records asked per page (what the member page asks at most). */
export const RECORDS_PAGE_SIZE = 50;
/**
 * Pages read at most (2,000 records): more than any real backlog, and a bound on the requests if the
 * server's total is wrong.
 */
export const MAX_RECORD_PAGES = 40;

/** The sum of unclaimed records' points (gains only). */
export const unclaimedTotal = (records: { change: number }[]): number => records.reduce((sum, record) => sum + Math.max(record.change, 0), 0);

export type Points = ReturnType<typeof createPoints>;

export function createPoints(ports: CorePorts, sessions: Sessions) {
  const { store } = ports;
  const call = sessions.withTimesSession;

  /** Updates an account's member info; an account removed meanwhile gets nothing written back. */
  async function setMember(key: string, change: (info: MemberInfo) => MemberInfo): Promise<void> {
    if (!(await store.readAccounts()).some((account) => account.key === key)) return;
    await store.updateMember((all) => ({ ...all, [key]: change(all[key] ?? {}) }));
  }

  /** Reads the balance (member detail `integral`); undefined when it can't be read. */
  async function refreshBalance(account: TimesAccount): Promise<number | undefined> {
    try {
      const member = await call(account.key, (auth, client) => client.memberDetail(auth, account.phone));
      if (member.points === undefined) return undefined;
      await updateTimesAccount(store, account.key, (stored) => ({ ...stored, points: member.points }));
      return member.points;
    } catch {
      return undefined;
    }
  }

  /**
   * The points of every unclaimed record: page after page until the server's total is reached, a short
   * page comes, or a page brings no record not seen yet (a server that ignores `pageIndex`); at most
   * MAX_RECORD_PAGES. Only the first page would count 50 of 1,000 waiting records. Throws ApiError.
   */
  async function waitingPoints(account: TimesAccount): Promise<number> {
    const seen = new Map<string, number>();
    for (let index = 1; index <= MAX_RECORD_PAGES; index += 1) {
      const page = await call(account.key, (auth, client) => client.pointsRecords(auth, account.memberId, 1, { index, size: RECORDS_PAGE_SIZE }));
      const before = seen.size;
      for (const record of page.records) seen.set(record.id, record.change);
      if (page.records.length < RECORDS_PAGE_SIZE || seen.size >= page.total || seen.size === before) break;
    }
    return unclaimedTotal([...seen.values()].map((change) => ({ change })));
  }

  const storeWaiting = (key: string, points: number) => setMember(key, (info) => ({ ...info, unclaimed: { points, readAt: ports.clock.now() } }));

  /** Reads the points waiting to be claimed and stores them for the popup. Throws ApiError. */
  async function readUnclaimed(account: TimesAccount): Promise<number> {
    const waiting = await waitingPoints(account);
    await storeWaiting(account.key, waiting);
    return waiting;
  }

  /**
   * Claims every unclaimed record with one claim-all call when there are any, then reads the records
   * again: a claim that answers success is not taken at its word (one that claimed nothing would show
   * the points as claimed). Stores what is still waiting; resolves to the points claimed (those that
   * left the list). Throws ApiError when the records can't be read, the claim fails, or it claimed
   * nothing (`error.claimNothing`); the points then stay shown as waiting.
   */
  async function claimUnclaimed(account: TimesAccount): Promise<number> {
    const waiting = await readUnclaimed(account);
    if (waiting === 0) return 0;
    await call(account.key, (auth, client) => client.claimAll(auth, account.memberId));
    const left = await readUnclaimed(account);
    if (left >= waiting) throw new ApiError('rejected', text('error.claimNothing'));
    return waiting - left;
  }

  /** Once a China day: the points expiring within 7 days; a notice once per account per week. */
  async function checkExpiring(account: TimesAccount, now: number): Promise<void> {
    const today = chinaDate(now);
    if ((await store.readMember())[account.key]?.expiring?.date === today) return;
    const points = await call(account.key, (auth, client) =>
      client.expiringPoints(auth, account.memberId, addChinaDays(today, EXPIRING_WITHIN_DAYS)),
    );
    await setMember(account.key, (info) => ({ ...info, expiring: { points, date: today } }));
    if (points > 0) {
      await notifyOnce(ports, `expiring:${account.key}:${weekOf(today)}`, { kind: 'expiring', account: displayName(account), points });
    }
  }

  /**
   * After a day's check-in: claims (when the setting says so), the balance, the expiring points.
   * Never throws. Returns the balance when it was read.
   */
  async function afterCheckin(account: TimesAccount, now: number): Promise<number | undefined> {
    const { autoClaim } = await store.readSettings();
    await (autoClaim ? claimUnclaimed(account) : readUnclaimed(account)).catch(() => undefined);
    const balance = await refreshBalance(account);
    await checkExpiring(account, now).catch(() => undefined);
    return balance;
  }

  return { afterCheckin, readUnclaimed, claimUnclaimed, refreshBalance, setMember };
}
