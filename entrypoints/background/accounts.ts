import { ApiError } from '@/utils/api/http';
import { bearer, createTimesClient } from '@/utils/api/times';
import { isCheckedIn } from '@/utils/schedule';
import { sessionFromGrant } from '@/utils/session';
import {
  forgetNotified,
  readAccounts,
  readSettings,
  updateAccounts,
  updateCheckins,
  updateSecrets,
  type Account,
  type Secret,
} from '@/utils/storage';
import { phoneError, smsCodeError } from '@/utils/validation';

// Adding and removing accounts. The worker checks input again: it trusts no page.

/** Refuses input a page should have refused already, with the same message. */
export function refuseInvalid(error: string | undefined): void {
  if (error) throw new ApiError('rejected', error);
}

export const timesKey = (phone: string) => `times:${phone}`;

export async function timesSendCode(phone: string): Promise<void> {
  refuseInvalid(phoneError(phone));
  const { timesBaseUrl } = await readSettings();
  await createTimesClient(timesBaseUrl).sendCode(phone);
}

/** SMS login: token grant, then the member id. A re-login of a known phone keeps its history. */
export async function timesLogin(phone: string, code: string): Promise<string> {
  refuseInvalid(phoneError(phone) ?? smsCodeError(code));
  const { timesBaseUrl } = await readSettings();
  const client = createTimesClient(timesBaseUrl);
  const grant = await client.loginBySmsCode(phone, code);
  const secret = sessionFromGrant(grant, Date.now(), timesBaseUrl);
  const member = await client.memberDetail(bearer(secret.token, secret.tokenHead), phone);
  const key = timesKey(phone);
  await saveAccount(key, secret, (previous) => ({
    provider: 'times',
    key,
    phone,
    memberId: member.memberId,
    server: new URL(timesBaseUrl).origin,
    points: member.points ?? (previous?.provider === 'times' ? previous.points : undefined),
    session: 'active',
    addedAt: previous?.addedAt ?? Date.now(),
  }));
  return key;
}

/** Stores a logged-in account: its secret first, so a listed account always has one. */
export async function saveAccount(key: string, secret: Secret, build: (previous?: Account) => Account): Promise<void> {
  await updateSecrets((secrets) => ({ ...secrets, [key]: secret }));
  await updateAccounts((accounts) => {
    const previous = accounts.find((account) => account.key === key);
    const next = build(previous);
    return previous ? accounts.map((account) => (account.key === key ? next : account)) : [...accounts, next];
  });
  // A new login starts afresh: today's unfinished check-in (waiting for a retry, or given up while the
  // session was dead) is due again at once, and failures may be notified again.
  await updateCheckins(({ [key]: record, ...rest }) => (record && isCheckedIn(record) ? { ...rest, [key]: record } : rest));
  await forgetNotified(`relogin:${key}`);
  await forgetNotified(`expired:${key}`);
}

/** Removes an account and everything stored for it: tokens, check-in record, notification marks. */
export async function removeAccount(key: string): Promise<void> {
  if (!(await readAccounts()).some((account) => account.key === key)) throw new ApiError('rejected', '账号不存在');
  await updateAccounts((accounts) => accounts.filter((account) => account.key !== key));
  await updateSecrets(({ [key]: _removed, ...rest }) => rest);
  await updateCheckins(({ [key]: _removed, ...rest }) => rest);
  await forgetNotified(`relogin:${key}`);
  await forgetNotified(`expired:${key}`);
}

/** Sets a Times account's nickname (trimmed, at most 20 characters); an empty one clears it. */
export async function renameAccount(key: string, nickname: string): Promise<void> {
  const name = nickname.trim();
  refuseInvalid(name.length > 20 ? '昵称最多 20 个字' : undefined);
  if (!(await readAccounts()).some((account) => account.key === key && account.provider === 'times')) throw new ApiError('rejected', '账号不存在');
  await updateAccounts((accounts) =>
    accounts.map((account) => {
      if (account.key !== key || account.provider !== 'times') return account;
      const { nickname: _old, ...rest } = account;
      return name ? { ...rest, nickname: name } : rest;
    }),
  );
}
