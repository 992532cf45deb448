import { chinaDate } from '../china-time';
import { doneSummary, isCheckedInHere } from './account-view';
import { text, type Text } from '../i18n/keys';
import { isCheckedIn } from '../core/rules/checkin-schedule';
import type { Account, DayRecord } from '../storage-schema';

export type BadgeState = 'done' | 'attention' | 'none';

/**
 * The toolbar badge at a glance: `attention` when a check-in failed today or a session needs a new
 * login, `done` when every Times account is checked in today, otherwise nothing.
 */
export function badgeState(accounts: Account[], records: Record<string, DayRecord>, now: number): BadgeState {
  const today = chinaDate(now);
  // A handed-off account is checked in elsewhere (issue 8), one being handed off by nobody here until
  // the user confirms or takes it back (issue 13): this browser has nothing to say about either.
  const here = accounts.filter(isCheckedInHere);
  const needsAttention = here.some((account) => {
    if (account.provider === 'homing') return account.session === 'expired';
    const record = records[account.key];
    return account.session === 'relogin' || (record?.date === today && record.state === 'failed');
  });
  if (needsAttention) return 'attention';
  const times = here.filter((account) => account.provider === 'times');
  const allDone = times.length > 0 && times.every((account) => {
    const record = records[account.key];
    return record?.date === today && isCheckedIn(record);
  });
  return allDone ? 'done' : 'none';
}

/**
 * The toolbar button's title: today's state in words (issue 7), since the badge's mark and colour say
 * it to the eye only: how many Times accounts are checked in today out of how many, and whether one
 * needs attention.
 */
export function badgeTitle(accounts: Account[], records: Record<string, DayRecord>, now: number): Text {
  const { done, total } = doneSummary(accounts, records, now);
  if (badgeState(accounts, records, now) === 'attention') return text('title.attention', { done, total });
  return total === 0 ? text('title.none') : text('title.done', { done, total });
}

export const BADGE = {
  done: { text: '✓', color: '#16a34a' },
  attention: { text: '!', color: '#dc2626' },
  none: { text: '', color: '#6b7280' },
} as const;
