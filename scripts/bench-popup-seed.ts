import { addChinaDays, chinaDate } from '../utils/china-time';
import { encodeEntry } from '../utils/core/rules/day-log';
import type { Account, DayRecord, HistoryTuple, MemberInfo, Secret, Settings } from '../utils/storage-schema';

// What the popup benchmark stores before it opens the popup: N logged-in Times accounts, each with
// member info (streak, week, expiring 邦豆) and 60 days of history, today already checked in and a
// fresh session, so the worker has nothing to do and sends no request while the popup is timed. The
// tokens are placeholders, and every server address points at a closed loopback port: even a stray
// request would go nowhere. Shapes: utils/storage-schema.ts; items and versions: utils/extension/storage.ts.

/** A loopback port nothing listens on (9, discard): a request there fails at once. */
const NOWHERE = 'http://127.0.0.1:9';
const HISTORY_DAYS = 60;

const phoneOf = (index: number) => `139${String(10_000_000 + index).slice(-8)}`;

/** The storage.local contents (items and WXT's version marks) for `count` accounts at `now`. */
export function popupStorage(count: number, now: number): Record<string, unknown> {
  const today = chinaDate(now);
  const settings: Settings = {
    timesBaseUrl: NOWHERE,
    homingBaseUrl: '',
    checkinTime: '08:00',
    randomDelayMinutes: 10,
    notifications: false,
    autoClaim: true,
    language: 'auto',
    theme: 'auto',
  };
  const accounts: Account[] = [];
  const secrets: Record<string, Secret> = {};
  const checkins: Record<string, DayRecord> = {};
  const member: Record<string, MemberInfo> = {};
  const history: Record<string, HistoryTuple[]> = {};
  for (let i = 0; i < count; i += 1) {
    const phone = phoneOf(i);
    const key = `times:${phone}`;
    const streak = 3 + (i % 20);
    accounts.push({
      provider: 'times',
      key,
      phone,
      memberId: `18673953${phone}`,
      server: NOWHERE,
      points: 1000 + 37 * i,
      session: 'active',
      addedAt: now - 90 * 86_400_000,
      activeSince: now - 90 * 86_400_000,
      ...(i % 3 === 0 ? { nickname: `家人${i + 1}` } : {}),
    });
    secrets[key] = {
      provider: 'times',
      baseUrl: NOWHERE,
      token: 'bench-placeholder-not-a-token',
      refreshToken: 'bench-placeholder-not-a-token',
      tokenHead: 'Bearer ',
      obtainedAt: now,
      expiresAt: now + 8 * 3_600_000,
    };
    checkins[key] = { date: today, state: 'done', attempts: 1, at: now };
    const week = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, reward: day === 3 || day === 7 ? 20 : 10, complete: day <= (streak % 7 || 7) }));
    member[key] = {
      status: { date: today, signed: true, streak, week, todayReward: 10, readAt: now },
      unclaimed: { points: 0, readAt: now },
      expiring: { points: i % 2 ? 30 : 0, date: today },
    };
    history[key] = Array.from({ length: HISTORY_DAYS }, (_, back) => {
      const date = addChinaDays(today, back - HISTORY_DAYS + 1);
      const at = now - (HISTORY_DAYS - 1 - back) * 86_400_000;
      if (back % 17 === 5) return encodeEntry({ date, state: 'missed', at });
      return encodeEntry({ date, state: 'done', at, reward: 10, balance: 400 + 10 * back });
    });
  }
  return {
    settings,
    settings$: { v: 3 },
    accounts,
    accounts$: { v: 1 },
    secrets,
    secrets$: { v: 1 },
    checkins,
    checkins$: { v: 1 },
    member,
    member$: { v: 1 },
    history,
    history$: { v: 1 },
    notified: [],
    notified$: { v: 1 },
  };
}
