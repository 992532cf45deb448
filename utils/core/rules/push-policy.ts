import { displayName } from '../../account-name';
import type { Account, DayRecord, MemberInfo } from '../../storage-schema';
import type { Notice } from './notice';

// What a wake (one `runDue` of the worker, one `run` of the runner) pushes to the phone (issue 12). Pure:
// the day is an argument. The notices come from the engine's notifyOnce, which already raises each one
// once (a re-login once per ended session, a lost day once, missed days as one, expiring points once per
// account per week); this decides what goes out of those not pushed yet, and the daily summary.

/** A notice waiting to be pushed: its notifyOnce id and when it was raised (ms epoch). */
export interface QueuedNotice {
  id: string;
  at: number;
  notice: Notice;
}

/** How an account's China day ended, as the summary tells it; undefined `outcome`: not known yet. */
export interface DayOutcome {
  /** Nickname or masked phone. */
  account: string;
  outcome?: 'done' | 'already' | 'lost' | 'relogin';
  /** 邦豆 today's check-in earned, when the service said. */
  reward?: number;
  /** Consecutive days signed in, when read today. */
  streak?: number;
}

export interface DaySummary {
  done: number;
  total: number;
  accounts: DayOutcome[];
}

/** One wake's message, as data: worded by each home in its language (utils/views/push-text.ts). */
export interface PushMessage {
  alerts: Notice[];
  summary?: DaySummary;
}

export interface PushPolicyInput {
  /** Notices raised and not pushed yet, oldest first. */
  outbox: QueuedNotice[];
  /** Keys (`sentKey`) of the notices pushed already. */
  sent: string[];
  /** The China date of the last summary pushed. */
  summaryDate?: string;
  /** The daily summary is on. */
  digest: boolean;
  /** Today in China, `YYYY-MM-DD`. */
  today: string;
  /** Today's outcome of every account the summary counts (dayOutcomes). */
  day: DayOutcome[];
}

export interface PushPlan {
  /** undefined: nothing to say (a plain success says nothing). */
  message?: PushMessage;
  /** Keys of the notices this plan takes (pushed, or dropped as pushed already). */
  taken: string[];
  /** `today` when this plan carries the day's summary. */
  summaryDate?: string;
}

/** How many pushed notices are remembered (each is raised once anyway; this guards a replay). */
export const SENT_KEPT = 200;

/** The key of one raising of a notice: a new session's re-login has the same id but another time. */
export const sentKey = (queued: Pick<QueuedNotice, 'id' | 'at'>) => `${queued.id}@${queued.at}`;

const ORDER: Notice['kind'][] = ['relogin', 'lost', 'missed', 'expiring', 'homing-expired'];

/** Alerts with repeats merged: one re-login per account, one lost day per account and date, all missed days as one. */
function mergeAlerts(notices: Notice[]): Notice[] {
  const byKey = new Map<string, Notice>();
  for (const notice of notices) {
    if (notice.kind === 'missed') {
      const earlier = byKey.get('missed');
      const merged: Notice =
        earlier?.kind === 'missed'
          ? { kind: 'missed', dates: [...new Set([...earlier.dates, ...notice.dates])].sort(), accounts: [...new Set([...earlier.accounts, ...notice.accounts])] }
          : notice;
      byKey.set('missed', merged);
      continue;
    }
    const key = notice.kind === 'lost' ? `lost:${notice.account}:${notice.date}` : `${notice.kind}:${notice.account}`;
    byKey.set(key, notice);
  }
  return [...byKey.values()].sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
}

/**
 * What one wake pushes: the notices raised and not pushed yet, as alerts, and the daily summary when it
 * is on, not sent today, and every account counted has an outcome (a later recovery sends no second
 * one). At most one message: each channel gets one per wake. Nothing is pushed twice.
 */
export function planPush(input: PushPolicyInput): PushPlan {
  const sent = new Set(input.sent);
  const fresh = input.outbox.filter((queued) => !sent.has(sentKey(queued)));
  const alerts = mergeAlerts(fresh.map((queued) => queued.notice));
  const summaryDue = input.digest && input.summaryDate !== input.today && input.day.length > 0 && input.day.every((day) => day.outcome !== undefined);
  const summary: DaySummary | undefined = summaryDue
    ? { done: input.day.filter((day) => day.outcome === 'done' || day.outcome === 'already').length, total: input.day.length, accounts: input.day }
    : undefined;
  const message = alerts.length > 0 || summary ? { alerts, ...(summary ? { summary } : {}) } : undefined;
  return { message, taken: [...new Set(input.outbox.map(sentKey))], ...(summary ? { summaryDate: input.today } : {}) };
}

/**
 * Today's outcome per Times account the summary counts: those checked in here (session active) and
 * those that must log in again; a handed-off account is the runner's. Done or already signed, a day
 * lost (tries used up) or a re-login are outcomes; a day still running or waiting for a retry is not.
 */
export function dayOutcomes(accounts: Account[], records: Record<string, DayRecord>, member: Record<string, MemberInfo>, today: string): DayOutcome[] {
  return accounts.flatMap((account): DayOutcome[] => {
    if (account.provider !== 'times' || account.session === 'handed-off') return [];
    const name = displayName(account);
    if (account.session === 'relogin') return [{ account: name, outcome: 'relogin' }];
    const record = records[account.key]?.date === today ? records[account.key] : undefined;
    const status = member[account.key]?.status;
    const read = status?.date === today ? status : undefined;
    if (record?.state === 'done' || record?.state === 'already') {
      return [{ account: name, outcome: record.state, ...(read?.todayReward !== undefined ? { reward: read.todayReward } : {}), ...(read ? { streak: read.streak } : {}) }];
    }
    if (record?.state === 'failed' && record.lost) return [{ account: name, outcome: record.relogin ? 'relogin' : 'lost' }];
    return [{ account: name }];
  });
}
