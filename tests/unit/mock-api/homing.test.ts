// @vitest-environment node
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MockEvent } from '../../mock-api/events';
import { crc32 } from '../../mock-api/png';
import { startMockApi, type MockApi } from '../../mock-api/server';
import { mockClient, pick } from '../../mock-api/test-client';

// The mock Homing API, driven over real HTTP (Node's fetch), the way the extension will call it.

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

const { call } = mockClient(() => api);

describe('Homing mock', () => {
  const smsLogin = async () => {
    await call(`${H}/login/get-mobile-code`, { json: { mobile: PHONE } });
    return call(`${H}/login/mobile/switch`, { json: { mobile: PHONE, mobileCode: api.homing.lastCode(PHONE) } });
  };
  const expectations = {
    code0: [{ code: 0, msg: 'ok', data: { userCode: expect.any(String) } }, 200, { code: 400, msg: '验证码错误' }],
    code200: [{ code: 200, message: 'success', data: { userCode: expect.any(String) } }, 200, { code: 400, message: '验证码错误' }],
    success: [{ success: true, data: { userCode: expect.any(String) } }, 200, { success: false, code: 400, message: '验证码错误' }],
    bare: [{ token: expect.any(String), userCode: expect.any(String), expireIn: '7200' }, 400, { code: 400, message: '验证码错误' }],
  } as const;
  it.each(Object.entries(expectations))('wraps answers in the %s envelope', async (style, [success, errorStatus, error]) => {
    api.homing.envelope = style as keyof typeof expectations;
    expect((await smsLogin()).body).toMatchObject(success);
    const wrong = await call(`${H}/login/mobile/switch`, { json: { mobile: PHONE, mobileCode: '000000' } });
    expect([wrong.status, wrong.body]).toEqual([errorStatus, expect.objectContaining(error)]);
    expect(api.homing.validTokens()).toHaveLength(1);
  });

  it('types expireIn as the doc does unless expireInAsString says otherwise', async () => {
    expect((await call(`${H}/login/get-mobile-code`, { json: { mobile: PHONE } })).body).toMatchObject({ data: { expireIn: 300 } });
    api.homing.expireInAsString = true;
    expect((await call(`${H}/login/refresh-vali-code`)).body).toMatchObject({ data: { expireIn: '120' } });
    api.homing.expireInAsString = false;
    api.homing.smsIntervalSeconds = 0;
    expect((await smsLogin()).body).toMatchObject({ data: { expireIn: 7200 } });
  });

  it('asks for a captcha in the session of a failed password login, as a real PNG, accepted in any case', async () => {
    api.homing.addUser(PHONE, 'right');
    const failed = await call(H + '/login', { json: { mobile: PHONE, passwd: 'wrong' } });
    const cookie = (failed.headers.get('set-cookie') ?? '').split(';')[0];
    expect(failed.headers.get('set-cookie')).toMatch(/^HSESSION=\w+; Path=\/; HttpOnly; SameSite=Lax$/);
    expect(failed.body).toMatchObject({ code: 400, msg: '密码错误，请输入图形验证码', data: { expireIn: '120' } });
    const png = Buffer.from(pick(failed.body, 'data', 'valiCodeImg'), 'base64');
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect([png.toString('latin1', 12, 16), png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual(['IHDR', 60, 24]);
    expect(png.readUInt32BE(29)).toBe(crc32(png.subarray(12, 29)));
    const idatLength = png.readUInt32BE(33);
    expect(inflateSync(png.subarray(41, 41 + idatLength))).toHaveLength(24 * (60 * 3 + 1));
    expect(png.toString('latin1', png.length - 8, png.length - 4)).toBe('IEND');
    const withoutCaptcha = await call(H + '/login', { json: { mobile: PHONE, passwd: 'right' }, headers: { cookie } });
    expect(withoutCaptcha.body).toMatchObject({ msg: '图形验证码错误', data: { valiCodeImg: expect.any(String) } });
    expect(withoutCaptcha.headers.get('set-cookie')).toBeNull();
    expect((await call(H + '/login', { json: { mobile: PHONE, passwd: 'right' } })).body).toMatchObject({ code: 0 }); // another session
    await call(`${H}/login/refresh-vali-code`, { method: 'POST', headers: { cookie } });
    expect(events.at(-1)).toEqual({ type: 'captcha', session: cookie.slice('HSESSION='.length), text: api.homing.captchaText() });
    const text = api.homing.captchaText() ?? '';
    const imgCode = text === text.toUpperCase() ? text.toLowerCase() : text.toUpperCase(); // answers ignore case
    const ok = await call(H + '/login', { json: { mobile: PHONE, passwd: 'right', imgCode }, headers: { cookie } });
    expect(ok.body).toMatchObject({ code: 0, data: { token: expect.any(String), expireIn: '7200' } });
    expect(pick(ok.body, 'data', 'valiCodeImg')).toBe('');
    expect((await call(H + '/login', { json: { mobile: PHONE, passwd: 'right' }, headers: { cookie } })).body).toMatchObject({ code: 0 });
  });

  it.each([
    ['svg', /^data:image\/svg\+xml;base64,/],
    ['javascript', /^javascript:alert\(1\)$/],
    ['html', /^<img src=x onerror=alert\(1\)>$/],
  ] as const)('can send a hostile %s captcha', async (mode, pattern) => {
    api.homing.captchaMode = mode;
    const image = pick((await call(`${H}/login/refresh-vali-code`)).body, 'data', 'valiCodeImg');
    expect(image).toMatch(pattern);
    if (mode === 'svg') expect(Buffer.from(image.split(',')[1], 'base64').toString()).toMatch(/onload=/);
  });

  it('prefixes the PNG captcha with a data URL when asked', async () => {
    api.homing.captchaDataPrefix = true;
    expect(pick((await call(`${H}/login/refresh-vali-code`)).body, 'data', 'valiCodeImg')).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
  });

  it('limits SMS codes per mobile and purpose to one per interval', async () => {
    let now = Date.now();
    api.setNow(() => now);
    const send = (path: string) => call(path, { json: { mobile: PHONE } });
    await send(`${H}/login/get-mobile-code`);
    expect((await send(`${H}/login/get-mobile-code`)).body).toMatchObject({ code: 429, msg: '发送过于频繁，请稍后再试' });
    expect((await send(`${H}/forgot/get-mobile-code`)).body).toEqual({ code: 0, data: null, msg: 'ok' });
    now += 60_000;
    expect((await send(`${H}/login/get-mobile-code`)).body).toMatchObject({ code: 0 });
  });

  it('resets a password with the forgot code (once), then logs in with it and logs out', async () => {
    await call(`${H}/forgot/get-mobile-code`, { json: { mobile: PHONE } });
    const reset = { mobile: PHONE, mobileCode: api.homing.lastCode(PHONE, 'forgot'), passwd: 'n3w' };
    expect((await call(`${H}/forgot/update-passwd`, { json: reset })).body).toMatchObject({ code: 0 });
    expect((await call(`${H}/forgot/update-passwd`, { json: reset })).body).toMatchObject({ code: 400, msg: '验证码错误' });
    expect(api.homing.password(PHONE)).toBe('n3w');
    const token = pick((await call(H + '/login', { json: { mobile: PHONE, passwd: 'n3w' } })).body, 'data', 'token');
    expect(api.homing.validTokens()).toEqual([token]);
    expect((await call(H + '/logout', { method: 'POST', headers: { Authorization: `Bearer ${token}` } })).body).toMatchObject({ code: 0 });
    expect((await call(H + '/logout', { method: 'POST', headers: { Authorization: `Bearer ${token}` } })).body).toMatchObject({ code: 401 });
  });

  it('logs in through zgt only with a known token', async () => {
    api.homing.zgtTokens.add('zgt-ok');
    const ok = await call('/v1/homing/auth/customer/login/zgt/token', { json: { token: 'zgt-ok' } });
    expect(ok.body).toMatchObject({ code: 0, data: { accountId: expect.any(Number), loginStatus: 'success', expireIn: '7200', orgCode: expect.any(String) } });
    expect((await call('/v1/homing/auth/customer/login/zgt/token', { json: { token: 'nope' } })).body).toMatchObject({ msg: '智桂通 token 无效' });
  });
});
