import { displayName } from '@/utils/account-name';
import { chinaDate } from '@/utils/china-time';
import type { StoredText } from '@/utils/i18n/keys';
import type { RunnerWords } from '@/utils/i18n/runner';
import { maskPhone } from '@/utils/mask';
import type { Settings, TimesAccount } from '@/utils/storage-schema';
import { checkinView, type CheckinView } from '@/utils/views/account-view';
import { nextRun } from '@/utils/views/next-run';
import { atHost, chinaShort } from './output';
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
  /** When the next automatic check-in (or retry) runs, never before `now` (the popup's rule, utils/views/next-run.ts); undefined while a new login is needed. */
  nextAt?: number;
  /** Today's failure, as recorded: words as data (a string in records from before issue 7). */
  error?: StoredText | string;
  /** The host of the account's server when today's failure is a network error or a timeout: the line names it. */
  unreachable?: string;
  /** The next run's moment has come (the popup shows it as now): the line says "due now", not a time. */
  due?: boolean;
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
      const nextAt = nextRun(account, record, settings, now)?.at;
      const error = todays?.state === 'failed' ? todays.error : undefined;
      return {
        key: account.key,
        name: displayName(account),
        phone: maskPhone(account.phone),
        state: view,
        streak: status?.streak,
        points: account.points,
        reward: status?.date === today ? status.todayReward : undefined,
        nextAt,
        due: nextAt !== undefined && nextAt <= now,
        error,
        unreachable: isNetworkFailure(error) ? hostOf(account.server) : undefined,
        retryAt: todays?.state === 'failed' ? todays.nextRetryAt : undefined,
      };
    });
}

const isNetworkFailure = (error: StoredText | string | undefined) => typeof error === 'object' && (error.key === 'error.network' || error.key === 'error.timeout');

function hostOf(server: string): string | undefined {
  try {
    return new URL(server).host;
  } catch {
    return undefined;
  }
}

/** The line `run` prints for an account. */
export function reportLine(report: AccountReport, words: RunnerWords): string {
  const { name } = report;
  switch (report.state) {
    case 'done':
    case 'already': {
      const line = words.t(report.state === 'done' ? 'runner.line.done' : 'runner.line.already', { name });
      const extra = [
        report.streak ? words.t('runner.extra.streak', { days: report.streak }) : '',
        report.reward ? words.t('runner.extra.reward', { points: report.reward }) : '',
        report.points !== undefined ? words.t('runner.extra.points', { points: report.points }) : '',
      ].filter(Boolean);
      return extra.length ? words.t('runner.line.extra', { line, extra: extra.join(words.t('runner.extra.separator')) }) : line;
    }
    case 'pending':
      return report.due ? words.t('runner.line.pendingDue', { name }) : words.t('runner.line.pending', { name, at: chinaShort(report.nextAt ?? 0) });
    case 'running':
      return words.t('runner.line.running', { name });
    case 'failed': {
      const reason = report.error === undefined ? '' : atHost(words, words.word(report.error), report.unreachable);
      return report.retryAt === undefined ? words.t('runner.line.failedFinal', { name, reason }) : words.t('runner.line.failedRetry', { name, reason, at: chinaShort(report.retryAt) });
    }
    case 'relogin':
      return words.t('runner.line.relogin', { name });
  }
}

/** `run`'s exit code (docs/E2E-CONTRACT.md): 2 a new login is needed, 1 a check-in failed, else 0. */
export function exitCodeOf(reports: AccountReport[]): 0 | 1 | 2 {
  if (reports.length === 0 || reports.some((report) => report.state === 'relogin')) return 2;
  return reports.some((report) => report.state === 'failed') ? 1 : 0;
}

/** The one line that says why `run` did not exit 0. */
export function exitReason(reports: AccountReport[], words: RunnerWords): string | undefined {
  if (reports.length === 0) return words.t('runner.noAccounts');
  const relogin = reports.filter((report) => report.state === 'relogin').length;
  if (relogin > 0) return words.t('runner.exitRelogin', { count: relogin });
  const failed = reports.filter((report) => report.state === 'failed').length;
  return failed > 0 ? words.t('runner.exitFailed', { count: failed }) : undefined;
}
