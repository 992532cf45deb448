import type { TimesClient } from '../api/times';
import type { Exchange, ExchangeObserver, Reading } from '../api/exchange';
import { maskPhone } from '../mask';
import { redactText } from '../redact';
import type { DiagnosticsLog } from '../storage-schema';
import type { CorePorts } from './ports';

// The diagnostics log (issue 13): per account, the last exchanges with the services, as the HTTP layer
// described them (utils/api/exchange.ts, redacted there). The engine hands each client an observer
// bound to the account it acts for, and stores what it is told through the state store, so both homes
// keep the same log (the extension in storage.local, the runner in a file beside its state). A log is
// stored under the account's masked name, not its key: no whole phone number is anywhere in it.

/** Exchanges kept per key. */
export const EXCHANGES_KEPT = 50;
/** UTF-8 bytes one key's stored log may take; over it, its oldest exchanges go. */
export const LOG_BYTES = 5 * 1024;
/** Logs of names that are no stored account's (a login that failed, a captcha): only the newest is kept. */
export const LOOSE_LOGS_KEPT = 1;
/** The account key (and log name) of exchanges no account owns (a captcha, a 智桂通 token login, whose account is not known yet). */
export const NO_ACCOUNT = '';

/**
 * The name an account's log is stored and shown under: `times:13412341234` → `times 134****1234`; an id
 * that is not a mobile number is masked as a message is (utils/redact.ts). Two phones alike in their
 * first 3 and last 4 digits share a log: a rare mix-up in a report, never a number given away.
 */
export function logName(accountKey: string): string {
  if (accountKey === NO_ACCOUNT) return NO_ACCOUNT;
  const at = accountKey.indexOf(':');
  const [provider, id] = at < 0 ? ['', accountKey] : [accountKey.slice(0, at), accountKey.slice(at + 1)];
  const masked = /^1\d{10}$/.test(id) ? maskPhone(id) : redactText(id, [], 40);
  return provider ? `${provider} ${masked}` : masked;
}

const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

/** Exchanges, oldest first, in the stored form (storage-schema.ts diagnosticsLogSchema). */
export function encodeLog(exchanges: Exchange[]): DiagnosticsLog {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const ref = (value: string | undefined) => {
    if (value === undefined) return -1;
    let at = index.get(value);
    if (at === undefined) index.set(value, (at = strings.push(value) - 1));
    return at;
  };
  const tuples = exchanges.map((e): DiagnosticsLog['exchanges'][number] => [
    Math.round(e.at / 1000),
    ref(`${e.method} ${e.path}`),
    e.status ?? 0,
    ref(e.code),
    ref(e.message),
    ref(e.shape),
    e.ms,
    ref(e.reading),
  ]);
  return { strings, exchanges: tuples };
}

/** The stored form back to exchanges; an index that points nowhere reads as absent. */
export function decodeLog(log: DiagnosticsLog): Exchange[] {
  const at = (index: number) => log.strings[index];
  return log.exchanges.map(([time, request, status, code, message, shape, ms, reading]) => {
    const [method = '', path = ''] = (at(request) ?? '').split(' ', 2);
    const optional = { status: status || undefined, code: at(code), message: at(message), shape: at(shape) };
    return {
      at: time * 1000,
      method,
      path,
      ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)),
      ms,
      reading: (at(reading) ?? 'malformed') as Reading,
    };
  });
}

/** The newest EXCHANGES_KEPT of `exchanges` that fit in LOG_BYTES (the newest one always). */
function bounded(exchanges: Exchange[]): DiagnosticsLog {
  let kept = exchanges.slice(-EXCHANGES_KEPT);
  let log = encodeLog(kept);
  while (kept.length > 1 && bytes(log) > LOG_BYTES) {
    kept = kept.slice(Math.max(1, Math.ceil(kept.length / 10)));
    log = encodeLog(kept);
  }
  return log;
}

/**
 * `logs` (by log name) with `batch` appended (each exchange under its account key's name), every log
 * bounded, and of the logs that are no account's in `accountKeys`, only the LOOSE_LOGS_KEPT newest kept.
 */
export function appendExchanges(logs: Record<string, DiagnosticsLog>, batch: [string, Exchange][], accountKeys: string[]): Record<string, DiagnosticsLog> {
  const next = { ...logs };
  const named = batch.map(([key, exchange]) => [logName(key), exchange] as const);
  for (const name of new Set(named.map(([name]) => name))) {
    const added = named.filter(([owner]) => owner === name).map(([, exchange]) => exchange);
    next[name] = bounded([...(logs[name] ? decodeLog(logs[name]) : []), ...added]);
  }
  const last = (log: DiagnosticsLog) => log.exchanges.at(-1)?.[0] ?? 0;
  const accounts = accountKeys.map(logName);
  const loose = Object.keys(next)
    .filter((name) => !accounts.includes(name))
    .sort((a, b) => last(next[b]) - last(next[a]));
  for (const key of loose.slice(LOOSE_LOGS_KEPT)) delete next[key];
  return next;
}

export type Diagnostics = ReturnType<typeof createDiagnostics>;

export function createDiagnostics(ports: CorePorts) {
  const { store } = ports;
  let pending: [string, Exchange][] = [];
  let writing: Promise<void> | undefined;

  // Exchanges told while a write is under way go into the next one: one write per burst, not per call.
  async function drain(): Promise<void> {
    while (pending.length > 0) {
      const batch = pending;
      pending = [];
      try {
        const accountKeys = (await store.readAccounts()).map((account) => account.key);
        await store.updateDiagnostics((logs) => appendExchanges(logs, batch, accountKeys));
      } catch {
        // A log that can't be written is lost; the check-in it describes goes on.
      }
    }
    writing = undefined;
  }

  /** An observer that logs each exchange in the log of `key` (an account's key, or NO_ACCOUNT). */
  function observe(key: string): ExchangeObserver {
    return (exchange) => {
      pending.push([key, exchange]);
      writing ??= drain();
    };
  }

  return {
    observe,
    /** A Times client whose exchanges are logged under `key`. */
    timesClient: (key: string, baseUrl: string): TimesClient => ports.timesClient(baseUrl, observe(key)),
    /** Resolves once every exchange told so far is written (the runner waits for it before letting go of its lock). */
    async flush(): Promise<void> {
      while (writing) await writing;
    },
    /** Deletes the log of an account (it was removed). */
    forget: (key: string) => store.updateDiagnostics(({ [logName(key)]: _gone, ...rest }) => rest),
  };
}
