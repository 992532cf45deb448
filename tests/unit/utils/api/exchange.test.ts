// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Exchange } from '@/utils/api/exchange';
import { createHomingClient } from '@/utils/api/homing';
import { requestJson } from '@/utils/api/http';
import { bearer, createTimesClient, PATHS } from '@/utils/api/times';

// Diagnostics capture exchanges at the HTTP layer, redacted as they are made (issue 13). Fake replies
// carry secrets in every field they have (the envelope's code, message and msg, an OAuth error, data
// keys and values, nested arrays, an HTML page); none may reach an exchange.

const PHONE = '13412341234';
const SMS = '482913';
const PASSWORD = 'Tr0ub4dor&3';
const ACCESS = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMzQxMjM0MTIzNCJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
const REFRESH = 'd3b07384-d113-4ec6-a0a1-5f8e0f6d2c11';
const MEMBER = '1867395312345678901';
const CAPTCHA = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const PUSH_KEY = 'SCT254817TqPzXw9LmKd3R';
const SECRETS = { PHONE, SMS, PASSWORD, ACCESS, REFRESH, MEMBER, CAPTCHA, PUSH_KEY };
const SAY_ALL = `手机 ${PHONE} 验证码 ${SMS} 密码 ${PASSWORD} token ${ACCESS} refresh ${REFRESH} 会员 ${MEMBER} 图片 ${CAPTCHA} key ${PUSH_KEY}`;

/** Every field a reply could have, each holding secrets; `data` as the call needs it to go through. */
const planted = (data: unknown = {}) => ({
  code: 200,
  success: true,
  message: SAY_ALL,
  msg: SAY_ALL,
  data:
    data && typeof data === 'object'
      ? {
          ...data,
          [PHONE]: { [MEMBER]: PUSH_KEY },
          echo: { mobile: PHONE, mobileCode: SMS, passwd: PASSWORD, valiCodeImg: CAPTCHA, list: [{ token: ACCESS, refreshToken: REFRESH }] },
        }
      : data,
});
const GRANT = { token: ACCESS, refreshToken: REFRESH, tokenHead: 'Bearer ', expiresIn: 28800 };
const refusal = { code: ACCESS, message: SAY_ALL, msg: SAY_ALL, error: PUSH_KEY, error_description: SAY_ALL, data: { [MEMBER]: PHONE } };
const html = `<html><body>${SAY_ALL}</body></html>`;

type Reply = { status: number; body: string; type?: string };
function answerWith(reply: Reply) {
  vi.stubGlobal('fetch', async () => new Response(reply.body, { status: reply.status, headers: { 'Content-Type': reply.type ?? 'application/json' } }));
}
afterEach(() => vi.unstubAllGlobals());

const BASE = 'https://times.example.com';
const auth = bearer(ACCESS, 'Bearer ');

/** Each client call, with the data a success of it carries. */
function calls(observe: (exchange: Exchange) => void) {
  const times = createTimesClient(BASE, observe);
  const homing = createHomingClient(BASE, { observe, token: () => ACCESS });
  return [
    ['times.sendCode', {}, () => times.sendCode(PHONE)],
    ['times.loginBySmsCode', { authUserDTO: GRANT }, () => times.loginBySmsCode(PHONE, SMS)],
    ['times.memberDetail', { memberIdStr: MEMBER, integral: 12 }, () => times.memberDetail(auth, PHONE)],
    ['times.collect', true, () => times.collect(auth, MEMBER, Date.now())],
    ['times.signStatus', { sign: true, count: 3, taskVoList: [{ day: 1, awardIntegral: 5, complete: true }] }, () => times.signStatus(auth, MEMBER)],
    ['times.pointsRecords', { total: 1, records: [{ id: MEMBER, behaviourName: `签到 ${PHONE}`, integralChange: 5 }] }, () => times.pointsRecords(auth, MEMBER, 1)],
    ['times.claimAll', {}, () => times.claimAll(auth, MEMBER)],
    ['times.expiringPoints', 7, () => times.expiringPoints(auth, MEMBER, '2026-01-08')],
    ['times.refreshToken', GRANT, () => times.refreshToken(REFRESH)],
    ['homing.getSmsCode', { expireIn: 60 }, () => homing.getSmsCode({ mobile: PHONE })],
    ['homing.loginBySmsCode', { token: ACCESS, userCode: PHONE, valiCodeImg: CAPTCHA }, () => homing.loginBySmsCode({ mobile: PHONE, mobileCode: SMS })],
    ['homing.login', { token: ACCESS, userCode: PHONE }, () => homing.login({ mobile: PHONE, passwd: PASSWORD, imgCode: 'x7Kq' })],
    ['homing.refreshImageCode', { valiCodeImg: CAPTCHA }, () => homing.refreshImageCode()],
    ['homing.forgot', {}, () => homing.getSmsCodeForForgotPassword({ mobile: PHONE })],
    ['homing.reset', {}, () => homing.resetPasswordWithSmsCode({ mobile: PHONE, mobileCode: SMS, passwd: PASSWORD })],
    ['homing.zgt', { token: ACCESS, accountId: MEMBER, accountCode: PHONE }, () => homing.zgt.login(undefined, ACCESS)],
    ['homing.logout', {}, () => homing.logout()],
  ] as const;
}

/** The exchanges every call makes when answered with `reply(data)`. */
async function exchangesFor(reply: (data: unknown) => Reply): Promise<Exchange[]> {
  const seen: Exchange[] = [];
  for (const [, data, call] of calls((exchange) => seen.push(exchange))) {
    answerWith(reply(data));
    await call().catch(() => undefined);
  }
  return seen;
}

function expectNoSecret(exchanges: Exchange[]) {
  const kept = JSON.stringify(exchanges);
  for (const [name, secret] of Object.entries(SECRETS)) {
    expect(kept.includes(secret), `${name} reached an exchange`).toBe(false);
    // Nor a telling piece of one: the middle of a token, the phone's hidden digits.
    if (secret.length >= 16) expect(kept.includes(secret.slice(6, 18)), `part of ${name} reached an exchange`).toBe(false);
  }
  expect(kept).not.toContain('41234123'); // the phone's middle digits, as any run would show them
}

describe('exchanges with planted secrets', () => {
  it.each([
    ['a success whose every field carries secrets', (data: unknown) => ({ status: 200, body: JSON.stringify(planted(data)) })],
    ['a refusal with secrets in its code, message, msg, OAuth error and data', () => ({ status: 400, body: JSON.stringify(refusal) })],
    ['a 500 envelope with secrets', () => ({ status: 500, body: JSON.stringify(refusal) })],
    ['a 200 envelope refusing with code 401 and secrets', () => ({ status: 200, body: JSON.stringify({ ...refusal, code: 401 }) })],
    ['an HTML error page quoting secrets', () => ({ status: 502, body: html, type: 'text/html' })],
    ['a 200 HTML page quoting secrets', () => ({ status: 200, body: html, type: 'text/html' })],
  ])('%s: every call is recorded, no secret in any', async (_name, reply) => {
    const exchanges = await exchangesFor(reply);
    expect(exchanges).toHaveLength(calls(() => undefined).length);
    expectNoSecret(exchanges);
  });

  it('keeps the form of a planted success: path, status, code, masked words and the shape', async () => {
    const exchanges = await exchangesFor((data) => ({ status: 200, body: JSON.stringify(planted(data)) }));
    const status = exchanges.find((exchange) => exchange.path === PATHS.signStatus);
    expect(status).toMatchObject({ method: 'GET', status: 200, code: '200', reading: 'ok' });
    expect(status?.message).toContain('手机 134****1234 验证码 ****** 密码 *** token *** refresh *** 会员 *** 图片 data:***');
    expect(status?.shape).toBe(
      '{code:number,success:boolean,message:string,msg:string,data:{sign:boolean,count:number,taskVoList:[{day:number,awardIntegral:number,complete:boolean}],' +
        '134****1234:{***:string},echo:{mobile:string,mobileCode:string,passwd:string,valiCodeImg:string,list:[{…}]}}}',
    );
    expect(exchanges.find((exchange) => exchange.path === PATHS.collect)).toMatchObject({ method: 'POST', reading: 'done', shape: '{code:number,success:boolean,message:string,msg:string,data:boolean}' });
  });

  it('reads a refusal as the client does, and an HTML page as text of its length', async () => {
    const refused = await exchangesFor(() => ({ status: 400, body: JSON.stringify(refusal) }));
    expect(refused.find((exchange) => exchange.path === PATHS.collect)).toMatchObject({ status: 400, code: '***', reading: 'rejected' });
    const page = await exchangesFor(() => ({ status: 502, body: html, type: 'text/html' }));
    expect(page.find((exchange) => exchange.path === PATHS.signStatus)).toMatchObject({ status: 502, shape: `text(${html.length})`, reading: 'server' });
    expect(page.find((exchange) => exchange.path === PATHS.signStatus)).not.toHaveProperty('message');
  });
});

describe('requestJson with an observer', () => {
  it('reports the path without its query values, and the time it took', async () => {
    answerWith({ status: 200, body: '{"code":200,"data":1}' });
    const seen: Exchange[] = [];
    await requestJson(`${BASE}/times/x/list?memberId=${MEMBER}&phone=${PHONE}`, { method: 'GET', observe: (exchange) => seen.push(exchange) });
    expect(seen).toEqual([{ at: expect.any(Number), method: 'GET', path: '/times/x/list', status: 200, code: '200', shape: '{code:number,data:number}', ms: expect.any(Number), reading: 'ok' }]);
  });

  it('reports a request that got no answer without a status or shape', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('fetch failed');
    });
    const seen: Exchange[] = [];
    await expect(requestJson(`${BASE}/y`, { method: 'POST', body: { phone: PHONE }, observe: (exchange) => seen.push(exchange) })).rejects.toMatchObject({ kind: 'network' });
    expect(seen).toEqual([{ at: expect.any(Number), method: 'POST', path: '/y', ms: expect.any(Number), reading: 'network' }]);
  });

  it('reads a second check-in refused with "already signed" as already', async () => {
    answerWith({ status: 500, body: JSON.stringify({ code: 500, message: '今日已签到，请勿重复签到' }) });
    const seen: Exchange[] = [];
    await createTimesClient(BASE, (exchange) => seen.push(exchange)).collect(auth, MEMBER, Date.now()).catch(() => undefined);
    expect(seen[0]).toMatchObject({ status: 500, code: '500', message: '今日已签到，请勿重复签到', reading: 'already' });
  });

  it('never fails a call because the observer threw', async () => {
    answerWith({ status: 200, body: '{"code":200,"data":true}' });
    const observe = () => {
      throw new Error('a full disk');
    };
    expect(await createTimesClient(BASE, observe).collect(auth, MEMBER, Date.now())).toBe(true);
  });
});
