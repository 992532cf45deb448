import { describe, expect, it } from 'vitest';
import { jwtExpiry } from '@/utils/jwt';
import { MIN_LIFETIME_MS, needsRefresh, refreshDueAt, refreshRetryDelayMs, sessionFromGrant } from '@/utils/core/rules/token-refresh';

const base64url = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
const jwt = (claims: object) => `${base64url({ alg: 'RS256', typ: 'JWT' })}.${base64url(claims)}.c2lnbmF0dXJl`;
const now = Date.parse('2026-11-23T00:00:00Z');
const BASE = 'https://m-center-prod-linli.timesgroup.cn';

describe('sessionFromGrant', () => {
  it('takes the JWT exp when it is earlier than expiresIn says (tokens die after ~8 h, not 86399 s)', () => {
    const token = jwt({ exp: now / 1000 + 8 * 3600 });
    const secret = sessionFromGrant({ token, refreshToken: 'r', tokenHead: 'Bearer ', expiresIn: 86399 }, now, BASE);
    expect(secret.expiresAt).toBe(now + 8 * 3600 * 1000);
  });

  it('takes now + expiresIn when the token is not a decodable JWT', () => {
    const secret = sessionFromGrant({ token: 'opaque', refreshToken: 'r', expiresIn: 3600 }, now, BASE);
    expect(secret.expiresAt).toBe(now + 3600 * 1000);
    expect(secret.tokenHead).toBe('Bearer ');
  });

  it('binds the session to the server that issued it', () => {
    expect(sessionFromGrant({ token: 'opaque', refreshToken: 'r', expiresIn: 3600 }, now, BASE).baseUrl).toBe(BASE);
  });

  it.each([
    ['8 h ahead', 8 * 3600],
    ['8 h behind', -8 * 3600],
    ['a day ahead', 86400],
  ])('measures the JWT lifetime by the server clock (exp - iat) when the computer clock is %s', (_name, skew) => {
    const serverNow = now / 1000;
    const token = jwt({ iat: serverNow, exp: serverNow + 8 * 3600 });
    const localNow = now + skew * 1000;
    const secret = sessionFromGrant({ token, refreshToken: 'r', expiresIn: 86399 }, localNow, BASE);
    expect(secret.expiresAt - localNow).toBe(8 * 3600 * 1000);
  });

  it('never makes a session shorter than the minimum, so a wrong clock causes no refresh storm', () => {
    const token = jwt({ exp: now / 1000 + 3600 }); // no iat: exp is read against our clock, 8 h ahead
    const secret = sessionFromGrant({ token, refreshToken: 'r', expiresIn: 86399 }, now + 8 * 3600_000, BASE);
    expect(secret.expiresAt - secret.obtainedAt).toBe(MIN_LIFETIME_MS);
  });

  it('takes expiresIn when it is earlier than the JWT exp', () => {
    const secret = sessionFromGrant({ token: jwt({ exp: now / 1000 + 86400 * 7 }), refreshToken: 'r', expiresIn: 600 }, now, BASE);
    expect(secret.expiresAt).toBe(now + 600_000);
  });
});

describe('refresh timing', () => {
  const secret = sessionFromGrant({ token: jwt({ exp: now / 1000 + 8 * 3600 }), refreshToken: 'r', expiresIn: 86399 }, now, BASE);

  it.each([
    [5 * 3600, false],
    [6 * 3600 - 1, false],
    [6 * 3600, true],
    [9 * 3600, true],
  ])('%i s after login: needs a refresh = %s (a quarter of the lifetime left)', (seconds, expected) => {
    expect(needsRefresh(secret, now + seconds * 1000)).toBe(expected);
  });

  it('waits for the backoff after a refresh failed for a passing reason', () => {
    const retrying = { ...secret, refreshRetryAt: now + 7 * 3600 * 1000, refreshFailures: 1 };
    expect(refreshDueAt(retrying)).toBe(now + 7 * 3600 * 1000);
    expect(needsRefresh(retrying, now + 6.5 * 3600 * 1000)).toBe(false);
  });

  it.each([
    [1, 1],
    [2, 2],
    [3, 4],
    [6, 30],
    [20, 30],
  ])('backs off %i failures by %i minutes', (failures, minutes) => {
    expect(refreshRetryDelayMs(failures)).toBe(minutes * 60_000);
  });
});

describe('jwtExpiry', () => {
  it.each([
    ['a JWT with exp', jwt({ exp: 1_800_000_000 }), 1_800_000_000],
    ['a JWT without exp', jwt({ sub: 'x' }), undefined],
    ['an opaque token', 'abc', undefined],
    ['garbage in the payload', 'a.%%%.c', undefined],
    ['exp that is not a number', jwt({ exp: '1800000000' }), undefined],
  ])('%s', (_name, token, expected) => {
    expect(jwtExpiry(token)).toBe(expected);
  });
});
