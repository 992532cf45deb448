// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chinaDate, chinaDateTime, chinaTimeMs } from '../../mock-api/china-time';
import { startMockApi, type FaultKind, type MockApi } from '../../mock-api/server';
import { bearer, mockClient, pick, type Answer } from '../../mock-api/test-client';
import { TIMES_PATHS } from '../../mock-api/times';

// The mock's member-centre routes (docs/api/times-member-more-api.md) and the check-in knobs that go
// with them, driven over real HTTP.

const PHONE = '13412341234';
const OTHER = '13900000000';
const DAY = 24 * 3600 * 1000;
let api: MockApi;
let now = chinaTimeMs('2026-03-10 09:00:00');

beforeAll(async () => {
  api = await startMockApi();
});
afterAll(() => api.close());
beforeEach(() => {
  api.reset();
  now = chinaTimeMs('2026-03-10 09:00:00');
  api.setNow(() => now);
});

const { call, checkin: checkinAs, timesLogin } = mockClient(() => api);
const id = (phone = PHONE) => api.times.memberId(phone);
const get = (path: string, params: Record<string, string>, token: string) => call(`${path}?${new URLSearchParams(params)}`, { headers: bearer(token) });
const post = (path: string, json: unknown, token: string) => call(path, { json, headers: bearer(token) });
const status = (token: string) => get(TIMES_PATHS.signStatus, { memberId: id() }, token);
const records = (token: string, state: 1 | 2, page: Record<string, string> = {}) =>
  get(TIMES_PATHS.pointsRecords, { memberId: id(), pageIndex: '1', pageSize: '20', isInvalid: '0', status: String(state), ...page }, token);
const checkin = (token: string) => checkinAs(token, id(), now);
const completeDays = (answer: Answer) => (pick(answer.body, 'data', 'taskVoList') ? (answer.body as { data: { taskVoList: { complete: boolean }[] } }).data.taskVoList.filter((cell) => cell.complete).length : -1);

/** Logs in with an access token that outlives the clock jumps of these tests. */
async function login(): Promise<string> {
  api.times.accessTtlSeconds = 400 * 24 * 3600;
  return (await timesLogin(PHONE)).token;
}

describe('sign-in status', () => {
  it('shows an unsigned day, then after a check-in sign, count 1, day 1 complete and its 10 邦豆 in the balance and history', async () => {
    const token = await login();
    expect((await status(token)).body).toEqual({
      code: 200,
      message: 'success',
      data: { sign: false, count: 0, taskVoList: [10, 10, 15, 10, 10, 10, 30].map((awardIntegral, index) => ({ day: index + 1, awardIntegral, complete: false })) },
    });
    expect((await checkin(token)).body).toMatchObject({ data: true });
    const after = await status(token);
    expect(after.body).toMatchObject({ data: { sign: true, count: 1 } });
    expect(completeDays(after)).toBe(1);
    expect([api.times.points(PHONE), api.times.signedToday(PHONE), api.times.streak(PHONE)]).toEqual([10, true, 1]);
    expect(api.times.records(PHONE, 2)).toEqual([{ id: expect.stringMatching(/^\d{19}$/), behaviourName: '签到奖励', integralChange: 10, updateTime: now }]);
  });

  it('counts the streak across China days: 3 in a row is 3, a skipped day shows 0, the next check-in starts at 1', async () => {
    const token = await login();
    for (let day = 0; day < 3; day++) {
      expect((await checkin(token)).body).toMatchObject({ data: true });
      now += DAY;
    }
    now -= DAY;
    expect(pick((await status(token)).body, 'data', 'count')).toBe('3');
    now += DAY; // the next day, not signed yet: the streak still ends yesterday
    expect((await status(token)).body).toMatchObject({ data: { sign: false, count: 3 } });
    now += DAY; // a whole day was skipped
    expect((await status(token)).body).toMatchObject({ data: { sign: false, count: 0 } });
    await checkin(token);
    expect((await status(token)).body).toMatchObject({ data: { sign: true, count: 1 } });
    expect(api.times.points(PHONE)).toBe(10 + 10 + 15 + 10);
  });

  it.each([
    [0, 1, 10],
    [2, 3, 15],
    [6, 7, 30],
    [7, 1, 10],
    [13, 7, 30],
  ])('after %i days in a row, today\'s check-in completes %i days of the week and credits %i', async (before, position, reward) => {
    const token = await login();
    api.times.setSignedDays(PHONE, Array.from({ length: before }, (_, n) => chinaDate(now - (n + 1) * DAY)));
    expect(api.times.streak(PHONE)).toBe(before);
    await checkin(token);
    const after = await status(token);
    expect(after.body).toMatchObject({ data: { sign: true, count: before + 1 } });
    expect(completeDays(after)).toBe(position);
    expect(api.times.points(PHONE)).toBe(reward);
  });

  it('takes a sign-in by the phone app (signElsewhere) as done: the check-in is answered as already and credits nothing', async () => {
    const token = await login();
    api.times.signElsewhere(PHONE, '2026-03-09');
    api.times.signElsewhere(PHONE);
    expect((await status(token)).body).toMatchObject({ data: { sign: true, count: 2 } });
    expect((await checkin(token)).body).toEqual({ code: 200, data: false, message: '今日已签到' });
    expect(api.times.checkins(PHONE).map((entry) => entry.accepted)).toEqual([false]);
    expect(api.times.points(PHONE)).toBe(0);
  });

  it('answers the status route 404 like an unknown path when statusMissing is set', async () => {
    const token = await login();
    api.times.statusMissing = true;
    expect(await status(token)).toMatchObject({ status: 404, body: { code: 404, message: 'Not Found' } });
    expect(api.hits('times.signStatus')).toHaveLength(1);
  });

  it('sends the data a test reshaped (another server version)', async () => {
    const token = await login();
    api.times.reshape('times.signStatus', (data) => ({ ...(data as object), count: '5', taskVoList: undefined }));
    expect((await status(token)).text).toBe('{"code":200,"data":{"sign":false,"count":"5"},"message":"success"}');
  });
});

describe('check-in answers', () => {
  it('answers a repeat check-in with HTTP 500 and the real service\'s body when alreadyStyle is status500', async () => {
    api.times.alreadyStyle = 'status500';
    const token = await login();
    await checkin(token);
    const again = await checkin(token);
    expect([again.status, again.text]).toEqual([500, '{"code":500,"message":"今日已签到，请勿重复签到"}']);
  });

  it('records a commit-hang check-in (date, points, log) although no answer ever comes; the next one is answered as already', async () => {
    api.times.collectMode = 'commit-hang';
    const token = await login();
    const time = chinaDateTime(now);
    const json = { behaviourId: 10, clientCode: 'sys_linlibang', createTime: time, mapPamater: { sign: time }, memberId: id() };
    await expect(call(TIMES_PATHS.collect, { json, headers: bearer(token), signal: AbortSignal.timeout(300) })).rejects.toThrow(/abort|timeout/i);
    expect([api.times.signedToday(PHONE), api.times.points(PHONE), api.times.checkins(PHONE).map((c) => c.accepted)]).toEqual([true, 10, [true]]);
    expect((await checkin(token)).body).toMatchObject({ data: false });
  });

  it('answers a commit-late check-in only after collectLateMs, with the day already recorded meanwhile', async () => {
    api.times.collectMode = 'commit-late';
    api.times.collectLateMs = 300;
    const token = await login();
    const started = performance.now();
    let answered = false;
    const pending = checkin(token).then((answer) => ((answered = true), answer));
    await expect.poll(() => api.times.signedToday(PHONE)).toBe(true);
    expect([answered, api.times.points(PHONE)]).toEqual([false, 10]);
    expect((await pending).body).toMatchObject({ data: true });
    expect(performance.now() - started).toBeGreaterThanOrEqual(280);
  });

  it.each(['commit-hang', 'commit-late'] as const)('ends a %s request on close() instead of blocking', async (mode) => {
    const own = await startMockApi();
    own.times.collectMode = mode;
    const { token } = await mockClient(() => own).timesLogin(PHONE);
    const pending = mockClient(() => own).checkin(token, own.times.memberId(PHONE));
    await expect.poll(() => own.times.signedToday(PHONE)).toBe(true);
    await own.close();
    await expect(pending).rejects.toThrow();
  });
});

describe('邦豆 records, claims and expiry', () => {
  it('lists records with 19-digit ids written as bare number literals, newest first, paged, with the total', async () => {
    const token = await login();
    const first = api.times.addUnclaimed(PHONE, 5, '活动奖励');
    now += 1000;
    const second = api.times.addUnclaimed(PHONE, 7);
    const page = await records(token, 1);
    expect(page.text).toContain(`"id":${second},"behaviourName":"签到奖励","integralChange":7,"changeType":1,"updateTime":${now}}`);
    expect(page.body).toMatchObject({ data: { total: 2, records: [{ integralChange: 7 }, { integralChange: 5, behaviourName: '活动奖励' }] } });
    expect(String(pick(page.body, 'data', 'records', '0', 'id'))).not.toBe(second); // JSON.parse rounds it
    expect((await records(token, 1, { pageSize: '1', pageIndex: '2' })).text).toContain(`"total":2,"records":[{"id":${first},`);
    expect((await records(token, 2)).body).toMatchObject({ data: { total: 0, records: [] } });
    expect((await records(token, 1, { status: '3' })).body).toMatchObject({ code: 400 });
    expect(api.times.unclaimed(PHONE)).toBe(12);
  });

  it('keeps check-in points unclaimed in pointsMode unclaimed until claim-all moves them to the balance and history', async () => {
    api.times.pointsMode = 'unclaimed';
    const token = await login();
    await checkin(token);
    expect([api.times.points(PHONE), api.times.unclaimed(PHONE)]).toEqual([0, 10]);
    expect((await records(token, 1)).body).toMatchObject({ data: { total: 1, records: [{ behaviourName: '签到奖励', integralChange: 10 }] } });
    expect((await post(TIMES_PATHS.claimAll, { memberId: id() }, token)).body).toEqual({ code: 200, data: true, message: 'success' });
    expect([api.times.points(PHONE), api.times.unclaimed(PHONE)]).toEqual([10, 0]);
    expect((await records(token, 2)).body).toMatchObject({ data: { total: 1 } });
    expect(pick((await get(TIMES_PATHS.memberById, { memberId: id() }, token)).body, 'data', 'integral')).toBe('10');
  });

  it('claims one record by its string id, refuses it twice and refuses an id that lost its digits', async () => {
    const token = await login();
    const kept = api.times.addUnclaimed(PHONE, 5);
    const claimed = api.times.addUnclaimed(PHONE, 8);
    expect((await post(TIMES_PATHS.claimOne, { memberId: id(), recordId: claimed }, token)).body).toMatchObject({ code: 200, data: true });
    expect((await post(TIMES_PATHS.claimOne, { memberId: id(), recordId: claimed }, token)).body).toMatchObject({ code: 400, message: '记录不存在或已领取' });
    expect((await post(TIMES_PATHS.claimOne, { memberId: id(), recordId: Number(kept) }, token)).body).toMatchObject({ code: 400 });
    expect([api.times.points(PHONE), api.times.unclaimed(PHONE)]).toEqual([8, 5]);
    expect((await post(TIMES_PATHS.claimAll, { memberId: Number(id()) }, token)).body).toMatchObject({ code: 400, message: '参数错误: memberId' });
  });

  it('sums the points that expire before invalidTime, by China dates', async () => {
    const token = await login();
    api.times.setExpiring(PHONE, 30, 3);
    api.times.setExpiring(PHONE, 5, 10);
    const expiring = (invalidTime: string) => get(TIMES_PATHS.expiringPoints, { memberId: id(), invalidTime }, token);
    expect((await expiring('2026-03-17')).body).toEqual({ code: 200, data: 30, message: 'success' });
    expect(pick((await expiring('2026-03-21')).body, 'data')).toBe('35');
    expect(pick((await expiring('2026-03-13')).body, 'data')).toBe('0');
    expect((await expiring('17/03/2026')).body).toMatchObject({ code: 400 });
  });

  it('serves the same member detail by memberId as by phone, memberId a bare 19-digit literal', async () => {
    const token = await login();
    const byId = await get(TIMES_PATHS.memberById, { memberId: id() }, token);
    expect(byId.text).toBe((await get(TIMES_PATHS.member, { phone: PHONE, phoneArea: '86' }, token)).text);
    expect(byId.text).toContain(`"memberId":${id()},`);
  });
});

describe('auth and faults on every member-centre route', () => {
  const routes: [string, (token: string, memberId: string) => Promise<Answer>][] = [
    ['times.signStatus', (token, memberId) => get(TIMES_PATHS.signStatus, { memberId }, token)],
    ['times.pointsRecords', (token, memberId) => get(TIMES_PATHS.pointsRecords, { memberId, pageIndex: '1', pageSize: '10', isInvalid: '0', status: '2' }, token)],
    ['times.claimAll', (token, memberId) => post(TIMES_PATHS.claimAll, { memberId }, token)],
    ['times.claimOne', (token, memberId) => post(TIMES_PATHS.claimOne, { memberId, recordId: api.times.addUnclaimed(PHONE, 1) }, token)],
    ['times.expiringPoints', (token, memberId) => get(TIMES_PATHS.expiringPoints, { memberId, invalidTime: '2026-03-17' }, token)],
    ['times.memberById', (token, memberId) => get(TIMES_PATHS.memberById, { memberId }, token)],
  ];

  it.each(routes)('%s serves only the caller and rejects a dead token by status or in the body', async (name, send) => {
    const token = await login();
    expect((await send(token, id())).body).toMatchObject({ code: 200 });
    expect((await send(token, id(OTHER))).body).toEqual({ code: 403, data: null, message: '无权限' });
    api.times.expireAccessTokens();
    expect(await send(token, id())).toMatchObject({ status: 401, body: { code: 401 } });
    api.times.rejectStyle = 'body';
    expect(await send(token, id())).toMatchObject({ status: 200, body: { code: 401, message: 'token 已失效' } });
    expect(api.hits(name)).toHaveLength(4);
  });

  it.each(routes.flatMap(([name, send]) => (['html502', 'status500', 'body401'] as FaultKind[]).map((kind) => [name, kind, send] as const)))(
    '%s takes the %s fault by name, then serves normally',
    async (name, kind, send) => {
      const token = await login();
      api.inject({ route: name, kind });
      expect((await send(token, id())).text).toMatch(kind === 'html502' ? /nginx/ : kind === 'status500' ? /系统繁忙/ : /"code":401/);
      expect((await send(token, id())).body).toMatchObject({ code: 200 });
    },
  );

  it('leaves a hang-faulted claim open', async () => {
    const token = await login();
    api.inject({ route: 'times.claimAll', kind: 'hang' });
    await expect(call(TIMES_PATHS.claimAll, { json: { memberId: id() }, headers: bearer(token), signal: AbortSignal.timeout(300) })).rejects.toThrow(/abort|timeout/i);
  });

  it('restores every knob on reset', () => {
    Object.assign(api.times, { collectMode: 'commit-hang', collectLateMs: 1, alreadyStyle: 'status500', statusMissing: true, pointsMode: 'unclaimed', claimAllStyle: 'claims-nothing' });
    api.times.signElsewhere(PHONE);
    api.times.addUnclaimed(PHONE, 3);
    api.reset();
    const { collectMode, collectLateMs, alreadyStyle, statusMissing, pointsMode, claimAllStyle } = api.times;
    expect({ collectMode, collectLateMs, alreadyStyle, statusMissing, pointsMode, claimAllStyle }).toEqual({
      collectMode: 'normal',
      collectLateMs: 20000,
      alreadyStyle: 'false',
      statusMissing: false,
      pointsMode: 'balance',
      claimAllStyle: 'claims',
    });
    expect([api.times.signedToday(PHONE), api.times.unclaimed(PHONE)]).toEqual([false, 0]);
  });
});
