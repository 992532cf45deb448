// @vitest-environment node
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startMockApi, type FaultKind, type MockApi } from '../../../mock-api/server';
import { ApiError } from '../../../../utils/api/http';
import { createHomingClient, HomingApiError, HOMING_PATHS, NO_BASE_URL, ZGT_TOKEN_REQUIRED } from '../../../../utils/api/homing';
import { captchaDataUrl } from '../../../../utils/views/captcha';
import { keepCookies } from '../../support';
import { zh } from '../../../words';

const MOBILE = '13800138000';
const PASSWD = 'secret123';
const ENVELOPES = ['code0', 'code200', 'success', 'bare'] as const;

let mock: MockApi;
let stored: string | undefined;
const client = () => createHomingClient(mock.url, { token: () => stored });

beforeAll(async () => {
  mock = await startMockApi();
});
afterAll(() => mock.close());
beforeEach(() => {
  mock.reset();
  stored = undefined;
});
afterEach(() => {
  vi.unstubAllGlobals();
});

/** Answers every request with this body, for shapes the mock never sends. */
function answer(body: string, status = 200): void {
  vi.stubGlobal('fetch', async () => new Response(body, { status, headers: { 'Content-Type': 'application/json' } }));
}

async function rejection(promise: Promise<unknown>): Promise<HomingApiError> {
  const error = await promise.then(() => undefined, (reason: unknown) => reason);
  expect(error).toBeInstanceOf(HomingApiError);
  return error as HomingApiError;
}

async function smsLogin(): Promise<string> {
  await client().getSmsCode({ mobile: MOBILE });
  const { token } = await client().loginBySmsCode({ mobile: MOBILE, mobileCode: mock.homing.lastCode(MOBILE)! });
  return token;
}

describe.each(ENVELOPES)('with the %s envelope', (envelope) => {
  beforeEach(() => {
    mock.homing.envelope = envelope;
  });

  it('sends an SMS code and reports its expiry in seconds', async () => {
    await expect(client().getSmsCode({ mobile: MOBILE })).resolves.toEqual({ expireIn: 300 });
    expect(mock.homing.lastCode(MOBILE)).toMatch(/^\d{6}$/);
  });

  it('logs in with the SMS code', async () => {
    await client().getSmsCode({ mobile: MOBILE });
    const res = await client().loginBySmsCode({ mobile: MOBILE, mobileCode: mock.homing.lastCode(MOBILE)!, socialUserId: 'wx1' });
    expect(res).toEqual({ token: expect.any(String), userCode: expect.stringMatching(/^U/), expireIn: 7200 });
    expect(mock.homing.validTokens()).toContain(res.token);
    expect(JSON.parse(mock.hits('homing.loginBySmsCode')[0].body)).toMatchObject({ socialUserId: 'wx1' });
  });

  it('logs in with the password', async () => {
    mock.homing.addUser(MOBILE, PASSWD);
    const res = await client().login({ mobile: MOBILE, passwd: PASSWD });
    expect(mock.homing.validTokens()).toEqual([res.token]);
    expect(res.expireIn).toBe(7200);
  });

  it('logs out with the stored token as a bearer token', async () => {
    stored = await smsLogin();
    await expect(client().logout()).resolves.toBeUndefined();
    expect(mock.hits('homing.logout')[0].headers.authorization).toBe(`Bearer ${stored}`);
    expect(mock.homing.validTokens()).toEqual([]);
  });

  it('refreshes the image captcha with a PNG the page may show', async () => {
    const res = await client().refreshImageCode();
    expect(captchaDataUrl(res.valiCodeImg)).toMatch(/^data:image\/png;base64,/);
    expect(res.expireIn).toBe(120);
  });

  it('resets a forgotten password with the SMS code', async () => {
    mock.homing.addUser(MOBILE, 'old-pass1');
    await expect(client().getSmsCodeForForgotPassword({ mobile: MOBILE })).resolves.toBeUndefined();
    const mobileCode = mock.homing.lastCode(MOBILE, 'forgot')!;
    await expect(client().resetPasswordWithSmsCode({ mobile: MOBILE, mobileCode, passwd: 'new-pass2' })).resolves.toBeUndefined();
    expect(mock.homing.password(MOBILE)).toBe('new-pass2');
  });

  it('logs in to 智桂通 with a pasted token, ids as strings', async () => {
    mock.homing.zgtTokens.add('zgt-abc');
    const res = await client().zgt.login({}, 'zgt-abc');
    expect(res).toMatchObject({ loginStatus: 'success', expireIn: 7200, orgId: '3001', tenantCode: 'T0001' });
    expect(res.accountId).toMatch(/^\d+$/);
    expect(res.customerId).toBe(String(Number(res.accountId) + 1));
    expect(JSON.parse(mock.hits('homing.zgtLogin')[0].body)).toEqual({ token: 'zgt-abc' });
  });

  it('turns an error answer into a HomingApiError with the code and message', async () => {
    const error = await rejection(client().loginBySmsCode({ mobile: MOBILE, mobileCode: '000000' }));
    expect(error).toMatchObject({ kind: 'rejected', code: 400, message: '验证码错误' });
  });

  it('reports a rejected logout token as unauthorized', async () => {
    stored = 'not-a-token';
    const error = await rejection(client().logout());
    expect(error).toMatchObject({ kind: 'unauthorized', code: 401, message: '未登录或登录已过期' });
  });

  it('carries the captcha the server asks for after a wrong password', async () => {
    mock.homing.addUser(MOBILE, PASSWD);
    const error = await rejection(client().login({ mobile: MOBILE, passwd: 'wrong' }));
    expect(error).toMatchObject({ kind: 'rejected', code: 400, message: '密码错误，请输入图形验证码' });
    expect(captchaDataUrl(error.captcha)).toMatch(/^data:image\/png;base64,/);
  });
});

describe('every request', () => {
  it('is a JSON POST to the documented path with the locale header and cookies', async () => {
    const seen: RequestInit[] = [];
    const realFetch = globalThis.fetch;
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init: RequestInit) => (seen.push(init), realFetch(input, init)));
    stored = 'any';
    mock.homing.zgtTokens.add('z');
    const homing = client();
    const calls = [
      homing.getSmsCode({ mobile: MOBILE }),
      homing.loginBySmsCode({ mobile: MOBILE, mobileCode: '1' }),
      homing.login({ mobile: MOBILE, passwd: 'x', imgCode: 'ab12', extra: 'dropped' } as never),
      homing.logout(),
      homing.refreshImageCode(),
      homing.getSmsCodeForForgotPassword({ mobile: MOBILE }),
      homing.resetPasswordWithSmsCode({ mobile: MOBILE, mobileCode: '1', passwd: 'y' }),
      homing.zgt.login(undefined, 'z'),
    ];
    await Promise.allSettled(calls);
    expect(mock.requests.map((request) => request.path).sort()).toEqual(Object.values(HOMING_PATHS).sort());
    for (const request of mock.requests) {
      expect(request).toMatchObject({ method: 'POST', headers: { locale: 'zh_CN', 'content-type': 'application/json' } });
      expect(() => JSON.parse(request.body)).not.toThrow();
    }
    expect(JSON.parse(mock.hits('homing.login')[0].body)).toEqual({ mobile: MOBILE, passwd: 'x', imgCode: 'ab12' });
    expect(seen.every((init) => init.credentials === 'include')).toBe(true);
  });
});

describe('the captcha session', () => {
  beforeEach(() => {
    keepCookies();
    mock.homing.addUser(MOBILE, PASSWD);
  });

  it.each([false, true])('logs in with the captcha answer after a wrong password (data prefix: %s)', async (prefix) => {
    mock.homing.captchaDataPrefix = prefix;
    const first = await rejection(client().login({ mobile: MOBILE, passwd: 'wrong' }));
    expect(first.captcha?.startsWith('data:image/png;base64,')).toBe(prefix);
    // The right password alone is not enough any more: the session now wants the captcha.
    const second = await rejection(client().login({ mobile: MOBILE, passwd: PASSWD }));
    expect(second).toMatchObject({ message: '图形验证码错误', captcha: expect.any(String) });
    const res = await client().login({ mobile: MOBILE, passwd: PASSWD, imgCode: mock.homing.captchaText() });
    expect(mock.homing.validTokens()).toEqual([res.token]);
  });

  it('accepts the answer to a refreshed captcha', async () => {
    await rejection(client().login({ mobile: MOBILE, passwd: 'wrong' }));
    const { valiCodeImg } = await client().refreshImageCode();
    expect(captchaDataUrl(valiCodeImg)).toBeDefined();
    await expect(client().login({ mobile: MOBILE, passwd: PASSWD, imgCode: mock.homing.captchaText() })).resolves.toMatchObject({ expireIn: 7200 });
  });

  it.each(['svg', 'javascript', 'html'] as const)('passes on a hostile %s captcha that the page must refuse to show', async (mode) => {
    mock.homing.captchaMode = mode;
    const error = await rejection(client().login({ mobile: MOBILE, passwd: 'wrong' }));
    expect(error.captcha).toBeTruthy();
    expect(captchaDataUrl(error.captcha)).toBeUndefined();
  });
});

describe('expireIn', () => {
  it.each([true, false])('is a number of seconds whether the server sends strings (%s) or numbers', async (asString) => {
    mock.homing.expireInAsString = asString;
    mock.homing.zgtTokens.add('z');
    await expect(client().getSmsCode({ mobile: MOBILE })).resolves.toEqual({ expireIn: 300 });
    await expect(client().loginBySmsCode({ mobile: MOBILE, mobileCode: mock.homing.lastCode(MOBILE)! })).resolves.toMatchObject({ expireIn: 7200 });
    await expect(client().refreshImageCode()).resolves.toMatchObject({ expireIn: 120 });
    await expect(client().zgt.login(null, 'z')).resolves.toMatchObject({ expireIn: 7200 });
  });

  it.each([['"soon"'], ['null'], ['-5'], ['{}']])('is undefined when the server sends %s', async (value) => {
    answer(`{"code":0,"data":{"expireIn":${value}}}`);
    await expect(client().getSmsCode({ mobile: MOBILE })).resolves.toEqual({ expireIn: undefined });
  });
});

describe('faults and odd answers', () => {
  it.each<[FaultKind, string, string]>([
    ['html502', 'server', '服务器暂时不可用 (HTTP 502)'],
  ])('passes a %s on as a plain transient ApiError', async (kind, expectedKind, message) => {
    mock.inject({ route: 'homing.login', kind });
    const error = await client().login({ mobile: MOBILE, passwd: PASSWD }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).not.toBeInstanceOf(HomingApiError);
    expect(error).toMatchObject({ kind: expectedKind, transient: true });
    expect(zh((error as ApiError).text)).toBe(message);
  });

  it.each<[FaultKind, string]>([
    ['status500', '系统繁忙，请稍后再试'],
    ['status429', '请求过于频繁，请稍后再试'],
  ])('reads the envelope of a %s: the server\'s message, still a transient failure', async (kind, message) => {
    mock.inject({ route: 'homing.login', kind });
    const error = await client().login({ mobile: MOBILE, passwd: PASSWD }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(HomingApiError);
    expect(error).toMatchObject({ kind: 'server', message, transient: true });
  });

  it.each<[FaultKind, string]>([
    ['malformed', 'malformed'],
    ['status401', 'unauthorized'],
    ['body401', 'unauthorized'],
  ])('turns a %s answer into a HomingApiError of kind %s', async (kind, expectedKind) => {
    mock.inject({ route: 'homing.loginBySmsCode', kind });
    const error = await rejection(client().loginBySmsCode({ mobile: MOBILE, mobileCode: '1' }));
    expect(error.kind).toBe(expectedKind);
  });

  it.each([
    ['a code as a string', '{"code":"200","data":{"token":"t","userCode":"u"}}', { token: 't', userCode: 'u' }],
    ['a success envelope without data', '{"success":true}', undefined],
    ['a bare null', 'null', undefined],
  ])('accepts %s', async (_label, body, expected) => {
    answer(body);
    if (expected) await expect(client().login({ mobile: MOBILE, passwd: 'x' })).resolves.toMatchObject(expected);
    else await expect(client().resetPasswordWithSmsCode({ mobile: MOBILE, mobileCode: '1', passwd: 'y' })).resolves.toBeUndefined();
  });

  it.each([
    ['an error code without a message', '{"code":5001,"data":null}', 200, { kind: 'rejected', code: 5001, text: { key: 'error.codeFailed', params: { code: '5001' } } }],
    ['success:false', '{"success":false,"message":"账号已停用"}', 200, { kind: 'rejected', message: '账号已停用' }],
    ['a 4xx bare body', '{"error":"Bad Request"}', 400, { kind: 'rejected', status: 400, text: { key: 'error.httpFailed', params: { status: 400 } } }],
    ['a 401 without a body envelope', '{}', 401, { kind: 'unauthorized', status: 401 }],
    ['data that fails the schema', '{"code":0,"data":{"userCode":"u"}}', 200, { kind: 'malformed' }],
    ['a body that fits no envelope', '[1,2]', 200, { kind: 'malformed' }],
    ['a captcha instead of a token', '{"code":0,"data":{"valiCodeImg":"abc"}}', 200, { kind: 'rejected', captcha: 'abc' }],
    ['a captcha on the error body itself', '{"code":400,"msg":"需要验证码","valiCodeImg":"abc"}', 200, { message: '需要验证码', captcha: 'abc' }],
  ])('refuses %s', async (_label, body, status, expected) => {
    answer(body, status);
    expect(await rejection(client().login({ mobile: MOBILE, passwd: 'x' }))).toMatchObject(expected);
  });

  it('keeps ids beyond the safe integer range exact', async () => {
    const big = '12345678901234567890';
    answer(`{"code":0,"data":{"token":"t","accountId":${big},"accountCode":"a","expireIn":"60","loginStatus":"need_add_info","customerId":"${big}","customerCode":"c","tenantCode":"t","nickname":null}}`);
    await expect(client().zgt.login({}, 'z')).resolves.toMatchObject({ accountId: big, customerId: big, expireIn: 60, nickname: null });
  });

  it('refuses an SMS code asked again within the interval', async () => {
    await client().getSmsCode({ mobile: MOBILE });
    expect(await rejection(client().getSmsCode({ mobile: MOBILE }))).toMatchObject({ code: 429, message: '发送过于频繁，请稍后再试' });
  });
});

describe('calls refused before any request', () => {
  it.each([
    ['zgt login without a token', () => client().zgt.login({}), ZGT_TOKEN_REQUIRED],
    ['zgt login with a blank token', () => client().zgt.login({}, '  '), ZGT_TOKEN_REQUIRED],
    ['logout without a stored token', () => client().logout(), { key: 'error.notLoggedIn' }],
    ['any call without a base URL', () => createHomingClient(' ').refreshImageCode(), NO_BASE_URL],
  ])('%s', async (_label, call, message) => {
    const fetchSpy = vi.fn(globalThis.fetch);
    vi.stubGlobal('fetch', fetchSpy);
    expect((await rejection(call())).text).toEqual(message);
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(mock.requests).toEqual([]);
  });
});
