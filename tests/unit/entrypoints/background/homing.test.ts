// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleCommand } from '@/entrypoints/background/handlers';
import { expireHomingSessions, homingExpiresAt } from '@/entrypoints/background/homing';
import { readAccounts, readSecrets, settingsItem } from '@/utils/extension/storage';
import { keepCookies, useMockApi } from '../../support';
import { zh } from '../../../words';
import type { Text } from '@/utils/i18n/keys';

const api = useMockApi();
const mobile = '13800138000';
afterEach(() => vi.unstubAllGlobals());

describe('Homing in the worker', () => {
  it('asks for a captcha after a wrong password, then logs in with the right one', async () => {
    keepCookies();
    api().homing.addUser(mobile, 'abc12345');
    const wrong = await handleCommand({ type: 'homing.login', mobile, passwd: 'nope' });
    expect(wrong).toMatchObject({ ok: false, captcha: expect.any(String) });
    expect(zh((wrong as { error: Text }).error)).toMatch(/[\u4e00-\u9fff]/);
    const refreshed = await handleCommand({ type: 'homing.refreshImageCode' });
    expect(refreshed).toMatchObject({ ok: true, data: { captcha: expect.any(String) } });
    const right = await handleCommand({ type: 'homing.login', mobile, passwd: 'abc12345', imgCode: api().homing.captchaText()! });
    expect(right).toEqual({ ok: true, data: { key: `homing:${mobile}` } });
    expect(await readAccounts()).toMatchObject([{ provider: 'homing', mobile, via: 'password', session: 'active' }]);
    expect((await readAccounts())[0]).toHaveProperty('userCode');
  });

  it('logs out at the server and deletes the local session', async () => {
    await handleCommand({ type: 'homing.getSmsCode', mobile });
    await handleCommand({ type: 'homing.loginBySmsCode', mobile, mobileCode: api().homing.lastCode(mobile)! });
    const token = ((await readSecrets())[`homing:${mobile}`] as { token: string }).token;
    expect(await handleCommand({ type: 'homing.logout', key: `homing:${mobile}` })).toEqual({ ok: true, data: { serverLoggedOut: true } });
    expect(api().hits('homing.logout')[0].headers.authorization).toBe(`Bearer ${token}`);
    expect(api().homing.validTokens()).not.toContain(token);
    expect(await readAccounts()).toEqual([]);
    expect(await readSecrets()).toEqual({});
  });

  it('logs out at the server that issued the token, even after the base URL setting changed', async () => {
    await handleCommand({ type: 'homing.getSmsCode', mobile });
    await handleCommand({ type: 'homing.loginBySmsCode', mobile, mobileCode: api().homing.lastCode(mobile)! });
    await settingsItem.setValue({ ...(await settingsItem.getValue()), homingBaseUrl: 'http://127.0.0.1:9' });
    expect(await handleCommand({ type: 'homing.logout', key: `homing:${mobile}` })).toEqual({ ok: true, data: { serverLoggedOut: true } });
  });

  it('deletes the local session even when the server logout fails, and says so', async () => {
    await handleCommand({ type: 'homing.getSmsCode', mobile });
    await handleCommand({ type: 'homing.loginBySmsCode', mobile, mobileCode: api().homing.lastCode(mobile)! });
    api().inject({ route: 'homing.logout', kind: 'html502' });
    expect(await handleCommand({ type: 'homing.logout', key: `homing:${mobile}` })).toEqual({ ok: true, data: { serverLoggedOut: false } });
    expect(await readSecrets()).toEqual({});
  });

  it('resets a password with the forgot-password code, then logs in with it', async () => {
    api().homing.addUser(mobile, 'old12345');
    await handleCommand({ type: 'homing.forgotGetSmsCode', mobile });
    const weak = await handleCommand({ type: 'homing.resetPassword', mobile, mobileCode: api().homing.lastCode(mobile, 'forgot')!, passwd: 'short' });
    expect(weak).toMatchObject({ ok: false });
    expect(zh((weak as { error: Text }).error)).toMatch(/8 位/);
    const reset = await handleCommand({ type: 'homing.resetPassword', mobile, mobileCode: api().homing.lastCode(mobile, 'forgot')!, passwd: 'new12345' });
    expect(reset).toEqual({ ok: true, data: { reset: true } });
    expect(await handleCommand({ type: 'homing.login', mobile, passwd: 'new12345' })).toMatchObject({ ok: true });
  });

  it('logs in with a 智桂通 token, and refuses an invalid one with the server message', async () => {
    api().homing.zgtTokens.add('zgt-token-1');
    expect(await handleCommand({ type: 'homing.zgtLogin', token: 'bad' })).toMatchObject({ ok: false });
    const ok = await handleCommand({ type: 'homing.zgtLogin', token: 'zgt-token-1' });
    expect(ok).toMatchObject({ ok: true, data: { key: expect.stringMatching(/^homing:/) } });
    expect(await readAccounts()).toMatchObject([{ via: 'zgt', session: 'active' }]);
  });

  it.each(['fail', 'scanning', 'need_add_info'])('lists no account when 智桂通 answers loginStatus %s, and says why', async (status) => {
    api().homing.zgtTokens.add('zgt-token-1');
    api().homing.zgtLoginStatus = status;
    expect(zh(((await handleCommand({ type: 'homing.zgtLogin', token: 'zgt-token-1' })) as { error: Text }).error)).toMatch(/智桂通/);
    expect(await readAccounts()).toEqual([]);
    expect(await readSecrets()).toEqual({});
  });

  it('passes on the rate limit of SMS codes as a message', async () => {
    await handleCommand({ type: 'homing.getSmsCode', mobile });
    expect(zh(((await handleCommand({ type: 'homing.getSmsCode', mobile })) as { error: Text }).error)).toMatch(/频繁/);
  });

  it.each([
    ['a duration in seconds', 7200, 1_800_000_000_000 + 7_200_000],
    ['an epoch time in seconds', 1_800_003_600, 1_800_003_600_000],
    ['an epoch time in milliseconds', 1_800_003_600_000, 1_800_003_600_000],
    ['nothing', undefined, undefined],
  ])('reads expireIn given as %s', (_name, expireIn, expected) => {
    expect(homingExpiresAt(expireIn, 1_800_000_000_000)).toBe(expected);
  });

  it('marks an expired session once, with one notification', async () => {
    await handleCommand({ type: 'homing.getSmsCode', mobile });
    await handleCommand({ type: 'homing.loginBySmsCode', mobile, mobileCode: api().homing.lastCode(mobile)! });
    const [account] = await readAccounts();
    const expiresAt = (account as { expiresAt: number }).expiresAt;
    expect(expiresAt).toBeGreaterThan(Date.now());
    await expireHomingSessions(expiresAt - 1);
    expect((await readAccounts())[0]).toMatchObject({ session: 'active' });
    await expireHomingSessions(expiresAt);
    await expireHomingSessions(expiresAt + 60_000);
    expect((await readAccounts())[0]).toMatchObject({ session: 'expired' });
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([`expired:homing:${mobile}`]);
  });
});
