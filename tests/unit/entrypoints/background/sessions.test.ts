// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { engine, engineInternals } from '@/entrypoints/background/engine';
import { createTimesClient } from '@/utils/api/times';
import { readAccounts, readSecrets, settingsItem, updateSecrets } from '@/utils/extension/storage';
import type { FaultKind } from '../../../mock-api/server';
import { holdAnswers, loginTimes, storedTimesSecret, useMockApi } from '../../support';

const api = useMockApi();
const { refreshDueSessions, refreshTimesSession, withTimesSession } = engineInternals.sessions;
const { removeAccount } = engine;
const phone = '13412341234';
const memberDetail = (key: string) => withTimesSession(key, (auth) => createTimesClient(api().url).memberDetail(auth, phone));

describe('Times sessions', () => {
  it('refreshes once when many calls race on an expired token, and all of them succeed', async () => {
    const key = await loginTimes(api());
    api().times.expireAccessTokens();
    const results = await Promise.all(Array.from({ length: 8 }, () => memberDetail(key)));
    expect(results.every((member) => member.memberId === api().times.memberId(phone))).toBe(true);
    expect(api().hits('times.refresh')).toHaveLength(1);
    expect(api().times.revokedFamilies).toBe(0);
  });

  it('refreshes once when the alarm, the popup and startup all ask at the same moment', async () => {
    const key = await loginTimes(api());
    await Promise.all([refreshTimesSession(key), refreshTimesSession(key), refreshDueSessions(Date.now() + 7 * 3600_000)]);
    expect(api().hits('times.refresh')).toHaveLength(1);
  });

  it('persists the rotated pair before it is used', async () => {
    const key = await loginTimes(api());
    const before = await storedTimesSecret(key);
    const returned = await refreshTimesSession(key);
    const after = await storedTimesSecret(key);
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(after).toEqual(returned);
  });

  it('uses a token somebody else refreshed meanwhile instead of refreshing again', async () => {
    const key = await loginTimes(api());
    const stale = (await storedTimesSecret(key)).token;
    await refreshTimesSession(key);
    await refreshTimesSession(key, stale);
    expect(api().hits('times.refresh')).toHaveLength(1);
  });

  it('refreshes ahead of expiry, when less than a quarter of the lifetime is left', async () => {
    const key = await loginTimes(api());
    await refreshDueSessions(Date.now() + 5 * 3600_000);
    expect(api().hits('times.refresh')).toHaveLength(0);
    await updateSecrets((secrets) => ({ ...secrets, [key]: { ...secrets[key], obtainedAt: Date.now() - 7 * 3600_000, expiresAt: Date.now() + 3600_000 } as never }));
    await memberDetail(key);
    expect(api().hits('times.refresh')).toHaveLength(1);
  });

  it('treats a second rejection after a refresh as final for that call', async () => {
    api().times.rejectStyle = 'body';
    const key = await loginTimes(api());
    const loginHits = api().hits('times.member').length;
    api().inject({ route: 'times.member', kind: 'body401', times: 2 });
    await expect(memberDetail(key)).rejects.toMatchObject({ kind: 'unauthorized' });
    expect(api().hits('times.refresh')).toHaveLength(1);
    expect(api().hits('times.member')).toHaveLength(loginHits + 2);
    expect((await readAccounts())[0]).toMatchObject({ session: 'active' });
  });

  it.each<FaultKind>(['html502', 'malformed', 'status500', 'status429'])(
    'keeps the tokens and the session when the refresh meets %s, and backs off',
    async (kind) => {
      const key = await loginTimes(api());
      const before = await storedTimesSecret(key);
      api().inject({ route: 'times.refresh', kind });
      await expect(refreshTimesSession(key)).rejects.toMatchObject({ transient: true });
      const after = await storedTimesSecret(key);
      expect(after).toMatchObject({ token: before.token, refreshToken: before.refreshToken, refreshFailures: 1 });
      expect(after.refreshRetryAt).toBeGreaterThan(Date.now());
      expect((await readAccounts())[0]).toMatchObject({ session: 'active' });
    },
  );

  it('keeps the tokens when the network is down', async () => {
    const key = await loginTimes(api());
    const before = await storedTimesSecret(key);
    // The server that issued the session is gone (nothing listens on port 9).
    await updateSecrets((secrets) => ({ ...secrets, [key]: { ...before, baseUrl: 'http://127.0.0.1:9' } }));
    await expect(refreshTimesSession(key)).rejects.toMatchObject({ kind: 'network' });
    expect(await storedTimesSecret(key)).toMatchObject({ token: before.token, refreshToken: before.refreshToken });
    expect((await readAccounts())[0]).toMatchObject({ session: 'active' });
  });

  it('keeps the tokens when the refresh hangs until the 15 s timeout', async () => {
    const key = await loginTimes(api());
    const before = await storedTimesSecret(key);
    api().inject({ route: 'times.refresh', kind: 'hang' });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const outcome = refreshTimesSession(key).catch((error: unknown) => error);
      await vi.waitFor(() => expect(api().hits('times.refresh')).toHaveLength(1));
      await vi.advanceTimersByTimeAsync(14_900);
      expect(await Promise.race([outcome, 'still waiting'])).toBe('still waiting');
      await vi.advanceTimersByTimeAsync(100);
      expect(await outcome).toMatchObject({ kind: 'timeout', text: { key: 'error.timeout' } });
    } finally {
      vi.useRealTimers();
    }
    expect(await storedTimesSecret(key)).toMatchObject({ token: before.token, refreshToken: before.refreshToken, refreshFailures: 1 });
    expect((await readAccounts())[0]).toMatchObject({ session: 'active' });
  });

  it('refreshes at the server that issued the session even after the base URL setting changed', async () => {
    const key = await loginTimes(api());
    await settingsItem.setValue({ ...(await settingsItem.getValue()), timesBaseUrl: 'http://127.0.0.1:9' });
    await refreshTimesSession(key);
    expect(api().hits('times.refresh')).toHaveLength(1);
  });

  it('does not bring back the tokens of an account removed while its refresh was on its way', async () => {
    const key = await loginTimes(api());
    const release = holdAnswers(() => true); // the answer "arrives" only after the account is gone
    try {
      const refreshing = refreshTimesSession(key);
      await vi.waitFor(() => expect(api().hits('times.refresh')).toHaveLength(1));
      await removeAccount(key);
      release();
      await refreshing;
    } finally {
      vi.unstubAllGlobals();
    }
    expect(await readSecrets()).toEqual({});
  });

  it.each([
    ['an HTML 403 page from a gateway', '<html>403</html>', 403, 'text/html', 'active'],
    ['an OAuth invalid_grant answer (JSON 400)', '{"error":"invalid_grant"}', 400, 'application/json', 'relogin'],
    ['an envelope with code 401', '{"code":401,"data":null,"message":"refresh token 已失效"}', 200, 'application/json', 'relogin'],
  ])('after %s the session is %s', async (_name, body, status, type, session) => {
    const key = await loginTimes(api());
    const realFetch = globalThis.fetch;
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
      String(input).endsWith('/times/auth/oauth/token') ? Promise.resolve(new Response(body, { status, headers: { 'Content-Type': type } })) : realFetch(input, init),
    );
    try {
      await expect(refreshTimesSession(key)).rejects.toBeDefined();
    } finally {
      vi.unstubAllGlobals();
    }
    expect((await readAccounts())[0]).toMatchObject({ session });
    expect(await readSecrets()).toHaveProperty(key);
  });

  it('leaves a new login alone when the refresh of the session it replaced is refused', async () => {
    const key = await loginTimes(api());
    const old = await storedTimesSecret(key);
    await createTimesClient(api().url).refreshToken(old.refreshToken); // spent behind our back: the next use is refused
    const release = holdAnswers((url) => url.endsWith('/times/auth/oauth/token'));
    try {
      const refused = refreshTimesSession(key).catch((error: unknown) => error);
      await vi.waitFor(() => expect(api().hits('times.refresh')).toHaveLength(2));
      await loginTimes(api()); // the resident logs in again meanwhile
      release();
      expect(await refused).toMatchObject({ kind: 'unauthorized' });
    } finally {
      vi.unstubAllGlobals();
    }
    expect((await readAccounts())[0]).toMatchObject({ session: 'active' });
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });

  it('still uses the current token when a refresh ahead of expiry gets a busy server\'s error code', async () => {
    const key = await loginTimes(api());
    await updateSecrets((secrets) => ({ ...secrets, [key]: { ...secrets[key], obtainedAt: Date.now() - 7 * 3600_000, expiresAt: Date.now() + 3600_000 } as never }));
    const realFetch = globalThis.fetch;
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
      String(input).endsWith('/times/auth/oauth/token')
        ? Promise.resolve(new Response('{"code":500,"data":null,"message":"系统繁忙"}', { status: 200, headers: { 'Content-Type': 'application/json' } }))
        : realFetch(input, init),
    );
    try {
      expect((await memberDetail(key)).memberId).toBe(api().times.memberId(phone));
    } finally {
      vi.unstubAllGlobals();
    }
    expect((await readAccounts())[0]).toMatchObject({ session: 'active' });
  });

  it('moves the account to relogin with one notification when the server rejects the refresh token', async () => {
    const key = await loginTimes(api());
    const secret = await storedTimesSecret(key);
    // Spend the refresh token behind the extension's back: the next use is a reuse and revokes the session.
    await createTimesClient(api().url).refreshToken(secret.refreshToken);
    await expect(refreshTimesSession(key)).rejects.toMatchObject({ kind: 'unauthorized', text: { key: 'error.unauthorized' } });
    await expect(refreshTimesSession(key)).rejects.toMatchObject({ kind: 'unauthorized' });
    expect((await readAccounts())[0]).toMatchObject({ session: 'relogin' });
    expect(await storedTimesSecret(key)).toMatchObject({ refreshToken: secret.refreshToken });
    const shown = await fakeBrowser.notifications.getAll();
    expect(Object.keys(shown)).toEqual([`relogin:${key}`]);
  });
});
