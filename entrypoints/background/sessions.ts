import { ApiError } from '@/utils/api/http';
import { singleFlight } from '@/utils/single-flight';
import { bearer, createTimesClient, type TimesClient } from '@/utils/api/times';
import { maskPhone } from '@/utils/mask';
import { needsRefresh, refreshRetryDelayMs, sessionFromGrant } from '@/utils/session';
import {
  readAccounts,
  readSecrets,
  updateAccounts,
  updateSecrets,
  type TimesAccount,
  type TimesSecret,
} from '@/utils/storage';
import { notifyOnce } from './notify';

// Times sessions: refresh ahead of expiry and on a rejected token, one refresh at a time per account.

/** The session can't be used any more: only a new SMS login helps. */
export const RELOGIN_MESSAGE = '登录已失效，请重新登录';

async function timesSecret(key: string): Promise<TimesSecret> {
  const secret = (await readSecrets())[key];
  if (secret?.provider !== 'times') throw new ApiError('unauthorized', RELOGIN_MESSAGE);
  return secret;
}

// One refresh in flight per account, whoever asks (alarm, popup, startup): refresh tokens rotate, and
// sending a spent one twice may make the server revoke the whole session.
const oneRefreshPerAccount = singleFlight<TimesSecret>();

/**
 * Refreshes a Times session. With `staleToken`, a caller whose request was rejected says which token
 * failed: if the stored token is already another one, somebody refreshed meanwhile and that is used.
 */
export function refreshTimesSession(key: string, staleToken?: string): Promise<TimesSecret> {
  return oneRefreshPerAccount(key, async () => {
    const current = await timesSecret(key);
    if (staleToken !== undefined && current.token !== staleToken) return current;
    return refreshNow(key, current);
  });
}

/** Applies a change to the stored session only while it is still the one `current` was read from. */
const updateIfCurrent = (key: string, current: TimesSecret, change: (stored: TimesSecret) => TimesSecret) =>
  updateSecrets((secrets) => {
    const stored = secrets[key];
    // Removed meanwhile (the account was deleted) or replaced (a new login): leave it alone.
    if (stored?.provider !== 'times' || stored.refreshToken !== current.refreshToken) return secrets;
    return { ...secrets, [key]: change(stored) };
  });

async function refreshNow(key: string, current: TimesSecret): Promise<TimesSecret> {
  const now = Date.now();
  try {
    // The grant goes to the server that issued the refresh token, whatever the settings say now.
    const grant = await createTimesClient(current.baseUrl).refreshToken(current.refreshToken);
    const next = sessionFromGrant(grant, Date.now(), current.baseUrl);
    // Persist the rotated pair before anyone uses it: the old refresh token is spent now.
    await updateIfCurrent(key, current, () => next);
    return next;
  } catch (error) {
    if (isRefreshRejected(error)) {
      await markRelogin(key, current);
      throw new ApiError('unauthorized', RELOGIN_MESSAGE, error instanceof ApiError ? error.status : undefined);
    }
    // A passing failure (network, timeout, 5xx, 429, malformed): keep the tokens, try again later.
    const failures = (current.refreshFailures ?? 0) + 1;
    await updateIfCurrent(key, current, (stored) => ({ ...stored, refreshFailures: failures, refreshRetryAt: now + refreshRetryDelayMs(failures) }));
    throw error;
  }
}

/** Only an explicit answer about the refresh token ends a session; anything passing keeps it. */
function isRefreshRejected(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  if (error.kind === 'unauthorized') return true;
  if (error.kind !== 'rejected') return false;
  return [400, 401, 403].includes(error.status ?? 0) || [400, 401, 403].includes(Number(error.code));
}

async function markRelogin(key: string, current: TimesSecret): Promise<void> {
  // Only the session that was refused: a new login (or a removal) meanwhile is left alone.
  const stored = (await readSecrets())[key];
  if (stored?.provider !== 'times' || stored.refreshToken !== current.refreshToken) return;
  let phone = '';
  await updateAccounts((accounts) =>
    accounts.map((account) => {
      if (account.key !== key || account.provider !== 'times') return account;
      phone = account.phone;
      return { ...account, session: 'relogin' };
    }),
  );
  if (phone) await notifyOnce(`relogin:${key}`, '邻里签到：需要重新登录', `账号 ${maskPhone(phone)} 的登录已失效，请在扩展中重新登录。`);
}

/**
 * Runs an authenticated Times call against the server that issued the session: refreshes first when
 * the session is due for it, and on a rejected token refreshes once and replays the call once. A
 * second rejection is final for this call.
 */
export async function withTimesSession<T>(key: string, call: (authorization: string, client: TimesClient) => Promise<T>): Promise<T> {
  let secret = await timesSecret(key);
  if (needsRefresh(secret, Date.now())) {
    try {
      secret = await refreshTimesSession(key);
    } catch (error) {
      // Only a refused refresh token ends the session; after anything else (a passing failure, a busy
      // server's error code) the current token, refreshed ahead of its expiry, is still worth a try.
      if (error instanceof ApiError && error.kind === 'unauthorized') throw error;
    }
  }
  try {
    return await call(bearer(secret.token, secret.tokenHead), createTimesClient(secret.baseUrl));
  } catch (error) {
    if (!(error instanceof ApiError && error.kind === 'unauthorized')) throw error;
    const fresh = await refreshTimesSession(key, secret.token);
    return await call(bearer(fresh.token, fresh.tokenHead), createTimesClient(fresh.baseUrl));
  }
}

/** Refreshes every active Times session that is due for it (called by the alarm and at start). */
export async function refreshDueSessions(now: number): Promise<void> {
  const [accounts, secrets] = await Promise.all([readAccounts(), readSecrets()]);
  const due = accounts.filter(
    (account): account is TimesAccount =>
      account.provider === 'times' &&
      account.session === 'active' &&
      secrets[account.key]?.provider === 'times' &&
      needsRefresh(secrets[account.key] as TimesSecret, now),
  );
  // With the token read above: if another caller rotated it meanwhile, that session is used as it is.
  await Promise.allSettled(due.map((account) => refreshTimesSession(account.key, (secrets[account.key] as TimesSecret).token)));
}
