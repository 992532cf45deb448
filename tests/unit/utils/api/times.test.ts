// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ApiError } from '@/utils/api/http';
import { bearer, createTimesClient, isAlreadySignedError, saysAlreadySigned } from '@/utils/api/times';
import type { FaultKind } from '../../../mock-api/server';
import { useMockApi } from '../../support';
import { zh } from '../../../words';

const api = useMockApi();
const phone = '13412341234';
const client = () => createTimesClient(api().url);

async function login() {
  await client().sendCode(phone);
  return client().loginBySmsCode(phone, api().times.lastCode(phone)!);
}

describe('Times API client', () => {
  it('sends the SMS code request as documented, with the locale header', async () => {
    await client().sendCode(phone);
    const [hit] = api().hits('times.send');
    expect(JSON.parse(hit.body)).toEqual({ phoneNumber: phone, areaCode: '86' });
    expect(hit.headers.locale).toBe('zh_CN');
  });

  it('exchanges the SMS code for a token pair', async () => {
    const grant = await login();
    expect(grant.token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(grant.refreshToken).not.toBe(grant.token);
    expect(grant.expiresIn).toBe(86399);
    expect(JSON.parse(api().hits('times.smsToken')[0].body)).toMatchObject({ grant_type: 'sms_code', client_id: 'mini_charge', username: phone });
  });

  it('keeps the 19-digit member id exact (never through Number)', async () => {
    const grant = await login();
    const member = await client().memberDetail(bearer(grant.token, grant.tokenHead), phone);
    expect(member.memberId).toBe(api().times.memberId(phone));
    expect(member.memberId).toMatch(/^\d{19}$/);
    expect(BigInt(member.memberId) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(member.points).toBe(api().times.points(phone));
  });

  it('checks in on the documented double-slash path with the documented body', async () => {
    const grant = await login();
    const memberId = api().times.memberId(phone);
    const now = Date.parse('2026-11-23T00:19:45Z');
    expect(await client().collect(bearer(grant.token), memberId, now)).toBe(true);
    const [hit] = api().hits('times.collect');
    expect(hit.path).toBe('/times/member-bff/user-behaviour//api-c/v1/user-behaviour/collect');
    expect(JSON.parse(hit.body)).toEqual({
      behaviourId: 10,
      clientCode: 'sys_linlibang',
      createTime: '2026-11-23 08:19:45',
      mapPamater: { sign: '2026-11-23 08:19:45' },
      memberId,
    });
    expect(hit.headers['content-type']).toContain('application/json');
  });

  it('reports a second check-in on the same day as not done (data: false)', async () => {
    const grant = await login();
    const memberId = api().times.memberId(phone);
    expect(await client().collect(bearer(grant.token), memberId, Date.now())).toBe(true);
    expect(await client().collect(bearer(grant.token), memberId, Date.now())).toBe(false);
  });

  it('recognises the "already signed" error style', async () => {
    api().times.alreadyStyle = 'error';
    const grant = await login();
    const memberId = api().times.memberId(phone);
    await client().collect(bearer(grant.token), memberId, Date.now());
    const error = await client().collect(bearer(grant.token), memberId, Date.now()).catch((e: unknown) => e);
    expect(isAlreadySignedError(error)).toBe(true);
  });

  it.each([
    ['a refusal {code:400,"今天已经签到过了"}', 'refused'],
    ['a bare HTTP 409', 'conflict'],
  ] as const)('reads %s to a second check-in as "already signed"', async (_name, style) => {
    api().times.alreadyStyle = style;
    const grant = await login();
    const memberId = api().times.memberId(phone);
    expect(await client().collect(bearer(grant.token), memberId, Date.now())).toBe(true);
    const error = await client().collect(bearer(grant.token), memberId, Date.now()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(isAlreadySignedError(error)).toBe(true);
  });

  it('reads a success without data whose message says signed as "already signed" (false)', async () => {
    api().times.alreadyStyle = 'message-only';
    const grant = await login();
    const memberId = api().times.memberId(phone);
    expect(await client().collect(bearer(grant.token), memberId, Date.now())).toBe(true);
    expect(await client().collect(bearer(grant.token), memberId, Date.now())).toBe(false);
  });

  it.each<[string, boolean]>([
    ['今日已签到', true],
    ['今日已签到，请勿重复签到', true],
    ['今天已经签到过了', true],
    ['您今日已签过', true],
    ['您今天已经签过了', true],
    ['今日已签', true],
    ['请勿重复签到', true],
    ['今日签到已完成', true],
    ['已完成签到', true],
    ['Already signed in today', true],
    ['You have already checked in', true],
    ['今日未签到', false],
    ['尚未签到', false],
    ['签到失败', false],
    ['已过签到时间', false],
    ['合同已签约', false],
    ['系统繁忙，请稍后再试', false],
    ['参数错误', false],
    ['', false],
  ])('reads "%s" as already signed: %s', (message, expected) => {
    expect(saysAlreadySigned(message)).toBe(expected);
  });

  it('posts the refresh grant as form data and gets a rotated pair', async () => {
    const grant = await login();
    const next = await client().refreshToken(grant.refreshToken);
    expect(next.refreshToken).not.toBe(grant.refreshToken);
    const [hit] = api().hits('times.refresh');
    expect(hit.headers['content-type']).toContain('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(hit.body))).toMatchObject({
      grant_type: 'refresh_token',
      client_id: 'app_c',
      client_secret: 'times',
      scope: 'all',
    });
  });

  it.each(['status', 'body'] as const)('treats a rejected access token (%s 401) as unauthorized', async (style) => {
    api().times.rejectStyle = style;
    const grant = await login();
    api().times.expireAccessTokens();
    const error = await client().memberDetail(bearer(grant.token), phone).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: 'unauthorized' });
  });

  it('turns a business error into a rejection carrying the server message', async () => {
    const error = await client().loginBySmsCode(phone, '000000').catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'rejected', message: '验证码错误' });
  });

  it.each<[FaultKind, string, string]>([
    ['html502', 'server', '服务器暂时不可用 (HTTP 502)'],
    // A 5xx or 429 with an envelope: the body is read whatever the status, the failure stays passing.
    ['status500', 'server', '系统繁忙，请稍后再试'],
    ['status429', 'server', '请求过于频繁，请稍后再试'],
    ['malformed', 'malformed', '服务器返回了无法识别的数据，请稍后再试'],
    ['status401', 'unauthorized', '登录已失效，请重新登录'],
    ['body401', 'unauthorized', 'token 已失效'],
  ])('turns a %s answer into a typed %s error with a Chinese message', async (kind, errorKind, message) => {
    api().inject({ route: 'times.send', kind });
    const error = await client().sendCode(phone).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: errorKind });
    expect(zh((error as ApiError).text)).toBe(message);
  });

  it('gives up on a hanging server after the timeout with a Chinese message', async () => {
    api().inject({ route: 'times.send', kind: 'hang' });
    const { requestJson } = await import('@/utils/api/http');
    const error = await requestJson(`${api().url}/times/pub-center/verifycode/api/v1/send`, {
      method: 'POST',
      body: { phoneNumber: phone, areaCode: '86' },
      timeout: 200,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'timeout', text: { key: 'error.timeout' }, host: new URL(api().url).host });
    expect(zh((error as ApiError).text)).toBe('请求超时，请检查网络后重试');
  });

  it('reports an unreachable server as a network error', async () => {
    const error = await createTimesClient('http://127.0.0.1:9').sendCode(phone).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'network', text: { key: 'error.network' }, host: '127.0.0.1:9' });
    expect(zh((error as ApiError).text)).toBe('网络连接失败，请检查网络后重试');
  });
});
