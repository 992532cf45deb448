import { chinaDateTime } from '../china-time';
import { decodeLog, logName, NO_ACCOUNT } from '../core/diagnostics';
import type { MessageKey, ParamArgs } from '../i18n/keys';
import type { Account, DiagnosticsLog } from '../storage-schema';

// The diagnostics report (issue 13) as the options page shows it and the runner's `diagnose` prints
// it: per account, its last exchanges with the services, one line each and the reply's shape under
// it, oldest first. Everything in a log was redacted when the exchange was described
// (utils/api/exchange.ts), and a log's name is the account's masked name (utils/core/diagnostics.ts).

/** A home's `t`: the options page's (utils/i18n/vue.ts) or the runner's words (utils/i18n/runner). */
export type Translate = <K extends MessageKey>(key: K, ...params: ParamArgs<K>) => string;

export interface ReportInput {
  /** Per log name ('' for none): the stored logs (storage-schema.ts diagnosticsLogSchema). */
  logs: Record<string, DiagnosticsLog>;
  /** The stored accounts: their order is the report's; a log of a key not among them says so. */
  accounts: Account[];
  /** When the report is made (ms epoch). */
  now: number;
  /** Which home made it, worded (the extension and its version, the runner). */
  home: string;
  t: Translate;
}

/** The report as plain text, in the language of `t`. */
export function diagnosticsReport({ logs, accounts, now, home, t }: ReportInput): string {
  const lines = [t('diagnostics.title', { home, time: chinaDateTime(now).slice(0, 16) }), t('diagnostics.privacy'), t('diagnostics.legend')];
  const known = [...new Set(accounts.map((account) => logName(account.key)))];
  const names = [...known.filter((name) => logs[name]), ...Object.keys(logs).filter((name) => !known.includes(name))];
  if (names.every((name) => logs[name].exchanges.length === 0)) lines.push('', t('diagnostics.empty'));
  for (const key of names) {
    const exchanges = decodeLog(logs[key]);
    if (exchanges.length === 0) continue;
    const name = key === NO_ACCOUNT ? t('diagnostics.noAccount') : known.includes(key) ? key : t('diagnostics.notAdded', { account: key });
    lines.push('', `== ${t('diagnostics.account', { account: name, count: exchanges.length })} ==`);
    for (const e of exchanges) {
      const fields = [
        chinaDateTime(e.at).slice(5),
        e.method.padEnd(4),
        e.path,
        e.status === undefined ? '-' : String(e.status),
        e.code === undefined ? '' : `code=${e.code}`,
        // Quoted as JSON: a message can't break a line or pass for another field.
        e.message === undefined ? '' : JSON.stringify(e.message),
        `${e.ms}ms`,
        e.reading,
      ];
      lines.push(fields.filter(Boolean).join('  '));
      if (e.shape) lines.push(`    ${e.shape}`);
    }
  }
  return lines.join('\n');
}
