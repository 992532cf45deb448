import { nextWakeAt } from '@/utils/core/rules/checkin-schedule';
import type { Command, Context } from './context';
import { NoStateError } from './home';
import { LockBusyError } from './lock';
import { chinaShort } from './output';
import { reportLine } from './report';
import { runOnce } from './run';

// `daemon`: stays running for Docker or systemd, and does what `run` does at each due moment (the
// engine's wakeMoments: check-ins, retries, refreshes, China midnight). It holds the lock only while it
// works, so `login`, `import` or a manual `run` can go in between; it looks at the file again at least
// every few minutes, which is how it sees an account added meanwhile.

/** The longest sleep: a login made by another process is picked up within this. */
const MAX_SLEEP_MS = 5 * 60_000;

export const daemon: Command = async (context) => {
  const { config, output } = context;
  let stopping = false;
  let wake: () => void = () => undefined;
  const stop = () => {
    stopping = true;
    wake();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  output.info(config.words.t('runner.daemonStarted', { path: config.statePath }));

  let said = '';
  while (!stopping) {
    const next = await cycle(context, (lines) => {
      // Only what changed: a day's check-in, a failure, a retry; not the same lines every few minutes.
      const text = lines.join('\n');
      if (text !== said) for (const line of lines) output.info(line);
      said = text;
    });
    if (stopping) break;
    const now = Date.now();
    const at = Math.min(next ?? Infinity, now + MAX_SLEEP_MS);
    output.detail(config.words.t('runner.daemonNext', { at: chinaShort(at) }));
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, Math.max(at - now, 1_000));
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
  output.info(config.words.t('runner.daemonStopped'));
  return 0;
};

/** One run; resolves to the next due moment. A busy lock or a missing file waits for the next turn. */
async function cycle(context: Context, say: (lines: string[]) => void): Promise<number | undefined> {
  const { config, output } = context;
  try {
    const reports = await runOnce(context, false);
    say(reports.map((report) => reportLine(report, config.words)));
    const { engine } = await context.home();
    return nextWakeAt(await engine.wakeMoments(Date.now()), Date.now());
  } catch (error) {
    if (error instanceof NoStateError) say([config.words.t('runner.noAccounts')]);
    else if (error instanceof LockBusyError) output.detail(config.words.t('runner.lockBusy', { path: config.statePath }));
    else throw error;
    return undefined;
  }
}
