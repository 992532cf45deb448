import { chinaDate } from '../china-time';
import { decodeHistory, missedDates, upsertEntry, type HistoryEntry } from './rules/day-log';
import { isCheckedIn } from './rules/checkin-schedule';
import type { DayRecord, TimesAccount } from '../storage-schema';
import { notifyOnce } from './notices';
import { displayName } from '../account-name';
import type { CorePorts } from './ports';

// The history of China days (issue 6): each day's outcome is logged; days that ended unfinished are
// lost, days on which nothing ran at all are missed. Both are told once.

/** Writes one day's outcome into an account's history (an account removed meanwhile gets none). */
export async function recordDay(ports: CorePorts, key: string, entry: HistoryEntry): Promise<void> {
  if (!(await ports.store.readAccounts()).some((account) => account.key === key)) return;
  await ports.store.updateHistory((all) => ({ ...all, [key]: upsertEntry(all[key], entry) }));
}

/** The history entry a past day's last record stands for. */
function pastEntry(record: DayRecord): HistoryEntry {
  if (isCheckedIn(record)) return { date: record.date, state: record.state as 'done' | 'already', at: record.at };
  return { date: record.date, state: 'lost', at: record.at };
}

/**
 * Looks back at the days before today, for every Times account (at each start and before each due
 * run): a day that ended failed or half-done (the browser closed or the computer slept before the next
 * retry) is lost, logged and told once per day; days on which nothing ran at all since the account's
 * session began are logged as missed and told in one notice for all of them. A day lost to an ended
 * session is logged but not told again: the re-login notice said it.
 */
export async function reportPastDays(ports: CorePorts, now: number): Promise<void> {
  const { store } = ports;
  const today = chinaDate(now);
  const [accounts, records, history] = await Promise.all([store.readAccounts(), store.readCheckins(), store.readHistory()]);
  const missed: { account: TimesAccount; dates: string[] }[] = [];

  for (const account of accounts) {
    if (account.provider !== 'times') continue;
    const record = records[account.key];
    let entries = decodeHistory(history[account.key]);
    if (record && record.date < today) {
      const unfinished = !isCheckedIn(record);
      if (unfinished && !record.lost) {
        await store.updateCheckins((stored) =>
          stored[account.key]?.date === record.date
            ? { ...stored, [account.key]: { ...stored[account.key], state: 'failed', lost: true, nextRetryAt: undefined } }
            : stored,
        );
        // Told only for an account still checked in here: an ended session had its re-login notice,
        // a handed-off one is the runner's business now.
        if (account.session === 'active') {
          await notifyOnce(ports, `lost:${account.key}:${record.date}`, {
            kind: 'lost',
            account: displayName(account),
            date: record.date,
            reason: record.error,
          });
        }
      }
      const logged = entries.find((entry) => entry.date === record.date);
      if (!logged || (unfinished && logged.state === 'failed')) {
        await recordDay(ports, account.key, { ...pastEntry(record), ...(logged ? { at: logged.at } : {}) });
        entries = [...entries.filter((entry) => entry.date !== record.date), pastEntry(record)];
      }
    }
    if (account.session !== 'active') continue;
    // Today's record counts as known too (an account from before the history existed has only it).
    const known = record && !entries.some((entry) => entry.date === record.date) ? [...entries, pastEntry(record)] : entries;
    const dates = missedDates(known, account.activeSince ?? account.addedAt, now);
    if (dates.length === 0) continue;
    await store.updateHistory((all) => ({
      ...all,
      [account.key]: dates.reduce((days, date) => upsertEntry(days, { date, state: 'missed', at: now }), all[account.key]),
    }));
    missed.push({ account, dates });
  }

  if (missed.length > 0) {
    const dates = [...new Set(missed.flatMap((m) => m.dates))].sort();
    await notifyOnce(ports, `missed:${today}`, { kind: 'missed', dates, accounts: missed.map((m) => displayName(m.account)) });
  }
}
