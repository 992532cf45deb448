import pLimit from 'p-limit';
import { ApiError } from '../api/http';
import { chinaDate } from '../china-time';
import { text, type Text } from '../i18n/keys';
import { checkInDue, failedRecord, isCheckedIn } from './rules/checkin-schedule';
import { singleFlight } from '../single-flight';
import type { DayRecord, TimesAccount } from '../storage-schema';
import { checkinVerdict, needsStatusAfter, postOutcomeOf, shouldPost, type PostOutcome, type StatusRead } from './rules/checkin-verdict';
import { recordDay } from './history';
import { notifyOnce } from './notices';
import { displayName } from '../account-name';
import { rewardOfToday } from './rules/reward-cycle';
import type { Points } from './points';
import { readTimesAccount, requireTimesAccount } from './account-store';
import type { CorePorts } from './ports';
import { HANDED_OFF_MESSAGE, HANDING_OFF_MESSAGE, RELOGIN_MESSAGE, type Sessions } from './sessions';

// The day's check-in, status first (issue 6): read the service's sign-in status, POST only when it
// says today is not signed, read it again after the POST. The verdict is decided in rules/checkin-verdict.ts.


/** At most this many accounts check in at once (a family's phones, one server). */
export const CHECKINS_IN_FLIGHT = 3;

export type Checkins = ReturnType<typeof createCheckins>;

export function createCheckins(ports: CorePorts, sessions: Sessions, points: Points) {
  const { store, clock } = ports;
  // One check-in per account at a time within this home. Across a worker killed mid-request, the
  // `running` record (with `posted` once the POST went out) makes the next one read the status first.
  const oneCheckinPerAccount = singleFlight<DayRecord | undefined>();
  const limit = pLimit(CHECKINS_IN_FLIGHT);

  const findAccount = (key: string) => readTimesAccount(store, key);
  /** The account a button acts on; one handed off (or being handed off) makes no request here, whoever asks. */
  async function accountHere(key: string): Promise<TimesAccount> {
    const account = await requireTimesAccount(store, key);
    if (account.session === 'handed-off') throw new ApiError('rejected', HANDED_OFF_MESSAGE);
    if (account.session === 'handing-off') throw new ApiError('rejected', HANDING_OFF_MESSAGE);
    return account;
  }
  const sessionEnded = async (key: string) => (await findAccount(key))?.session === 'relogin';

  /** Reads the sign-in status and keeps it for the popup; `unknown` when it can't be read. */
  async function readStatus(account: TimesAccount): Promise<StatusRead | 'relogin'> {
    try {
      const status = await sessions.withTimesSession(account.key, (auth, client) => client.signStatus(auth, account.memberId));
      const now = clock.now();
      await points.setMember(account.key, (info) => ({
        ...info,
        status: { date: chinaDate(now), signed: status.signed, streak: status.streak, week: status.week, todayReward: rewardOfToday(status), readAt: now },
      }));
      return status.signed ? 'signed' : 'unsigned';
    } catch (error) {
      if (error instanceof ApiError && error.kind === 'unauthorized' && (await sessionEnded(account.key))) return 'relogin';
      return 'unknown';
    }
  }

  async function write(key: string, record: DayRecord): Promise<DayRecord> {
    // An account removed while its check-in was on its way leaves no record behind.
    if (await findAccount(key)) await store.updateCheckins((records) => ({ ...records, [key]: record }));
    return record;
  }

  /**
   * Checks an account in, status first. `manual` (the button) runs whether or not the schedule says it
   * is due; on a day already done it only re-reads the status and keeps the record. Resolves to the
   * record written; rejects with ApiError when the day's attempt failed (the record says so too).
   */
  function checkIn(key: string, manual = false): Promise<DayRecord | undefined> {
    // Three accounts at a time, whoever triggers them (the alarm, the popup's buttons, a runner).
    return oneCheckinPerAccount(key, () => limit(() => attempt(key, manual)));
  }

  async function attempt(key: string, manual: boolean): Promise<DayRecord | undefined> {
    const started = clock.now();
    const today = chinaDate(started);
    const [account, records, settings] = await Promise.all([accountHere(key), store.readCheckins(), store.readSettings()]);
    if (account.session === 'relogin') throw new ApiError('unauthorized', RELOGIN_MESSAGE);
    const previous = records[key]?.date === today ? records[key] : undefined;

    if (previous && isCheckedIn(previous)) {
      // Done today: the button re-reads the status (streak, reward) and never POSTs again.
      if (manual) await readStatus(account);
      return previous;
    }
    if (!manual && !checkInDue({ key, canCheckIn: true, record: records[key] }, settings, started)) return records[key];

    const attempts = (previous?.attempts ?? 0) + 1;
    const postedEarlier = previous?.posted !== undefined;
    const base = { date: today, attempts, ...(previous?.posted ? { posted: previous.posted } : {}) };
    await write(key, { ...base, state: 'running', at: started });

    const before = await readStatus(account);
    let post: PostOutcome = 'skipped';
    let failure: unknown;
    let posted = previous?.posted;
    if (shouldPost(before)) {
      posted = clock.now();
      // Written before the request: a worker killed mid-request leaves proof that a POST went out.
      await write(key, { ...base, posted, state: 'running', at: posted });
      try {
        const signed = await sessions.withTimesSession(key, (auth, client) => client.collect(auth, account.memberId, clock.now()));
        post = signed ? 'signed' : 'already';
      } catch (error) {
        failure = error;
        post = postOutcomeOf(error, await sessionEnded(key));
      }
    }
    const after = needsStatusAfter(post) ? await readStatus(account) : 'not-read';
    const verdict = checkinVerdict({ before, postedEarlier, post, after: after === 'relogin' ? 'unknown' : after });
    const now = clock.now();
    const withPost = { ...base, ...(posted ? { posted } : {}) };

    if (verdict.state !== 'failed') {
      const record = await write(key, { ...withPost, state: verdict.state, at: now });
      const balance = await points.afterCheckin(account, now);
      const reward = (await store.readMember())[key]?.status;
      await recordDay(ports, key, {
        date: today,
        state: verdict.state,
        at: now,
        reward: reward?.date === today ? reward.todayReward : undefined,
        balance,
      });
      return record;
    }

    const error = failure ?? new ApiError('unauthorized', RELOGIN_MESSAGE);
    const reason: Text = error instanceof ApiError ? error.text : text('error.checkinFailed');
    if (verdict.relogin) {
      // The re-login notice (sessions.ts) is the one the user gets: no "day lost" notice follows.
      await write(key, { ...withPost, state: 'failed', at: now, error: RELOGIN_MESSAGE, lost: true, relogin: true });
      await recordDay(ports, key, { date: today, state: 'failed', at: now });
      throw new ApiError('unauthorized', RELOGIN_MESSAGE);
    }
    const record = await write(key, { ...failedRecord({ ...withPost, state: 'running', at: started }, today, now, reason, !verdict.retry), ...(posted ? { posted } : {}) });
    await recordDay(ports, key, { date: today, state: record.lost ? 'lost' : 'failed', at: now });
    if (record.lost) {
      await notifyOnce(ports, `lost:${key}:${today}`, { kind: 'lost', account: displayName(account), date: today, reason });
    }
    throw error;
  }

  /**
   * Runs every automatic check-in that is due now, three accounts at a time; failures are recorded, not
   * thrown. `force` (the runner's `run --force`): every active account now, as its button would.
   */
  async function runDueCheckins(now: number, force = false): Promise<void> {
    const [accounts, records, settings] = await Promise.all([store.readAccounts(), store.readCheckins(), store.readSettings()]);
    const due = accounts.filter((account) => {
      if (account.provider !== 'times' || account.session !== 'active') return false;
      return force || checkInDue({ key: account.key, canCheckIn: true, record: records[account.key] }, settings, now);
    });
    await Promise.allSettled(due.map((account) => checkIn(account.key, force)));
  }

  /** The popup's claim button: claims the account's unclaimed 邦豆 (points.ts), then reads the balance; resolves to the points claimed. */
  async function claimPoints(key: string): Promise<number> {
    const account = await accountHere(key);
    const claimed = await points.claimUnclaimed(account);
    await points.refreshBalance(account);
    return claimed;
  }

  return { checkIn, runDueCheckins, claimPoints, readStatus };
}
