import { ApiError } from '../api/http';
import { text } from '../i18n/keys';
import { HandoffError, openHandoff, sealHandoff } from '../handoff-bundle';
import { passphraseError } from '../validation';
import { refuseInvalid, timesKey, type Accounts } from './accounts';
import { requireTimesAccount, updateTimesAccount } from './account-store';
import type { CorePorts } from './ports';
import { isRefreshRejected, type Sessions } from './sessions';
import { sessionFromGrant } from './rules/token-refresh';
import type { TimesSecret } from '../storage-schema';

// Moving a Times session between homes (issue 8). The refresh token rotates, so it can live in one
// place only: the home that hands a session off deletes its tokens in the same step, and keeps the
// account (its history too) marked `handed-off`, making no request for it any more.

export type Handoff = ReturnType<typeof createHandoff>;

export function createHandoff(ports: CorePorts, sessions: Sessions, accounts: Accounts) {
  const { store, clock } = ports;

  /**
   * Encrypts an active Times account's session with `passphrase` (utils/handoff-bundle.ts), deletes the
   * tokens here and marks the account `handed-off`. Resolves to the bundle text, shown once. Throws
   * ApiError `rejected` for a short passphrase or an account that has no live session.
   */
  async function handOff(key: string, passphrase: string): Promise<string> {
    refuseInvalid(passphraseError(passphrase));
    const account = await requireTimesAccount(store, key);
    if (account.session !== 'active') throw new ApiError('rejected', text('error.handoffNoSession'));
    let bundle = '';
    await sessions.takeOut(key, async (secret) => {
      const { phone, memberId, server, nickname, addedAt } = account;
      bundle = await sealHandoff({ account: { phone, memberId, server, nickname, addedAt }, secret, exportedAt: clock.now() }, passphrase);
      // Marked before the tokens go: an account without tokens is never left looking active.
      await updateTimesAccount(store, key, ({ sessionUnsaved: _flag, ...rest }) => ({ ...rest, session: 'handed-off' }));
    });
    return bundle;
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

  return { handOff, importHandoff };
}
