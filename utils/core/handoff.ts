import { ApiError } from '../api/http';
import { text } from '../i18n/keys';
import { HandoffError, openHandoff, sealHandoff } from '../handoff-bundle';
import { passphraseError } from '../validation';
import { refuseInvalid, timesKey, type Accounts } from './accounts';
import { requireTimesAccount, updateTimesAccount } from './account-store';
import type { CorePorts } from './ports';
import type { Sessions } from './sessions';

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
   * Stores the session of a bundle (the runner's `import`). Resolves to the account key. Throws
   * HandoffError (utils/handoff-bundle.ts) for a bundle it can't open, and with code `stale` when the session
   * stored here for that phone is newer than the bundle's (the same bundle imported twice, after a
   * refresh): its refresh token is spent, and sending it again would get the session revoked.
   */
  async function importHandoff(text: string, passphrase: string): Promise<string> {
    const { account, secret } = await openHandoff(text, passphrase);
    const key = timesKey(account.phone);
    const stored = (await store.readSecrets())[key];
    if (stored?.provider === 'times' && stored.obtainedAt > secret.obtainedAt) throw new HandoffError('stale');
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
