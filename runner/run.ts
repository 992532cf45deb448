import type { Command, Context } from './context';
import { NoStateError } from './home';
import { accountReports, exitCodeOf, exitReason, reportLine, type AccountReport } from './report';

// `run`: whatever is due now (refreshes, missed and lost days, the day's check-ins and retries, claims),
// under the lock, then one line per account and the exit code of docs/E2E-CONTRACT.md.

/** One pass of the engine under the lock; the reports of the state it left. */
export async function runOnce({ config, home: load }: Context, force: boolean): Promise<AccountReport[]> {
  const home = await load();
  return home.locked(async () => {
    const now = Date.now();
    await home.engine.runDue(now, force);
    return accountReports(home.store.snapshot(), config.settings, Date.now());
  });
}

export const run: Command = async (context) => {
  const { config, output } = context;
  let reports: AccountReport[];
  try {
    reports = await runOnce(context, config.force);
  } catch (error) {
    // No state file yet: like no account, a login is what is needed.
    if (!(error instanceof NoStateError)) throw error;
    output.failure(config.words.t('runner.noState', { path: config.statePath }));
    return 2;
  }
  for (const report of reports) {
    const line = reportLine(report, config.words);
    if (report.state === 'failed' || report.state === 'relogin') output.problem(line);
    else output.info(line);
  }
  // A rotated session that could not be written is lost when this process ends: say so, whatever else.
  const unwritten = (await context.home()).store.writeFailure();
  if (unwritten) throw unwritten;
  const code = exitCodeOf(reports);
  const reason = exitReason(reports, config.words);
  if (code !== 0 && reason) output.failure(reason);
  return code;
};
