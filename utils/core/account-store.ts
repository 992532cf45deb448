import { ApiError } from '../api/http';
import { text } from '../i18n/keys';
import type { TimesAccount } from '../storage-schema';
import type { StateStore } from './ports';

/**
 * Changes one Times account in the stored list (the others, and Homing accounts, are left as they
 * are); nothing when there is no such account. Resolves to the account as it was before the change.
 */
export async function updateTimesAccount(
  store: StateStore,
  key: string,
  change: (account: TimesAccount) => TimesAccount,
): Promise<TimesAccount | undefined> {
  let before: TimesAccount | undefined;
  await store.updateAccounts((accounts) =>
    accounts.map((account) => {
      if (account.key !== key || account.provider !== 'times') return account;
      before = account;
      return change(account);
    }),
  );
  return before;
}

/** The Times account stored under `key`, if there is one. */
export async function readTimesAccount(store: StateStore, key: string): Promise<TimesAccount | undefined> {
  return (await store.readAccounts()).find((account): account is TimesAccount => account.key === key && account.provider === 'times');
}

/** The Times account stored under `key`; throws ApiError `rejected` (error.accountMissing) when none. */
export async function requireTimesAccount(store: StateStore, key: string): Promise<TimesAccount> {
  const account = await readTimesAccount(store, key);
  if (!account) throw new ApiError('rejected', text('error.accountMissing'));
  return account;
}
