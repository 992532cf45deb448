import type { StoredText } from '../../i18n/keys';

// What the engine tells its homes, as data (each home words it: a notification, an output line, a
// push). Apart from ports.ts so that the push policy, a pure rule, can read it without a circle.

/**
 * Something the user should hear about, as data: each home words it in the user's language (the
 * extension as a notification, the runner as an output line). `account` is a display name: a
 * nickname or a masked phone, never a full number.
 */
export type Notice =
  | { kind: 'relogin'; account: string }
  /** `reason`: why the last try failed, as words to show (a string in records from before issue 7). */
  | { kind: 'lost'; account: string; date: string; reason?: StoredText | string }
  | { kind: 'missed'; dates: string[]; accounts: string[] }
  | { kind: 'expiring'; account: string; points: number }
  | { kind: 'homing-expired'; account: string };
