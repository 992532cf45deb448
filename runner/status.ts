import type { Command } from './context';
import { chinaShort } from './output';
import { accountReports } from './report';
import { readStateFile } from './state-file';

// `status [--json]`: each account's masked phone or nickname, today's state, streak, points and next
// run. Reads the file without the lock: it is only ever replaced whole (state-file.ts), so a read sees
// one complete state.

export const status: Command = async ({ config, output }) => {
  const state = await readStateFile(config.statePath);
  const reports = state ? accountReports(state, config.settings, Date.now()) : [];
  if (config.json) {
    // The shape of docs/E2E-CONTRACT.md; `phone` masked, numbers or null.
    output.json(reports.map((r) => ({ key: r.key, phone: r.phone, state: r.state, streak: r.streak ?? null, points: r.points ?? null, nextAt: r.nextAt ?? null })));
    return 0;
  }
  const { words } = config;
  if (reports.length === 0) output.info(words.t('runner.noAccounts'));
  for (const r of reports) {
    const parts = [
      r.name,
      words.t(`runner.status.${r.state}`),
      r.streak ? words.t('runner.status.streak', { days: r.streak }) : '',
      // A balance never read is a dash, never 0 (`--json` keeps null).
      words.t('runner.status.points', { points: r.points ?? '–' }),
      r.nextAt === undefined ? '' : r.due ? words.t('runner.status.dueNow') : words.t('runner.status.next', { at: chinaShort(r.nextAt) }),
    ];
    output.info(parts.filter(Boolean).join('  '));
  }
  return 0;
};
