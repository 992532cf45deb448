import { ApiError } from '../api/http';
import { bearer } from '../api/times';
import { text, type Text } from '../i18n/keys';
import { isCheckedIn } from './rules/checkin-schedule';
import { sessionFromGrant } from './rules/token-refresh';
import type { Account, Secret } from '../storage-schema';
import { phoneError, smsCodeError } from '../validation';
import { nicknameProblem } from '../account-name';
import { requireTimesAccount, updateTimesAccount } from './account-store';
import type { Diagnostics } from './diagnostics';
import type { CorePorts } from './ports';
import type { Sessions } from './sessions';

// Adding, renaming and removing accounts. Input is checked again here: the engine trusts no page and
// no command line.

/** Refuses input a page should have refused already, with the same words. */
export function refuseInvalid(error: Text | undefined): void {
  if (error) throw new ApiError('rejected', error);
}

export const timesKey = (phone: string) => `times:${phone}`;

export type Accounts = ReturnType<typeof createAccounts>;

export function createAccounts(ports: CorePorts, sessions: Sessions, diagnostics: Pick<Diagnostics, 'timesClient' | 'forget'>) {
  const { store } = ports;

  async function timesSendCode(phone: string): Promise<void> {
    refuseInvalid(phoneError(phone));
    const { timesBaseUrl } = await store.readSettings();
    await diagnostics.timesClient(timesKey(phone), timesBaseUrl).sendCode(phone);
  }

  /**
   * SMS login (docs/api/times-member-checkin-api.txt): the sms_code token grant, then the member id.
   * A re-login of a known phone keeps its nickname and history. Resolves to the account key.
   */
  async function timesLogin(phone: string, code: string): Promise<string> {
    refuseInvalid(phoneError(phone) ?? smsCodeError(code));
    const { timesBaseUrl } = await store.readSettings();
    const key = timesKey(phone);
    const client = diagnostics.timesClient(key, timesBaseUrl);
    const grant = await client.loginBySmsCode(phone, code);
    const now = ports.clock.now();
    const secret = sessionFromGrant(grant, now, timesBaseUrl);
    const member = await client.memberDetail(bearer(secret.token, secret.tokenHead), phone);
    await saveAccount(key, secret, (previous) => ({
      ...(previous?.provider === 'times' ? previous : {}),
      provider: 'times',
      key,
      phone,
      memberId: member.memberId,
      server: new URL(timesBaseUrl).origin,
      points: member.points ?? (previous?.provider === 'times' ? previous.points : undefined),
      session: 'active',
      addedAt: previous?.addedAt ?? now,
      activeSince: now,
      sessionUnsaved: undefined,
    }));
    return key;
  }

  /** Stores a logged-in account: its secret first, so a listed account always has one. */
  async function saveAccount(key: string, secret: Secret, build: (previous?: Account) => Account): Promise<void> {
    sessions.forget(key);
    await store.updateSecrets((secrets) => ({ ...secrets, [key]: secret }));
    await store.updateAccounts((accounts) => {
      const previous = accounts.find((account) => account.key === key);
      const next = JSON.parse(JSON.stringify(build(previous))) as Account; // drops fields set to undefined
      return previous ? accounts.map((account) => (account.key === key ? next : account)) : [...accounts, next];
    });
    // A new login starts afresh: today's unfinished check-in (waiting for a retry, or given up while the
    // session was dead) is due again at once, and failures may be notified again.
    await store.updateCheckins(({ [key]: record, ...rest }) => (record && isCheckedIn(record) ? { ...rest, [key]: record } : rest));
    await store.forgetNotified(`relogin:${key}`);
    await store.forgetNotified(`expired:${key}`);
  }

  /** Removes an account and everything stored for it: tokens, records, member info, history, its diagnostics log, notice marks. */
  async function removeAccount(key: string): Promise<void> {
    if (!(await store.readAccounts()).some((account) => account.key === key)) throw new ApiError('rejected', text('error.accountMissing'));
    sessions.forget(key);
    await store.updateAccounts((accounts) => accounts.filter((account) => account.key !== key));
    await store.updateSecrets(({ [key]: _removed, ...rest }) => rest);
    await store.updateCheckins(({ [key]: _removed, ...rest }) => rest);
    await store.updateMember(({ [key]: _removed, ...rest }) => rest);
    await store.updateHistory(({ [key]: _removed, ...rest }) => rest);
    await diagnostics.forget(key);
    await store.forgetNotified(`relogin:${key}`);
    await store.forgetNotified(`expired:${key}`);
  }

  /** Sets a Times account's nickname (trimmed, at most 20 characters); an empty one clears it. */
  async function renameAccount(key: string, nickname: string): Promise<void> {
    const name = nickname.trim();
    refuseInvalid(nicknameProblem(name));
    await requireTimesAccount(store, key);
    await updateTimesAccount(store, key, ({ nickname: _old, ...rest }) => (name ? { ...rest, nickname: name } : rest));
  }

  return { timesSendCode, timesLogin, saveAccount, removeAccount, renameAccount };
}
