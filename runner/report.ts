import { checkinView, type CheckinView } from '@/utils/views/account-view';
import { chinaDate } from '@/utils/china-time';
import { displayName } from '@/utils/account-name';
import type { StoredText } from '@/utils/i18n/keys';
import { maskPhone } from '@/utils/mask';
import { nextCheckinAt } from '@/utils/core/rules/checkin-schedule';
import type { Settings, TimesAccount } from '@/utils/storage-schema';
import type { Catalogue } from './catalogue';
import { chinaShort } from './output';
import type { RunnerState } from './state-file';

// Each account as `run`, `status` and the daemon report it, from the state as stored. Pure: the time
// is an argument.

export interface AccountReport {
  key: string;
  /** Nickname, else the masked phone. */
  name: string;
  phone: string;
  state: CheckinView;
  streak?: number;
  points?: number;
  /** 邦豆 today's check-in earned, once known. */
  reward?: number;
  /** When the next automatic check-in (or retry) runs; undefined while a new login is needed. */
  nextAt?: number;
  /** Today's failure, as recorded: words as data (a string in records from before issue 7). */
  error?: StoredText | string;
  retryAt?: number;
}

export function accountReports(state: RunnerState, settings: Settings, now: number): AccountReport[] {
  const today = chinaDate(now);
  return state.accounts
    .filter((account): account is TimesAccount => account.provider === 'times')
    .map((account) => {
      const record = state.checkins[account.key];
      const status = state.member[account.key]?.status;
      const view = checkinView(account, record, now);
      const todays = record?.date === today ? record : undefined;
      return {
        key: account.key,
        name: displayName(account),
        phone: maskPhone(account.phone),
        state: view,
        streak: status?.streak,
        points: account.points,
        reward: status?.date === today ? status.todayReward : undefined,
        nextAt: account.session === 'active' ? nextCheckinAt({ key: account.key, canCheckIn: true, record }, settings, now) : undefined,
        error: todays?.state === 'failed' ? todays.error : undefined,
        retryAt: todays?.state === 'failed' ? todays.nextRetryAt : undefined,
      };
    });
}

/** The line `run` prints for an account. */
export function reportLine(report: AccountReport, words: Catalogue): string {
  const extra = words.extra(report.streak, report.reward, report.points);
  switch (report.state) {
    case 'done':
      return words.line.done(report.name, extra);
    case 'already':
      return words.line.already(report.name, extra);
    case 'pending':
      return words.line.pending(report.name, chinaShort(report.nextAt ?? 0));
    case 'running':
      return words.line.running(report.name);
    case 'failed':
      return words.line.failed(report.name, report.error === undefined ? '' : words.say(report.error), report.retryAt === undefined ? undefined : chinaShort(report.retryAt));
    case 'relogin':
      return words.line.relogin(report.name);
  }
}

/** `run`'s exit code (docs/E2E-CONTRACT.md): 2 a new login is needed, 1 a check-in failed, else 0. */
export function exitCodeOf(reports: AccountReport[]): 0 | 1 | 2 {
  if (reports.length === 0 || reports.some((report) => report.state === 'relogin')) return 2;
  return reports.some((report) => report.state === 'failed') ? 1 : 0;
}

/** The one line that says why `run` did not exit 0. */
export function exitReason(reports: AccountReport[], words: Catalogue): string | undefined {
  if (reports.length === 0) return words.noAccounts;
  const relogin = reports.filter((report) => report.state === 'relogin').length;
  if (relogin > 0) return words.exitRelogin(relogin);
  const failed = reports.filter((report) => report.state === 'failed').length;
  return failed > 0 ? words.exitFailed(failed) : undefined;
}
