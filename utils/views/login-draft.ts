import { cleanPhone } from '../phone-input';
import type { Account, LoginDraft } from '../storage-schema';

// Whether a popup that opens goes back to its unfinished login (stores/draft.ts). Pure: the time is an
// argument. The form comes back so that a resident who closed the popup to read the SMS code loses
// nothing; it must not come back once the login is done, nor for ever after it was left (issue 13).

/** A form without a code sent for its phone is let go this long after it last changed (ms). */
export const DRAFT_IDLE_MS = 10 * 60_000;
/** A form whose code was sent is kept this long after the send (ms): SMS codes die within minutes. */
export const DRAFT_CODE_MS = 30 * 60_000;

const phoneOf = (account: Account) => (account.provider === 'times' ? account.phone : account.mobile);

/**
 * True when the stored login form should open again. Not when it is closed; not when a login was sent
 * from it and the account of its phone is now active (it completed while the popup was closed); not
 * when it was abandoned: no code sent for its phone within DRAFT_CODE_MS and no change within
 * DRAFT_IDLE_MS (a draft that says neither, written before these times were kept, is let go).
 */
export function shouldResumeLogin(draft: LoginDraft, accounts: Account[], now: number): boolean {
  if (!draft.open) return false;
  const phone = cleanPhone(draft.phone);
  const loggedIn = accounts.some((account) => account.provider === draft.provider && account.session === 'active' && phoneOf(account) === phone);
  if (draft.submittedAt !== undefined && loggedIn) return false;
  const lastSent = Math.max(...Object.values(draft.sent).map((sent) => (sent.phone === phone ? sent.at : -Infinity)), -Infinity);
  if (now - lastSent < DRAFT_CODE_MS) return true;
  return draft.at !== undefined && now - draft.at < DRAFT_IDLE_MS;
}
