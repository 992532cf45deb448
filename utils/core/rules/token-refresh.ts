import { jwtTimes } from '../../jwt';
import type { TimesSecret } from '../../storage-schema';
import type { TimesGrant } from '../../api/times';

// When a Times session must be refreshed. Pure: the time is an argument.

/** However wrong the computer's clock, a session is not refreshed more often than this. */
export const MIN_LIFETIME_MS = 30 * 60_000;

/**
 * How long a freshly granted token lives: the shorter of `expiresIn` and the JWT's own lifetime (the
 * service was seen to expire tokens after ~8 h while `expiresIn` says 86399 s). The JWT's lifetime is
 * `exp - iat`, both by the server's clock, so a computer clock hours off doesn't shorten it; only
 * without `iat` is `exp` compared with our clock, and then a wrong clock can't make it shorter than
 * MIN_LIFETIME_MS (a token that really dies sooner is refreshed on its first rejection).
 */
export function tokenLifetimeMs(grant: TimesGrant, now: number): number {
  const { exp, iat } = jwtTimes(grant.token);
  let byJwt = Infinity;
  if (exp !== undefined && iat !== undefined && exp > iat) byJwt = (exp - iat) * 1000;
  else if (exp !== undefined) byJwt = Math.max(exp * 1000 - now, MIN_LIFETIME_MS);
  return Math.min(grant.expiresIn * 1000, byJwt);
}

/** A stored session from a token grant, bound to the base URL of the server that issued it. */
export function sessionFromGrant(grant: TimesGrant, now: number, baseUrl: string): TimesSecret {
  return {
    provider: 'times',
    baseUrl,
    token: grant.token,
    refreshToken: grant.refreshToken,
    tokenHead: grant.tokenHead || 'Bearer ',
    obtainedAt: now,
    expiresAt: now + tokenLifetimeMs(grant, now),
  };
}

/** Refresh ahead of expiry, once less than a quarter of the token's lifetime is left. */
export function refreshDueAt(secret: TimesSecret): number {
  const lifetime = Math.max(secret.expiresAt - secret.obtainedAt, 0);
  const ahead = secret.expiresAt - lifetime / 4;
  // After a refresh failed for a passing reason, the backoff decides.
  return secret.refreshRetryAt ?? ahead;
}

export function needsRefresh(secret: TimesSecret, now: number): boolean {
  return now >= refreshDueAt(secret);
}

/** Backoff for refreshes that failed for a passing reason: 1, 2, 4, … minutes, at most 30. */
export function refreshRetryDelayMs(failures: number): number {
  return Math.min(2 ** Math.max(failures - 1, 0), 30) * 60_000;
}
