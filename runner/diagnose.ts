import type { Account } from '@/utils/storage-schema';
import { diagnosticsReport } from '@/utils/views/diagnostics-report';
import type { Command } from './context';
import { diagnosticsPath, readDiagnosticsFile } from './diagnostics-file';
import { readStateFile } from './state-file';

// `diagnose`: the diagnostics report (issue 13) on standard output, whatever --quiet says: the last
// exchanges with the service per account, redacted when they were logged (utils/api/exchange.ts). It
// reads the log and the state without the lock (both are only ever replaced whole), and still prints
// the log when the state file can't be read: that may be just when the report is wanted.

export const diagnose: Command = async ({ config }) => {
  const logs = await readDiagnosticsFile(diagnosticsPath(config.statePath));
  const accounts: Account[] = (await readStateFile(config.statePath).catch(() => undefined))?.accounts ?? [];
  const { words } = config;
  const report = diagnosticsReport({ logs, accounts, now: Date.now(), home: words.t('runner.diagnostics.home'), t: words.t });
  process.stdout.write(`${report}\n`);
  return 0;
};
