import { addChinaDays, chinaDate } from '../china-time';
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
   * Claims every unclaimed record with one claim-all call when there are any (`claim` false: only
   * reads them), and stores what is left waiting. Returns the points that were waiting; throws
   * ApiError when the records can't be read or the claim fails (the popup's button shows it).
   */
  async function settleUnclaimed(account: TimesAccount, claim: boolean): Promise<number> {
    const { records } = await call(account.key, (auth, client) => client.pointsRecords(auth, account.memberId, 1));
    const waiting = unclaimedTotal(records);
    let left = waiting;
    if (claim && records.length > 0) {
      try {
        await call(account.key, (auth, client) => client.claimAll(auth, account.memberId));
        left = 0;
      } finally {
        await setMember(account.key, (info) => ({ ...info, unclaimed: { points: left, readAt: ports.clock.now() } }));
      }
    } else {
      await setMember(account.key, (info) => ({ ...info, unclaimed: { points: left, readAt: ports.clock.now() } }));
    }
    return waiting;
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
    await settleUnclaimed(account, autoClaim).catch(() => undefined);
    const balance = await refreshBalance(account);
    await checkExpiring(account, now).catch(() => undefined);
    return balance;
  }

  return { afterCheckin, settleUnclaimed, refreshBalance, setMember };
}
