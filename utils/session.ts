import { jwtExpiry } from './jwt';
import type { TimesSecret } from './storage-schema';
import type { TimesGrant } from './api/times';

// When a Times session must be refreshed. Pure: the time is an argument.

/**
 * A stored session from a token grant. The expiry is the earlier of the JWT's `exp` and
 * now + `expiresIn`: the service was seen to expire tokens after ~8 h while `expiresIn` says 86399 s.
 */
export function sessionFromGrant(grant: TimesGrant, now: number): TimesSecret {
  const byExpiresIn = now + grant.expiresIn * 1000;
  const exp = jwtExpiry(grant.token);
  const byJwt = exp === undefined ? Infinity : exp * 1000;
  return {
    provider: 'times',
    token: grant.token,
    refreshToken: grant.refreshToken,
    tokenHead: grant.tokenHead || 'Bearer ',
    obtainedAt: now,
    expiresAt: Math.min(byExpiresIn, byJwt),
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
