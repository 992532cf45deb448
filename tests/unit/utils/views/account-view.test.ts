import { describe, expect, it } from 'vitest';
import { doneSummary } from '@/utils/views/account-view';
import { displayName, nicknameProblem } from '@/utils/account-name';
import { chinaMoment } from '@/utils/china-time';
import type { Account, DayRecord } from '@/utils/storage-schema';

const now = chinaMoment('2026-11-23', '09:00');
const times = (phone: string, extra: Partial<Account> = {}): Account =>
  ({ provider: 'times', key: `times:${phone}`, phone, memberId: '1', server: 'https://m-center-prod-linli.timesgroup.cn', session: 'active', addedAt: 0, ...extra }) as Account;
const homing: Account = { provider: 'homing', key: 'homing:13800138000', mobile: '13800138000', userCode: 'E1', server: 'https://homing.example.com', via: 'sms', session: 'active', addedAt: 0 };
const day = (state: DayRecord['state'], date = '2026-11-23'): DayRecord => ({ date, state, attempts: 1, at: now });

describe('doneSummary', () => {
  it.each<[string, Account[], Record<string, DayRecord>, { done: number; total: number }]>([
    ['no accounts', [], {}, { done: 0, total: 0 }],
    ['Homing accounts do not count', [homing], {}, { done: 0, total: 0 }],
    ['done and already count', [times('13400000001'), times('13400000002'), times('13400000003')], { 'times:13400000001': day('done'), 'times:13400000002': day('already') }, { done: 2, total: 3 }],
    ['failed and running do not', [times('13400000001'), times('13400000002')], { 'times:13400000001': day('failed'), 'times:13400000002': day('running') }, { done: 0, total: 2 }],
    ["yesterday's done does not", [times('13400000001')], { 'times:13400000001': day('done', '2026-11-22') }, { done: 0, total: 1 }],
    ['a record of a removed account does not', [times('13400000001')], { 'times:13400000009': day('done') }, { done: 0, total: 1 }],
    ['a handed-off account is the runner\'s: not counted', [times('13400000001'), { ...times('13400000002'), session: 'handed-off' } as Account], { 'times:13400000001': day('done') }, { done: 1, total: 1 }],
  ])('%s', (_name, accounts, records, summary) => {
    expect(doneSummary(accounts, records, now)).toEqual(summary);
  });
});

describe('displayName', () => {
  it.each<[string, Account, string]>([
    ['a nickname', times('13412341234', { nickname: '妈妈' }), '妈妈'],
    ['no nickname: the masked phone', times('13412341234'), '134****1234'],
    ['an empty nickname: the masked phone', times('13412341234', { nickname: '  ' }), '134****1234'],
    ['a Homing account', homing, '138****8000'],
  ])('%s → %s', (_name, account, name) => {
    expect(displayName(account)).toBe(name);
  });
});

describe('nicknameProblem', () => {
  it.each<[string, string, boolean]>([
    ['empty (clears it)', '', false],
    ['20 characters', '一二三四五六七八九十一二三四五六七八九十', false],
    ['21 characters', '一二三四五六七八九十一二三四五六七八九十一', true],
  ])('%s', (_name, nickname, refused) => {
    expect(nicknameProblem(nickname) !== undefined).toBe(refused);
  });
});
