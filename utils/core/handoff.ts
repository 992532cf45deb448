import { ApiError } from '../api/http';
import { text } from '../i18n/keys';
import { HandoffError, openHandoff, sealHandoff } from '../handoff-bundle';
import { passphraseError } from '../validation';
import { refuseInvalid, timesKey, type Accounts } from './accounts';
import { requireTimesAccount, updateTimesAccount } from './account-store';
import type { TimesAccount } from '../storage-schema';
import type { CorePorts } from './ports';
import { isRefreshRejected, type Sessions } from './sessions';
import { sessionFromGrant } from './rules/token-refresh';
import type { TimesSecret } from '../storage-schema';

// Moving a Times session between homes (issues 8 and 13). The refresh token rotates, so it can live in
// one place only. Making a bundle does not delete the session here at once: a popup closes as soon as
// the user clicks the terminal, and a bundle lost that way would strand the account. The account turns
// `handing-off` instead: the tokens stay, untouched (no check-in, no refresh, no claim: core/sessions.ts
// refuses the session while its bundle is out), the bundle can be shown again, and then either
// - the user confirms the import: the tokens go, the account is `handed-off` (its history stays); or
// - the user takes it back: one refresh here spends the bundle's refresh token (a later import of it
//   fails), and the account is active again. Once the runner has refreshed the session (its import
//   does at once), the server refuses that refresh: the session lives there, and the account is
//   `handed-off` here.

export type Handoff = ReturnType<typeof createHandoff>;

/** What taking a hand-off back came to: `active` here again, or `handed-off` (the runner had used it). */
export type TakeBack = 'active' | 'handed-off';

export function createHandoff(ports: CorePorts, sessions: Sessions, accounts: Accounts) {
  const { store, clock } = ports;

  /** The Times account under `key`, refused (error.notHandingOff) unless a bundle of it is out. */
  async function handingOff(key: string): Promise<TimesAccount> {
    const account = await requireTimesAccount(store, key);
    if (account.session !== 'handing-off') throw new ApiError('rejected', text('error.notHandingOff'));
    return account;
  }

  /**
   * Encrypts an active Times account's session with `passphrase` (utils/handoff-bundle.ts), keeps the
   * bundle beside the session and marks the account `handing-off`. Resolves to the bundle text. Throws
   * ApiError `rejected` for a short passphrase or an account that has no live session.
   */
  async function handOff(key: string, passphrase: string): Promise<string> {
    refuseInvalid(passphraseError(passphrase));
    const account = await requireTimesAccount(store, key);
    if (account.session !== 'active') throw new ApiError('rejected', text('error.handoffNoSession'));
    let bundle = '';
    await sessions.holdForHandoff(key, async (secret) => {
      const { phone, memberId, server, nickname, addedAt } = account;
      bundle = await sealHandoff({ account: { phone, memberId, server, nickname, addedAt }, secret, exportedAt: clock.now() }, passphrase);
      const sealed = secret.refreshToken;
      // The bundle first: from then on the session is refused to every caller (core/sessions.ts).
      await store.updateSecrets((secrets) => {
        const stored = secrets[key];
        if (stored?.provider !== 'times' || stored.refreshToken !== sealed) throw new ApiError('rejected', text('error.handoffNoSession'));
        return { ...secrets, [key]: { ...stored, handoff: { bundle, at: clock.now() } } };
      });
      try {
        await updateTimesAccount(store, key, ({ sessionUnsaved: _flag, ...rest }) => ({ ...rest, session: 'handing-off' }));
      } catch (error) {
        // An account still listed active must have a session it can use: the bundle is withdrawn.
        await store.updateSecrets((secrets) => {
          const stored = secrets[key];
          if (stored?.provider !== 'times') return secrets;
          const { handoff: _withdrawn, ...session } = stored;
          return { ...secrets, [key]: session };
        });
        throw error;
      }
    });
    return bundle;
  }

  /** The bundle made for an account `handing-off`, to show again (copy, save). Throws ApiError `rejected` when none is out. */
  async function handoffBundle(key: string): Promise<string> {
    await handingOff(key);
    const secret = (await store.readSecrets())[key];
    if (secret?.provider !== 'times' || !secret.handoff) throw new ApiError('rejected', text('error.notHandingOff'));
    return secret.handoff.bundle;
  }

  /** The user says the runner imported the bundle: the tokens go, the account is `handed-off`, its history stays. */
  async function confirmHandoff(key: string): Promise<void> {
    await handingOff(key);
    sessions.forget(key);
    await store.updateSecrets(({ [key]: _moved, ...rest }) => rest);
    await updateTimesAccount(store, key, (account) => ({ ...account, session: 'handed-off' }));
  }

  /**
   * Takes a hand-off back (core/sessions.ts reclaim: one refresh here spends the bundle). Resolves to
   * `active`, or `handed-off` when the server refused the refresh token: the runner refreshed the
   * session first and keeps it, so the tokens here are deleted. Throws ApiError for a passing failure
   * (the account stays `handing-off`: try again) or when no bundle is out.
   */
  async function takeBack(key: string): Promise<TakeBack> {
    await handingOff(key);
    const back = await sessions.reclaim(key);
    if (back) {
      // Days the session was away were not this home's to miss.
      await updateTimesAccount(store, key, (account) => ({ ...account, session: 'active', activeSince: clock.now() }));
      return 'active';
    }
    await confirmHandoff(key);
    return 'handed-off';
  }

  /**
   * Stores the session of a bundle (the runner's `import`), spent at once: its refresh token is
   * exchanged for a new pair (one refresh), and only the new pair is stored, before this resolves. A
   * second import of the same bundle, here or on another device, then fails there and then instead of
   * hours later at its first refresh (issue 13). Resolves to the account key. Throws HandoffError
   * (utils/handoff-bundle.ts) for a bundle it can't open; with code `stale` when the session stored here
   * for that phone is newer than the bundle's (its refresh token is spent, and sending it again would
   * get the session revoked: nothing is sent); with code `spent` when the server refuses the bundle's
   * refresh token. Throws ApiError for a passing failure (network, timeout, 5xx): nothing is stored.
   */
  async function importHandoff(text: string, passphrase: string): Promise<string> {
    const { account, secret: carried } = await openHandoff(text, passphrase);
    const key = timesKey(account.phone);
    const stored = (await store.readSecrets())[key];
    if (stored?.provider === 'times' && stored.obtainedAt > carried.obtainedAt) throw new HandoffError('stale');
    let secret: TimesSecret;
    try {
      // To the server that issued the session, as every refresh (utils/core/sessions.ts).
      const grant = await ports.timesClient(carried.baseUrl).refreshToken(carried.refreshToken);
      secret = sessionFromGrant(grant, clock.now(), carried.baseUrl);
    } catch (error) {
      if (isRefreshRejected(error)) throw new HandoffError('spent');
      throw error;
    }
    const now = clock.now();
    await accounts.saveAccount(key, secret, (previous) => ({
      ...(previous?.provider === 'times' ? previous : {}),
      provider: 'times',
      key,
      phone: account.phone,
      memberId: account.memberId,
      server: account.server,
      nickname: account.nickname ?? (previous?.provider === 'times' ? previous.nickname : undefined),
      session: 'active',
      addedAt: previous?.addedAt ?? account.addedAt,
      // Days before the session arrived here were not this home's to miss.
      activeSince: now,
      sessionUnsaved: undefined,
    }));
    return key;
  }

  return { handOff, handoffBundle, confirmHandoff, takeBack, importHandoff };
}
