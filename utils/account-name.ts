import { text, type Text } from './i18n/keys';
import { maskPhone } from './mask';
import type { Account } from './storage-schema';

// How an account is named wherever people see it (the popup, history, notices, the runner's lines):
// never by its full phone number.

/** The account's name in lists: a masked phone, or the Homing user code when there is no phone. */
export function accountLabel(account: Account): string {
  if (account.provider === 'times') return maskPhone(account.phone);
  return account.mobile ? maskPhone(account.mobile) : account.userCode;
}

/** The account's display name: its nickname where one is set, else accountLabel (a masked phone). */
export function displayName(account: Account): string {
  const nickname = account.provider === 'times' ? account.nickname?.trim() : undefined;
  return nickname || accountLabel(account);
}

/** The longest nickname the worker accepts (timesAccountSchema in utils/storage-schema.ts). */
export const NICKNAME_MAX_LENGTH = 20;

/** Why a nickname (already trimmed) can't be saved, or undefined when it can (empty clears it). */
export function nicknameProblem(nickname: string): Text | undefined {
  return nickname.length > NICKNAME_MAX_LENGTH ? text('error.nicknameTooLong', { max: NICKNAME_MAX_LENGTH }) : undefined;
}
