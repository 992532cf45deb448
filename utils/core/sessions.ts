import { ApiError } from '../api/http';
import { text } from '../i18n/keys';
import { bearer, type TimesClient } from '../api/times';
import { needsRefresh, refreshRetryDelayMs, sessionFromGrant } from './rules/token-refresh';
import { singleFlight } from '../single-flight';
import type { TimesAccount, TimesSecret } from '../storage-schema';
import { updateTimesAccount } from './account-store';
import { notifyOnce } from './notices';
import { displayName } from '../account-name';
import type { Diagnostics } from './diagnostics';
import type { CorePorts } from './ports';

// Times sessions: refresh ahead of expiry and on a rejected token, one refresh at a time per account.

/** The session can't be used any more: only a new SMS login helps. */
export const RELOGIN_MESSAGE = text('error.unauthorized');
/** The account's session lives on an always-on runner now (utils/core/handoff.ts). */
export const HANDED_OFF_MESSAGE = text('error.handedOff');
/** A hand-off bundle of the session is out and not yet confirmed: nobody uses the session meanwhile. */
export const HANDING_OFF_MESSAGE = text('error.handingOff');
/** The rotated pair could not be stored: nothing uses it until it is (utils/core/sessions.ts). */
export const UNSAVED_MESSAGE = text('error.sessionUnsaved');
/** Writes of a rotated pair tried before giving up (the old refresh token is spent once rotated). */
const SAVE_TRIES = 3;

export type Sessions = ReturnType<typeof createSessions>;

export function createSessions(ports: CorePorts, diagnostics: Pick<Diagnostics, 'timesClient'>) {
  const { store } = ports;
  // One refresh in flight per account, whoever asks (alarm, popup, startup, a cron run): refresh tokens
  // rotate, and sending a spent one twice may make the server revoke the whole session.
  const oneRefreshPerAccount = singleFlight<TimesSecret>();
  // Rotated pairs that could not be written: newer than what is stored, so they win until saved.
  const unsaved = new Map<string, TimesSecret>();

  /**
   * The live session. A rotated pair held in memory (its write failed) is stored first: no call uses
   * an access token that is not in storage (the runner's file, the extension's storage.local), or a
   * process that ends would leave only the spent refresh token behind. Throws ApiError `server`
   * (UNSAVED_MESSAGE) while it still can't be stored; `unauthorized` when there is no session;
   * `rejected` (HANDING_OFF_MESSAGE) while a hand-off bundle of it is out: its refresh token may be
   * used by the runner that imports it, so nothing here uses the session, not even to refresh it.
   */
  async function timesSecret(key: string): Promise<TimesSecret> {
    const held = unsaved.get(key);
    if (held) {
      if (!(await persist(key, held))) throw new ApiError('server', UNSAVED_MESSAGE);
      return held;
    }
    const secret = (await store.readSecrets())[key];
    if (secret?.provider === 'times' && secret.handoff) throw new ApiError('rejected', HANDING_OFF_MESSAGE);
    if (secret?.provider === 'times') return secret;
    // An account listed as active without a session (its stored entry was damaged and left out): only
    // a new login helps, and the user hears so once, instead of a day failing silently every day.
    const orphan = (await store.readAccounts()).find((account) => account.key === key && account.provider === 'times' && account.session === 'active');
    if (orphan) await endSession(key);
    throw new ApiError('unauthorized', RELOGIN_MESSAGE);
  }

  /**
   * Writes a rotated pair, retried; true once it is stored (the account's warning is then cleared) or
   * no longer wanted (the account was removed, or `current` was replaced by a new login). After the
   * last failed try the pair is held in memory and the account flagged `sessionUnsaved`.
   */
  async function persist(key: string, next: TimesSecret, current?: TimesSecret): Promise<boolean> {
    for (let tryNo = 1; tryNo <= SAVE_TRIES; tryNo += 1) {
      try {
        await store.updateSecrets((secrets) => {
          const stored = secrets[key];
          if (stored?.provider !== 'times') return secrets;
          // Replaced by a new login while the refresh was on its way: leave that alone. (A pair held in
          // memory is always stored before it is rotated again, so `current` is what storage holds.)
          const replaced = current && stored.refreshToken !== current.refreshToken && stored.refreshToken !== next.refreshToken;
          return replaced ? secrets : { ...secrets, [key]: next };
        });
        if (unsaved.delete(key)) await flagUnsaved(key, false);
        return true;
      } catch {
        // A storage write failed (quota, a disk error): try again before giving up.
      }
    }
    unsaved.set(key, next);
    await flagUnsaved(key, true);
    return false;
  }

  async function flagUnsaved(key: string, on: boolean): Promise<void> {
    await updateTimesAccount(store, key, ({ sessionUnsaved: _flag, ...rest }) => (on ? { ...rest, sessionUnsaved: true } : rest)).catch(
      () => undefined,
    );
  }

  /**
   * Refreshes a Times session (OAuth refresh-token grant). With `staleToken`, a caller whose request
   * was rejected says which access token failed: if the stored one is already another, somebody
   * refreshed meanwhile and that is used. Throws ApiError: `unauthorized` when the refresh token was
   * refused (the account is then marked `relogin`, one notice), a passing kind otherwise.
   */
  function refreshTimesSession(key: string, staleToken?: string): Promise<TimesSecret> {
    return oneRefreshPerAccount(key, async () => {
      const current = await timesSecret(key);
      if (staleToken !== undefined && current.token !== staleToken) return current;
      return refreshNow(key, current);
    });
  }

  /** Applies a change to the stored session only while it is still the one `current` was read from. */
  const updateIfCurrent = (key: string, current: TimesSecret, change: (stored: TimesSecret) => TimesSecret) =>
    store.updateSecrets((secrets) => {
      const stored = secrets[key];
      if (stored?.provider !== 'times' || stored.refreshToken !== current.refreshToken) return secrets;
      return { ...secrets, [key]: change(stored) };
    });

  async function refreshNow(key: string, current: TimesSecret): Promise<TimesSecret> {
    const now = ports.clock.now();
    let next: TimesSecret;
    try {
      // The grant goes to the server that issued the refresh token, whatever the settings say now.
      const grant = await diagnostics.timesClient(key, current.baseUrl).refreshToken(current.refreshToken);
      next = sessionFromGrant(grant, ports.clock.now(), current.baseUrl);
    } catch (error) {
      if (isRefreshRejected(error)) {
        await markRelogin(key, current);
        throw new ApiError('unauthorized', RELOGIN_MESSAGE, error instanceof ApiError ? error.status : undefined);
      }
      // A passing failure (network, timeout, 5xx, 429, malformed): keep the tokens, try again later.
      const failures = (current.refreshFailures ?? 0) + 1;
      await updateIfCurrent(key, current, (stored) => ({ ...stored, refreshFailures: failures, refreshRetryAt: now + refreshRetryDelayMs(failures) })).catch(
        () => undefined,
      );
      throw error;
    }
    // The old refresh token is spent now: the new pair is stored before anyone uses it. If it can't be
    // stored after retries, it is held in memory (the spent one is never sent again), the account is
    // flagged `sessionUnsaved` (the popup says so) and this call fails like a passing error.
    if (!(await persist(key, next, current))) throw new ApiError('server', UNSAVED_MESSAGE);
    return next;
  }

  async function markRelogin(key: string, current: TimesSecret): Promise<void> {
    // Only the session that was refused: a new login (or a removal) meanwhile is left alone.
    const stored = (await store.readSecrets())[key];
    if (stored?.provider !== 'times' || stored.refreshToken !== current.refreshToken) return;
    await endSession(key);
  }

  /** The account needs a new login: marked `relogin`, told once. */
  async function endSession(key: string): Promise<void> {
    unsaved.delete(key);
    const refused = await updateTimesAccount(store, key, (account) => ({ ...account, session: 'relogin' }));
    if (refused) await notifyOnce(ports, `relogin:${key}`, { kind: 'relogin', account: displayName(refused) });
  }

  /**
   * Runs an authenticated Times call against the server that issued the session: refreshes first when
   * the session is due for it, and on a rejected token refreshes once and replays the call once. A
   * second rejection is final for this call. Throws what the call throws (ApiError).
   */
  async function withTimesSession<T>(key: string, call: (authorization: string, client: TimesClient) => Promise<T>): Promise<T> {
    let secret = await timesSecret(key);
    if (needsRefresh(secret, ports.clock.now())) {
      try {
        secret = await refreshTimesSession(key);
      } catch (error) {
        // Only a refused refresh token ends the session; after anything else (a passing failure, a busy
        // server's error code) the current token, refreshed ahead of its expiry, is still worth a try.
        if (error instanceof ApiError && error.kind === 'unauthorized') throw error;
        secret = await timesSecret(key);
      }
    }
    try {
      return await call(bearer(secret.token, secret.tokenHead), diagnostics.timesClient(key, secret.baseUrl));
    } catch (error) {
      if (!(error instanceof ApiError && error.kind === 'unauthorized')) throw error;
      const fresh = await refreshTimesSession(key, secret.token);
      return await call(bearer(fresh.token, fresh.tokenHead), diagnostics.timesClient(key, fresh.baseUrl));
    }
  }

  /** Refreshes every active Times session that is due for it (called by the alarm, at start, by `run`). */
  async function refreshDueSessions(now: number): Promise<void> {
    const [accounts, secrets] = await Promise.all([store.readAccounts(), store.readSecrets()]);
    const due = accounts.filter((account): account is TimesAccount => {
      if (account.provider !== 'times' || account.session !== 'active') return false;
      const secret = unsaved.get(account.key) ?? secrets[account.key];
      return secret?.provider === 'times' && !secret.handoff && needsRefresh(secret, now);
    });
    // With the token read above: if another caller rotated it meanwhile, that session is used as it is.
    await Promise.allSettled(
      due.map((account) => refreshTimesSession(account.key, (unsaved.get(account.key) ?? (secrets[account.key] as TimesSecret)).token)),
    );
  }

  /** Forgets a pair held in memory (the account was removed or logged in anew). */
  const forget = (key: string) => void unsaved.delete(key);

  /**
   * Runs `use` with the live session in the refresh's single-flight slot: the hand-off
   * (utils/core/handoff.ts) seals it there, so no refresh of this account is in flight meanwhile: one
   * that was is waited for, and its rotated pair is the one sealed. A caller that joined the slot as if
   * it were a refresh is refused (HANDING_OFF_MESSAGE): the session is leaving. Rejects with `use`'s
   * error (nothing changed then), or ApiError `unauthorized` when there is no session.
   */
  const LEAVING = new ApiError('rejected', HANDING_OFF_MESSAGE);
  async function holdForHandoff(key: string, use: (secret: TimesSecret) => Promise<void>): Promise<void> {
    for (;;) {
      let ours = false;
      try {
        await oneRefreshPerAccount(key, async () => {
          ours = true;
          await use(await timesSecret(key));
          throw LEAVING;
        });
      } catch (error) {
        if (ours && error === LEAVING) return;
        if (ours) throw error;
        // A refresh that was in flight failed: the slot is free now, take the session as it is.
      }
      if (ours) return;
    }
  }

  /**
   * Takes back a session whose hand-off bundle is out (utils/core/handoff.ts): refreshes it once here,
   * in the refresh slot, so the bundle's refresh token is spent and a later import of it fails. The
   * new pair is stored without the bundle. Resolves to the new pair; to undefined when the server
   * refused the refresh token (the runner refreshed it first: the session lives there now, and
   * nothing is changed here). Throws ApiError for a passing failure (the bundle stays out, nothing
   * lost), `rejected` when no bundle of it is out.
   */
  const SPENT = new ApiError('rejected', HANDED_OFF_MESSAGE);
  async function reclaim(key: string): Promise<TimesSecret | undefined> {
    try {
      return await oneRefreshPerAccount(key, async () => {
        const current = (await store.readSecrets())[key];
        if (current?.provider !== 'times' || !current.handoff) throw new ApiError('rejected', text('error.notHandingOff'));
        let next: TimesSecret;
        try {
          const grant = await ports.timesClient(current.baseUrl).refreshToken(current.refreshToken);
          next = sessionFromGrant(grant, ports.clock.now(), current.baseUrl);
        } catch (error) {
          if (isRefreshRejected(error)) throw SPENT;
          throw error;
        }
        // As after any refresh: the new pair is stored before anyone uses it (held in memory if not).
        await persist(key, next, current);
        return next;
      });
    } catch (error) {
      if (error === SPENT) return undefined;
      throw error;
    }
  }

  return { withTimesSession, refreshTimesSession, refreshDueSessions, forget, holdForHandoff, reclaim };
}

/** Only an explicit answer about the refresh token ends a session; anything passing keeps it. */
export function isRefreshRejected(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  if (error.kind === 'unauthorized') return true;
  if (error.kind !== 'rejected') return false;
  return [400, 401, 403].includes(error.status ?? 0) || [400, 401, 403].includes(Number(error.code));
}
