import { addChinaDays, chinaDate } from '../../china-time';
import type { HistoryState, HistoryTuple } from '../../storage-schema';

// The per-account, per-China-day log (issue 6). Pure: the time is an argument.

/** At most this many days per account are kept (the oldest go first). */
export const HISTORY_MAX_DAYS = 400;

/** One day of an account's history, as the code reads it. */
export interface HistoryEntry {
  /** China date, `YYYY-MM-DD`. */
  date: string;
  state: HistoryState;
  /** When the outcome was known (ms epoch, stored to the second). */
  at: number;
  /** 邦豆 points today's check-in earned, when the service said. */
  reward?: number;
  /** The points balance after the day's check-in, when read. */
  balance?: number;
}

export function decodeEntry([date, state, seconds, reward, balance]: HistoryTuple): HistoryEntry {
  return { date, state, at: seconds * 1000, ...(reward === null ? {} : { reward }), ...(balance === null ? {} : { balance }) };
}

export function encodeEntry(entry: HistoryEntry): HistoryTuple {
  return [entry.date, entry.state, Math.floor(entry.at / 1000), entry.reward ?? null, entry.balance ?? null];
}

/** An account's days, oldest first. */
export const decodeHistory = (tuples: HistoryTuple[] | undefined): HistoryEntry[] => (tuples ?? []).map(decodeEntry);

/**
 * The log with `entry` written for its date: replaces that date's entry (keeping a known reward or
 * balance the new one lacks), keeps dates in order, and drops the oldest beyond HISTORY_MAX_DAYS.
 */
export function upsertEntry(tuples: HistoryTuple[] | undefined, entry: HistoryEntry): HistoryTuple[] {
  const days = decodeHistory(tuples);
  const previous = days.find((day) => day.date === entry.date);
  const merged: HistoryEntry = {
    ...entry,
    reward: entry.reward ?? previous?.reward,
    balance: entry.balance ?? previous?.balance,
  };
  const next = [...days.filter((day) => day.date !== entry.date), merged].sort((a, b) => a.date.localeCompare(b.date));
  return next.slice(-HISTORY_MAX_DAYS).map(encodeEntry);
}

/**
 * The China dates strictly between the account's last known day and today on which nothing was
 * recorded: the browser (or runner) never ran to check in. `since` (ms epoch, when the session began)
 * bounds the search: the day it began and the days before can't be missed. At most HISTORY_MAX_DAYS.
 */
export function missedDates(entries: HistoryEntry[], since: number, now: number): string[] {
  const today = chinaDate(now);
  const first = chinaDate(since);
  const last = entries.reduce<string | undefined>((latest, entry) => (!latest || entry.date > latest ? entry.date : latest), undefined);
  // The day the session began is not counted: a login (or a hand-off import) may come after that day's
  // check-in time, and the runner's login does not check in by itself.
  let date = addChinaDays(last && last > first ? last : first, 1);
  const known = new Set(entries.map((entry) => entry.date));
  const missed: string[] = [];
  while (date < today && missed.length < HISTORY_MAX_DAYS) {
    if (!known.has(date)) missed.push(date);
    date = addChinaDays(date, 1);
  }
  return missed;
}

/** 邦豆 earned by check-ins in a month (`YYYY-MM`). */
export function monthReward(entries: HistoryEntry[], month: string): number {
  return entries.filter((entry) => entry.date.startsWith(month)).reduce((sum, entry) => sum + (entry.reward ?? 0), 0);
}
