import type { ExchangeObserver } from '../api/exchange';
import type { TimesClient } from '../api/times';
import type { PushLog } from '../push-schema';
import type { Account, DayRecord, DiagnosticsLog, HistoryTuple, MemberInfo, Secret, Settings } from '../storage-schema';
import type { PushOutcome } from './push/channel';
import type { Notice } from './rules/notice';
import type { PushMessage } from './rules/push-policy';

// What the check-in engine is handed by its home (docs/ARCHITECTURE.md): the extension wires WXT
// storage and browser.notifications in, the runner a state file and its own output. The engine imports
// neither wxt/* nor node:*, and never reaches for a global clock where a decision depends on the time.

type Change<T> = (value: T) => T;

/**
 * The stored state. Reads are validated copies (a damaged entry is left out, never trusted); each
 * update applies `change` to the latest value and writes it, one update of an item at a time, and
 * resolves to what was written. A failed write rejects and leaves the stored value as it was.
 */
export interface StateStore {
  readSettings(): Promise<Settings>;
  readAccounts(): Promise<Account[]>;
  updateAccounts(change: Change<Account[]>): Promise<Account[]>;
  readSecrets(): Promise<Record<string, Secret>>;
  updateSecrets(change: Change<Record<string, Secret>>): Promise<Record<string, Secret>>;
  /** Today's (or the last) check-in record per account key. */
  readCheckins(): Promise<Record<string, DayRecord>>;
  updateCheckins(change: Change<Record<string, DayRecord>>): Promise<Record<string, DayRecord>>;
  readMember(): Promise<Record<string, MemberInfo>>;
  updateMember(change: Change<Record<string, MemberInfo>>): Promise<Record<string, MemberInfo>>;
  readHistory(): Promise<Record<string, HistoryTuple[]>>;
  updateHistory(change: Change<Record<string, HistoryTuple[]>>): Promise<Record<string, HistoryTuple[]>>;
  /** Per account's masked name ('' for none): the last exchanges with the services (utils/core/diagnostics.ts logName). */
  readDiagnostics(): Promise<Record<string, DiagnosticsLog>>;
  updateDiagnostics(change: Change<Record<string, DiagnosticsLog>>): Promise<Record<string, DiagnosticsLog>>;
  /** Records a notice id as shown; false when it had been shown already. */
  markNotified(id: string): Promise<boolean>;
  /** Lets a notice be shown again (after a new login, say). */
  forgetNotified(id: string): Promise<void>;
  /** What was pushed and what waits to be (utils/push-schema.ts PushLog); no channel key in it. */
  readPush(): Promise<PushLog>;
  updatePush(change: Change<PushLog>): Promise<PushLog>;
}


export interface Notifier {
  /** Shows a notice. Must not reject: a home that cannot show it says so once in its own log. */
  notify(id: string, notice: Notice): Promise<void>;
}

/**
 * Push to the phone (issue 12), as each home sets it up: the extension's channels from its options
 * page, the runner's from Qinglong's variables (or Qinglong's own QLAPI.notify).
 */
export interface Pusher {
  /** `active`: something would receive a push; `digest`: the daily summary is on. */
  config(): Promise<{ active: boolean; digest: boolean }>;
  /**
   * Words `message` in the home's language (utils/views/push-text.ts) and sends it to every channel,
   * each on its own. Resolves to one outcome per channel; never rejects.
   */
  send(message: PushMessage): Promise<PushOutcome[]>;
}

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

/**
 * Everything the engine is handed. `timesClient` makes the HTTP client for a base URL, telling
 * `observe` of every exchange (the diagnostics log); without a `pusher`, nothing is pushed (nor queued).
 */
export interface CorePorts {
  store: StateStore;
  notifier: Notifier;
  pusher?: Pusher;
  clock: Clock;
  timesClient(baseUrl: string, observe?: ExchangeObserver): TimesClient;
}
