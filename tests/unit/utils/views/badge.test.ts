import { describe, expect, it } from 'vitest';
import { badgeState } from '@/utils/views/badge';
import { chinaDate, chinaMoment } from '@/utils/china-time';
import type { Account, DayRecord } from '@/utils/storage-schema';

// The toolbar badge with an account handed off to a runner (issue 8): this browser says nothing about it.

const NOON = chinaMoment('2026-11-23', '12:00');
const times = (phone: string, session: 'active' | 'relogin' | 'handed-off'): Account => ({
  provider: 'times', key: `times:${phone}`, phone, memberId: '1', server: 'https://times.test', session, addedAt: 0,
});
const done: DayRecord = { date: chinaDate(NOON), state: 'done', attempts: 1, at: NOON };
const failed: DayRecord = { date: chinaDate(NOON), state: 'failed', attempts: 1, at: NOON };

describe('badge', () => {
  it.each<[string, Account[], Record<string, DayRecord>, string]>([
    ['all done here, one handed off and not done here', [times('1', 'active'), times('2', 'handed-off')], { 'times:1': done }, 'done'],
    ['a handed-off account whose last record here failed', [times('2', 'handed-off')], { 'times:2': failed }, 'none'],
    ['only a handed-off account', [times('2', 'handed-off')], {}, 'none'],
    ['an account needing a login beside a handed-off one', [times('1', 'relogin'), times('2', 'handed-off')], {}, 'attention'],
  ])('%s', (_name, accounts, records, state) => {
    expect(badgeState(accounts, records, NOON)).toBe(state);
  });
});
