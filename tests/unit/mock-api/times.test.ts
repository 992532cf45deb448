// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chinaDateTime, chinaTimeMs } from '../../mock-api/china-time';
import { maskPhone, type MockEvent } from '../../mock-api/events';
import { decodeJwtPayload } from '../../mock-api/jwt';
import { startMockApi, type FaultKind, type MockApi } from '../../mock-api/server';
import { bearer, mockClient, pick } from '../../mock-api/test-client';
import { TIMES_PATHS } from '../../mock-api/times';

// The mock Times API and its faults, driven over real HTTP (Node's fetch), the way the extension will call it.

const PHONE = '13412341234';
const H = '/v1/homing/auth/employee';
const events: MockEvent[] = [];
let api: MockApi;

beforeAll(async () => {
  api = await startMockApi({ onEvent: (event) => events.push(event) });
});
afterAll(() => api.close());
beforeEach(() => {
  api.reset();
  events.length = 0;
});

const { call, checkin: checkinAs, refreshForm, timesLogin: loginAs } = mockClient(() => api);
const timesLogin = () => loginAs(PHONE);
const memberPath = (phone = PHONE) => `${TIMES_PATHS.member}?phone=${phone}&phoneArea=86`;
const checkin = (token: string, now = Date.now(), memberId = api.times.memberId(PHONE), path?: string) => checkinAs(token, memberId, now, path);

describe('Times mock', () => {
  it('logs in by SMS code, serves a raw 19-digit memberId and accepts one check-in per day on the // path', async () => {
    const { token, login } = await timesLogin();
    expect(login.body).toMatchObject({ code: 200, message: 'success', data: { authUserDTO: { expiresIn: 86399, tokenHead: 'Bearer ' }, userDTO: { phone: PHONE } } });
    expect(api.hits('times.send')[0].headers.locale).toBe('zh_CN');
    expect(events).toContainEqual({ type: 'sms', service: 'times', purpose: 'login', phone: PHONE, code: expect.stringMatching(/^\d{6}$/) });
    const member = await call(memberPath(), { headers: bearer(token) });
    const id = api.times.memberId(PHONE);
    expect(id).toMatch(/^\d{19}$/);
    expect(member.text).toContain(`"memberId":${id},`);
    expect(member.text).toContain(`"memberIdStr":"${id}"`);
    expect(pick(member.body, 'data', 'memberId')).not.toBe(id); // JSON.parse rounds it: why clients need memberIdStr
    expect((await checkin(token, Date.now(), id, TIMES_PATHS.collect.replace('//', '/'))).status).toBe(404);
    expect((await checkin(token)).body).toEqual({ code: 200, data: true, message: 'success' });
    expect((await checkin(token)).body).toEqual({ code: 200, data: false, message: '今日已签到' });
    expect(api.times.points(PHONE)).toBe(10);
    expect(api.times.checkins(PHONE).map((entry) => entry.accepted)).toEqual([true, false]);
    expect(pick((await call(memberPath(), { headers: bearer(token) })).body, 'data', 'integral')).toBe('10');
  });

  it('refuses a bad phone, a wrong code and a reused code', async () => {
    expect((await call(TIMES_PATHS.send, { json: { phoneNumber: '1342341234', areaCode: '86' } })).body).toMatchObject({ code: 400, message: '手机号格式错误' });
    const { token } = await timesLogin();
    expect(token.split('.')).toHaveLength(3);
    const grant = { grant_type: 'sms_code', scope: 'all', client_id: 'mini_charge', client_secret: 'times', username: PHONE, areaCode: '86' };
    for (const password of [api.times.lastCode(PHONE), '000000']) {
      expect((await call(TIMES_PATHS.smsToken, { json: { ...grant, password } })).body).toEqual({ code: 400, data: null, message: '验证码错误' });
    }
  });

  it('refuses a check-in with a numeric memberId, a non-JSON content type, and member detail of another phone', async () => {
    const { token } = await timesLogin();
    const time = chinaDateTime(Date.now());
    const numeric = { behaviourId: 10, clientCode: 'sys_linlibang', createTime: time, mapPamater: { sign: time }, memberId: 1 };
    expect((await call(TIMES_PATHS.collect, { json: numeric, headers: bearer(token) })).body).toMatchObject({ code: 400, message: expect.stringMatching(/^参数错误: /) });
    const asText = await call(TIMES_PATHS.collect, { method: 'POST', body: JSON.stringify(numeric), headers: { ...bearer(token), 'Content-Type': 'text/plain' } });
    expect(asText.body).toMatchObject({ code: 400 });
    expect((await call(memberPath('13900000000'), { headers: bearer(token) })).body).toMatchObject({ code: 403, message: '无权限' });
    expect(api.times.points(PHONE)).toBe(0);
  });

  it('answers a repeat check-in with code 500 when alreadyStyle is error', async () => {
    api.times.alreadyStyle = 'error';
    const { token } = await timesLogin();
    await checkin(token);
    expect((await checkin(token)).body).toEqual({ code: 500, data: null, message: '今日已签到，请勿重复签到' });
  });

  it('counts China days on the server clock: check-ins at 23:59 and 00:01 China time are both accepted', async () => {
    let now = chinaTimeMs('2024-11-27 23:59:00');
    api.setNow(() => now);
    const { token } = await timesLogin();
    expect((await checkin(token, now)).body).toMatchObject({ data: true });
    now = chinaTimeMs('2024-11-28 00:01:00');
    expect((await checkin(token, now)).body).toMatchObject({ data: true });
    expect(api.times.checkins().map((entry) => entry.date)).toEqual(['2024-11-27', '2024-11-28']);
    expect(api.times.points(PHONE)).toBe(20);
  });

  it('expires access tokens after accessTtlSeconds although expiresIn says 86399', async () => {
    let now = Date.now();
    api.setNow(() => now);
    const { token } = await timesLogin();
    const payload = decodeJwtPayload(token);
    expect(Number(payload?.exp) - Number(payload?.iat)).toBe(8 * 3600);
    expect(payload).toMatchObject({ sub: PHONE, jti: expect.any(String) });
    now += 8 * 3600 * 1000 - 5000;
    expect((await call(memberPath(), { headers: bearer(token) })).status).toBe(200);
    now += 10_000;
    expect((await call(memberPath(), { headers: bearer(token) })).status).toBe(401);
  });

  it('rejects expired access tokens by HTTP 401 or by code 401 in a 200 body, while refresh tokens still work', async () => {
    const { token, refresh } = await timesLogin();
    api.times.expireAccessTokens();
    const byStatus = await call(memberPath(), { headers: bearer(token) });
    expect([byStatus.status, byStatus.body]).toEqual([401, { code: 401, data: null, message: 'token 已失效' }]);
    api.times.rejectStyle = 'body';
    const byBody = await checkin(token);
    expect([byBody.status, pick(byBody.body, 'code')]).toEqual([200, '401']);
    const renewed = await refreshForm(refresh);
    expect((await call(memberPath(), { headers: bearer(pick(renewed.body, 'data', 'token')) })).status).toBe(200);
  });

  it('rotates refresh tokens from form data and refuses a JSON refresh with HTTP 400', async () => {
    const { refresh } = await timesLogin();
    const json = await call(TIMES_PATHS.refresh, { json: { grant_type: 'refresh_token', client_secret: 'times', client_id: 'app_c', scope: 'all', refresh_token: refresh } });
    expect(json.status).toBe(400);
    const first = await refreshForm(refresh, 'multipart');
    expect(first.body).toMatchObject({ code: 200, message: '操作成功', data: { expiresIn: 86399, tokenHead: 'Bearer ' } });
    const second = await refreshForm(pick(first.body, 'data', 'refreshToken'), 'urlencoded');
    expect(pick(second.body, 'data', 'refreshToken')).not.toBe(pick(first.body, 'data', 'refreshToken'));
    expect(api.times.revokedFamilies).toBe(0);
  });

  it('revokes the whole session family when a spent refresh token is presented again', async () => {
    const { token, refresh } = await timesLogin();
    const rotated = await refreshForm(refresh);
    const reuse = await refreshForm(refresh);
    expect([reuse.status, reuse.body]).toEqual([401, { code: 401, data: null, message: 'refresh token 已失效' }]);
    expect(api.times.revokedFamilies).toBe(1);
    expect((await refreshForm(pick(rotated.body, 'data', 'refreshToken'))).status).toBe(401);
    expect((await call(memberPath(), { headers: bearer(token) })).status).toBe(401);
    expect((await refreshForm('not-a-token')).status).toBe(401);
    expect(api.times.revokedFamilies).toBe(1);
  });
});

describe('faults and transport', () => {
  const cases: [FaultKind, number, RegExp][] = [
    ['html502', 502, /<center>nginx<\/center>/],
    ['malformed', 200, /^\{"code":200,"data":\{"tok/],
    ['status401', 401, /"code":401/],
    ['body401', 200, /"code":401/],
    ['status500', 500, /"code":500/],
    ['status429', 429, /"code":429/],
  ];
  it.each(cases)('answers one request with the %s fault, records it, then serves normally', async (kind, status, text) => {
    api.inject({ route: 'times.send', kind });
    const faulty = await call(TIMES_PATHS.send, { json: { phoneNumber: PHONE, areaCode: '86' } });
    expect([faulty.status, faulty.text]).toEqual([status, expect.stringMatching(text)]);
    if (kind === 'malformed') expect(faulty.body).toBeUndefined();
    expect(api.times.lastCode(PHONE)).toBeUndefined();
    expect((await call(TIMES_PATHS.send, { json: { phoneNumber: PHONE, areaCode: '86' } })).body).toMatchObject({ code: 200 });
    expect(api.hits('times.send')).toHaveLength(2);
  });

  it('uses faults per route in order, `times` requests each', async () => {
    api.inject({ route: 'homing.getSmsCode', kind: 'status500', times: 2 });
    api.inject({ route: 'homing.getSmsCode', kind: 'status429' });
    const statuses = [];
    for (let n = 0; n < 4; n++) statuses.push((await call(`${H}/login/get-mobile-code`, { json: { mobile: PHONE } })).status);
    expect(statuses).toEqual([500, 500, 429, 200]);
  });

  it('never answers a hanging request, and close() ends it instead of blocking', async () => {
    api.inject({ route: 'times.member', kind: 'hang' });
    await expect(fetch(api.url + memberPath(), { signal: AbortSignal.timeout(300) })).rejects.toThrow(/abort|timeout/i);
    const own = await startMockApi();
    own.inject({ route: 'times.member', kind: 'hang' });
    const pending = fetch(own.url + memberPath());
    await expect.poll(() => own.hits('times.member').length).toBe(1);
    await own.close();
    await expect(pending).rejects.toThrow();
  });

  it('answers unknown paths 404 and CORS preflights with the caller origin', async () => {
    expect(await call('/nope')).toMatchObject({ status: 404, body: { code: 404, message: 'Not Found' } });
    const preflight = await fetch(api.url + TIMES_PATHS.collect, { method: 'OPTIONS', headers: { Origin: 'https://example.com', 'Access-Control-Request-Method': 'POST' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://example.com');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/authorization.*locale.*content-type/);
  });

  it('forgets requests, faults, state, settings and the clock on reset', async () => {
    api.setNow(() => 0);
    api.inject({ route: 'times.send', kind: 'status500' });
    api.homing.addUser(PHONE, 'x');
    api.times.rejectStyle = 'body';
    await call('/nope');
    api.reset();
    expect([api.requests.length, api.homing.password(PHONE), api.times.rejectStyle]).toEqual([0, undefined, 'status']);
    expect((await call(TIMES_PATHS.send, { json: { phoneNumber: PHONE, areaCode: '86' } })).status).toBe(200);
    expect(Math.abs(api.requests[0].at - Date.now())).toBeLessThan(5000);
  });

  it('masks phone numbers for the CLI log', () => {
    expect(maskPhone(PHONE)).toBe('134****1234');
  });
});
