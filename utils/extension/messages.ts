import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { text, type StoredText, type Text } from '../i18n/keys';
import { textSchema, type DayRecord } from '../storage-schema';
// Type only: the pages never bundle the command schemas, which only the worker needs to check.
import type { commandSchema } from './command-schema';

// The one protocol between the pages (popup, options) and the background worker, which is the only
// writer of accounts, tokens and check-in records. The worker validates every command it receives
// (utils/extension/command-schema.ts).

export type Command = z.infer<typeof commandSchema>;
export type CommandType = Command['type'];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;

/** What each command answers with when it succeeds. */
export interface ReplyData {
  'times.sendCode': { sent: true };
  'times.login': { key: string };
  'checkin.run': { state: DayRecord['state'] };
  'account.remove': { removed: true };
  /** Sets (or, with an empty string, clears) an account's nickname. */
  'account.rename': { renamed: true };
  /** Claims the account's unclaimed 邦豆 (one claim-all call); `claimed` is how many points were waiting. */
  'points.claim': { claimed: number };
  /**
   * Starts moving a Times account's session to an always-on runner: `bundle` is the session encrypted
   * with the passphrase (utils/handoff-bundle.ts). The account is `handing-off` until the user confirms
   * the import or takes it back (utils/core/handoff.ts); nothing uses the session meanwhile.
   */
  'account.handoff': { bundle: string };
  /**
   * Sends a test message to one push channel as the options page shows it (saved or not): delivered,
   * or why not (a message key and values; never the address or the key).
   */
  'push.test': { ok: boolean; reason?: Text };
  /** The bundle of an account `handing-off` again (the popup closed, say). */
  'account.handoffBundle': { bundle: string };
  /** The user says the runner imported it: the tokens are deleted here, the account is `handed-off`. */
  'account.handoffConfirm': { confirmed: true };
  /** Takes a hand-off back (one refresh here spends the bundle): `handed-off` when the runner had used it already. */
  'account.handoffTakeBack': { session: 'active' | 'handed-off' };
  'homing.getSmsCode': { expireIn?: number };
  'homing.loginBySmsCode': { key: string };
  'homing.login': { key: string };
  'homing.refreshImageCode': { captcha: string };
  'homing.forgotGetSmsCode': { sent: true };
  'homing.resetPassword': { reset: true };
  'homing.zgtLogin': { key: string };
  /** serverLoggedOut false: the server call failed, the local session was deleted all the same. */
  'homing.logout': { serverLoggedOut: boolean };
}

export type Reply<T extends CommandType = CommandType> =
  | { ok: true; data: ReplyData[T] }
  | { ok: false; error: Text; captcha?: string };

const replySchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: textSchema, captcha: z.optional(z.string()) }),
]);

/** A command the worker refused or that failed; `text` is for the user, `captcha` is a server's ask. */
export class CommandError extends Error {
  override name = 'CommandError';
  constructor(
    readonly text: StoredText,
    readonly captcha?: string,
  ) {
    super(text.key);
  }
}

/** Sends a command to the worker and returns its data, or throws a CommandError with the words to show. */
export async function sendCommand<T extends CommandType>(command: CommandOf<T>): Promise<ReplyData[T]> {
  let raw: unknown;
  try {
    raw = await browser.runtime.sendMessage(command);
  } catch {
    throw new CommandError(text('error.noWorker'));
  }
  const reply = replySchema.safeParse(raw);
  if (!reply.success) throw new CommandError(text('error.badReply'));
  if (!reply.data.ok) throw new CommandError(reply.data.error, reply.data.captcha);
  return reply.data.data as ReplyData[T];
}
