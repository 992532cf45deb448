// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ApiError } from '@/utils/api/http';
import { bearer, createTimesClient, isAlreadySignedError } from '@/utils/api/times';
import { chinaDate } from '../../../mock-api/china-time';
import { addDays } from '../../../mock-api/sign-week';
import { useMockApi } from '../../support';

// The Times client's member-centre calls (docs/api/times-member-more-api.md) against the mock: the
// documented answers, other shapes a server version may send, and failures that must stay ApiErrors.

const api = useMockApi();
const phone = '13412341234';
const client = () => createTimesClient(api().url);

/** Logs in; the authorization header value and the member id. */
async function login(): Promise<{ auth: string; memberId: string }> {
  await client().sendCode(phone);
  const grant = await client().loginBySmsCode(phone, api().times.lastCode(phone)!);
  return { auth: bearer(grant.token, grant.tokenHead), memberId: api().times.memberId(phone) };
}

const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error);
const AWARDS = [10, 10, 15, 10, 10, 10, 30];

describe('sign status', () => {
  it('reads today, the streak and the week before and after a check-in', async () => {
    const { auth, memberId } = await login();
    expect(await client().signStatus(auth, memberId)).toEqual({ signed: false, streak: 0, week: AWARDS.map((reward, n) => ({ day: n + 1, reward, complete: false })) });
    await client().collect(auth, memberId, Date.now());
    const after = await client().signStatus(auth, memberId);
    expect([after.signed, after.streak, after.week.map((cell) => cell.complete)]).toEqual([true, 1, [true, false, false, false, false, false, false]]);
    expect(api().hits('times.signStatus')[0].path).toBe(`/times/member-bff/task/api-c/v1/sign/task/list?memberId=${memberId}`);
  });

  it('takes a count sent as a string and a missing week as an empty one', async () => {
    const { auth, memberId } = await login();
    api().times.signElsewhere(phone);
    api().times.reshape('times.signStatus', (data) => ({ ...(data as object), count: '3', taskVoList: undefined }));
    expect(await client().signStatus(auth, memberId)).toEqual({ signed: true, streak: 3, week: [] });
  });

  it('orders the week by day and drops cells outside 1..7', async () => {
    const { auth, memberId } = await login();
    api().times.reshape('times.signStatus', (data) => ({ ...(data as object), taskVoList: [{ day: '2', awardIntegral: 10 }, { day: 9 }, { day: 1, complete: true }] }));
    expect((await client().signStatus(auth, memberId)).week).toEqual([
      { day: 1, reward: 0, complete: true },
      { day: 2, reward: 10, complete: false },
    ]);
  });

  it('refuses an answer without `sign` as malformed', async () => {
    const { auth, memberId } = await login();
    api().times.reshape('times.signStatus', () => ({ count: 1 }));
    expect(await failure(client().signStatus(auth, memberId))).toMatchObject({ kind: 'malformed', text: { key: 'error.malformed' } });
  });

  it('turns a server without the status route (404) into an ApiError, not a crash', async () => {
    const { auth, memberId } = await login();
    api().times.statusMissing = true;
    const error = await failure(client().signStatus(auth, memberId));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: 'rejected', status: 404 });
    expect(isAlreadySignedError(error)).toBe(false);
  });
});

describe('邦豆 records, claims and expiry', () => {
  it('lists records with their 19-digit ids exact, as strings', async () => {
    const { auth, memberId } = await login();
    const older = api().times.addUnclaimed(phone, 5, '活动奖励');
    const newer = api().times.addUnclaimed(phone, 7);
    const { total, records } = await client().pointsRecords(auth, memberId, 1);
    expect(total).toBe(2);
    expect(records.map((record) => record.id).sort()).toEqual([older, newer].sort());
    expect(BigInt(records[0].id) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(records.find((record) => record.id === older)).toEqual({ id: older, name: '活动奖励', change: 5, at: expect.any(Number) });
    const query = new URL(api().url + api().hits('times.pointsRecords')[0].path).searchParams;
    expect(Object.fromEntries(query)).toEqual({ memberId, pageIndex: '1', pageSize: '50', isInvalid: '0', status: '1' });
  });

  it('asks for the page given, and the server\'s total counts every record', async () => {
    const { auth, memberId } = await login();
    api().times.addManyUnclaimed(phone, 120, 1);
    const third = await client().pointsRecords(auth, memberId, 1, { index: 3, size: 50 });
    expect(third.total).toBe(120);
    expect(third.records).toHaveLength(20);
    const query = new URL(api().url + api().hits('times.pointsRecords')[0].path).searchParams;
    expect([query.get('pageIndex'), query.get('pageSize')]).toEqual(['3', '50']);
  });

  it('reads the history a check-in wrote (balance mode)', async () => {
    const { auth, memberId } = await login();
    await client().collect(auth, memberId, Date.now());
    const history = await client().pointsRecords(auth, memberId, 2);
    expect(history).toEqual({ total: 1, records: [{ id: api().times.records(phone, 2)[0].id, name: '签到奖励', change: 10, at: expect.any(Number) }] });
  });

  it('takes ids and numbers sent as strings, a missing total and a null list', async () => {
    const { auth, memberId } = await login();
    api().times.reshape('times.pointsRecords', () => ({ records: [{ id: '1790123456789012345', integralChange: '7', behaviourName: null }] }));
    expect(await client().pointsRecords(auth, memberId, 1)).toEqual({ total: 1, records: [{ id: '1790123456789012345', name: '', change: 7 }] });
    api().times.reshape('times.pointsRecords', () => ({ total: 0, records: null }));
    expect(await client().pointsRecords(auth, memberId, 1)).toEqual({ total: 0, records: [] });
  });

  it('claims every unclaimed record with the member id as a JSON string', async () => {
    api().times.pointsMode = 'unclaimed';
    const { auth, memberId } = await login();
    await client().collect(auth, memberId, Date.now());
    expect([api().times.points(phone), api().times.unclaimed(phone)]).toEqual([0, 10]);
    await client().claimAll(auth, memberId);
    expect([api().times.points(phone), api().times.unclaimed(phone)]).toEqual([10, 0]);
    expect(api().hits('times.claimAll')[0].body).toBe(`{"memberId":"${memberId}"}`);
    expect((await client().memberDetail(auth, phone)).points).toBe(10);
  });

  it('reads the points that expire before a date, 0 for a null answer', async () => {
    const { auth, memberId } = await login();
    const today = chinaDate(Date.now());
    api().times.setExpiring(phone, 30, 3);
    api().times.setExpiring(phone, 5, 10);
    expect(await client().expiringPoints(auth, memberId, addDays(today, 7))).toBe(30);
    expect(await client().expiringPoints(auth, memberId, addDays(today, 11))).toBe(35);
    api().times.reshape('times.expiringPoints', () => null);
    expect(await client().expiringPoints(auth, memberId, addDays(today, 7))).toBe(0);
  });
});

describe('failures', () => {
  const calls: [string, (auth: string, memberId: string) => Promise<unknown>][] = [
    ['signStatus', (auth, memberId) => client().signStatus(auth, memberId)],
    ['pointsRecords', (auth, memberId) => client().pointsRecords(auth, memberId, 2)],
    ['claimAll', (auth, memberId) => client().claimAll(auth, memberId)],
    ['expiringPoints', (auth, memberId) => client().expiringPoints(auth, memberId, '2030-01-01')],
  ];

  it.each(calls.flatMap(([name, run]) => (['status', 'body'] as const).map((style) => [name, style, run] as const)))(
    '%s reads a rejected token (%s 401) as unauthorized',
    async (_name, style, run) => {
      api().times.rejectStyle = style;
      const { auth, memberId } = await login();
      api().times.expireAccessTokens();
      const error = await failure(run(auth, memberId));
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ kind: 'unauthorized' });
    },
  );

  it('recognises the real service\'s HTTP 500 "already signed" answer, and not a plain 500', async () => {
    api().times.alreadyStyle = 'status500';
    const { auth, memberId } = await login();
    expect(await client().collect(auth, memberId, Date.now())).toBe(true);
    const already = await failure(client().collect(auth, memberId, Date.now()));
    expect(already).toMatchObject({ kind: 'server', status: 500, code: 500, message: '今日已签到，请勿重复签到' });
    expect(isAlreadySignedError(already)).toBe(true);
    api().inject({ route: 'times.collect', kind: 'status500' });
    const busy = await failure(client().collect(auth, memberId, Date.now()));
    expect(busy).toMatchObject({ kind: 'server', message: '系统繁忙，请稍后再试' });
    expect(isAlreadySignedError(busy)).toBe(false);
  });
});
