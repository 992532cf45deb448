import { describe, expect, it } from 'vitest';
import type { Notice } from '@/utils/core/rules/notice';
import { dayOutcomes, planPush, sentKey, type DayOutcome, type PushPolicyInput, type QueuedNotice } from '@/utils/core/rules/push-policy';
import type { Account, DayRecord, MemberInfo } from '@/utils/storage-schema';

// What one wake pushes (issue 12): the notices of the wake → at most one message; nothing twice; the
// summary once a China day once every account has an outcome, off by default.

const TODAY = '2026-11-24';
const at = (minute: number) => Date.parse(`${TODAY}T08:${String(minute).padStart(2, '0')}:00+08:00`);
const queued = (id: string, notice: Notice, minute = 0): QueuedNotice => ({ id, at: at(minute), notice });

const RELOGIN_MOM = queued('relogin:times:13400000001', { kind: 'relogin', account: '妈妈' });
const RELOGIN_DAD = queued('relogin:times:13400000002', { kind: 'relogin', account: '爸爸' }, 1);
const LOST = queued('lost:times:13400000002:2026-11-23', { kind: 'lost', account: '爸爸', date: '2026-11-23' });
const MISSED_A = queued('missed:2026-11-24', { kind: 'missed', dates: ['2026-11-21', '2026-11-22'], accounts: ['妈妈'] });
const MISSED_B = queued('missed:2026-11-24', { kind: 'missed', dates: ['2026-11-22', '2026-11-23'], accounts: ['妈妈', '爸爸'] }, 2);
const EXPIRING = queued('expiring:times:13400000001:2026-11-23', { kind: 'expiring', account: '妈妈', points: 30 });

const DONE: DayOutcome[] = [
  { account: '妈妈', outcome: 'done', reward: 5, streak: 12 },
  { account: '爸爸', outcome: 'already', streak: 3 },
];

const input = (change: Partial<PushPolicyInput>): PushPolicyInput => ({ outbox: [], sent: [], digest: false, today: TODAY, day: DONE, ...change });

describe('the push policy', () => {
  it.each<[string, Partial<PushPolicyInput>, Notice['kind'][], boolean]>([
    ['a plain success sends nothing', {}, [], false],
    ['a plain success with the summary off sends nothing, even once all are done', { digest: false }, [], false],
    ['one re-login is one alert', { outbox: [RELOGIN_MOM] }, ['relogin'], false],
    ['everything a wake says goes out as one message', { outbox: [EXPIRING, LOST, RELOGIN_MOM, RELOGIN_DAD] }, ['relogin', 'relogin', 'lost', 'expiring'], false],
    ['missed days of several notices are one alert', { outbox: [MISSED_A, MISSED_B] }, ['missed'], false],
    ['a notice already pushed is not pushed again', { outbox: [RELOGIN_MOM], sent: [sentKey(RELOGIN_MOM)] }, [], false],
    ['the same notice twice in the outbox is one alert', { outbox: [RELOGIN_MOM, RELOGIN_MOM] }, ['relogin'], false],
    ['the summary goes once every account has an outcome', { digest: true }, [], true],
    ['the summary rides along with the alerts', { digest: true, outbox: [EXPIRING] }, ['expiring'], true],
    ['no summary twice on a day (a later recovery sends no second one)', { digest: true, summaryDate: TODAY }, [], false],
    ['the summary of a new day goes again', { digest: true, summaryDate: '2026-11-23' }, [], true],
    ['no summary while an account has no outcome yet (a retry waits)', { digest: true, day: [...DONE, { account: '134****0003' }] }, [], false],
    ['no summary when there is no account to count', { digest: true, day: [] }, [], false],
  ])('%s', (_name, change, kinds, summary) => {
    const plan = planPush(input(change));
    expect(plan.message?.alerts.map((alert) => alert.kind) ?? []).toEqual(kinds);
    expect(plan.message?.summary !== undefined).toBe(summary);
    expect(plan.summaryDate).toBe(summary ? TODAY : undefined);
    expect(plan.message === undefined).toBe(kinds.length === 0 && !summary);
  });

  it('merges missed days into one list of dates and accounts', () => {
    const plan = planPush(input({ outbox: [MISSED_A, MISSED_B] }));
    expect(plan.message?.alerts).toEqual([{ kind: 'missed', dates: ['2026-11-21', '2026-11-22', '2026-11-23'], accounts: ['妈妈', '爸爸'] }]);
  });

  it('counts done and already as checked in, a lost day and a re-login as not', () => {
    const day: DayOutcome[] = [...DONE, { account: '134****0003', outcome: 'lost' }, { account: '134****0004', outcome: 'relogin' }];
    expect(planPush(input({ digest: true, day })).message?.summary).toEqual({ done: 2, total: 4, accounts: day });
  });

  it('takes every notice of the outbox, pushed or dropped, so none waits for ever', () => {
    const plan = planPush(input({ outbox: [RELOGIN_MOM, LOST], sent: [sentKey(RELOGIN_MOM)] }));
    expect(plan.taken).toEqual([sentKey(RELOGIN_MOM), sentKey(LOST)]);
    expect(plan.message?.alerts).toEqual([LOST.notice]);
  });

  it('tells a new session\'s re-login apart from the last one (same id, raised later)', () => {
    const again = { ...RELOGIN_MOM, at: at(30) };
    expect(planPush(input({ outbox: [again], sent: [sentKey(RELOGIN_MOM)] })).message?.alerts).toEqual([RELOGIN_MOM.notice]);
  });
});

describe("today's outcomes for the summary", () => {
  const account = (phone: string, extra: Partial<Account> = {}): Account =>
    ({ provider: 'times', key: `times:${phone}`, phone, memberId: '1867395300000000001', server: 'https://times.test', session: 'active', addedAt: 0, ...extra }) as Account;
  const record = (state: DayRecord['state'], extra: Partial<DayRecord> = {}): DayRecord => ({ date: TODAY, state, attempts: 1, at: at(0), ...extra });
  const status = (streak: number, todayReward?: number): MemberInfo => ({ status: { date: TODAY, signed: true, streak, week: [], todayReward, readAt: at(0) } });

  it.each<[string, Account, DayRecord | undefined, MemberInfo | undefined, DayOutcome[]]>([
    ['done, with its reward and streak, named by nickname', account('13400000001', { nickname: '妈妈' }), record('done'), status(12, 5), [{ account: '妈妈', outcome: 'done', reward: 5, streak: 12 }]],
    ['already signed elsewhere, by masked phone', account('13400000001'), record('already'), status(3), [{ account: '134****0001', outcome: 'already', streak: 3 }]],
    ['a lost day', account('13400000001'), record('failed', { lost: true }), undefined, [{ account: '134****0001', outcome: 'lost' }]],
    ['a day lost to an ended session', account('13400000001'), record('failed', { lost: true, relogin: true }), undefined, [{ account: '134****0001', outcome: 'relogin' }]],
    ['an account that must log in again', account('13400000001', { session: 'relogin' }), undefined, undefined, [{ account: '134****0001', outcome: 'relogin' }]],
    ['a failure waiting for its retry: no outcome yet', account('13400000001'), record('failed', { nextRetryAt: at(15) }), undefined, [{ account: '134****0001' }]],
    ['a check-in under way: no outcome yet', account('13400000001'), record('running'), undefined, [{ account: '134****0001' }]],
    ["yesterday's record: no outcome yet today", account('13400000001'), { ...record('done'), date: '2026-11-23' }, undefined, [{ account: '134****0001' }]],
    ['a handed-off account is not counted', account('13400000001', { session: 'handed-off' }), undefined, undefined, []],
  ])('%s', (_name, stored, day, member, expected) => {
    expect(dayOutcomes([stored], day ? { [stored.key]: day } : {}, member ? { [stored.key]: member } : {}, TODAY)).toEqual(expected);
  });

  it('leaves Homing accounts out', () => {
    const homing = { provider: 'homing', key: 'homing:1', mobile: '13400000009', userCode: 'u', server: 's', via: 'sms', session: 'active', addedAt: 0 } as Account;
    expect(dayOutcomes([homing], {}, {}, TODAY)).toEqual([]);
  });
});
