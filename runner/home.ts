import { createTimesClient } from '@/utils/api/times';
import { createEngine } from '@/utils/core/engine';
import type { RunnerConfig } from './config';
import { lockState } from './lock';
import type { Output } from './output';
import { createRunnerPusher } from './pusher';
import { emptyState, readStateFile } from './state-file';
import { fileStore } from './store';

// The runner's home for the check-in engine (docs/ARCHITECTURE.md): the state file as the state store,
// output lines as the notifier, the push channels of the environment as the pusher, the system clock. One engine per process (the daemon keeps it across
// runs, with its single-flight maps); the file is read afresh each time the lock is taken.

/** There is no state file and the command needs one (run, remove). */
export class NoStateError extends Error {
  override name = 'NoStateError';
}

export type Home = ReturnType<typeof createHome>;

export function createHome(config: RunnerConfig, output: Output, env: Record<string, string | undefined> = process.env) {
  const store = fileStore(config.statePath, config.settings);
  const pusher = createRunnerPusher(env, config.lang, output);
  const engine = createEngine({ store, notifier: output.notifier, pusher, clock: { now: () => Date.now() }, timesClient: createTimesClient });

  /**
   * Runs `task` holding the state file's lock, with the file's state loaded. A missing file is an
   * empty state when `create` (login, import), NoStateError otherwise. Throws what lock.ts and
   * state-file.ts throw (busy, damaged); the lock is let go whatever happens.
   */
  async function locked<T>(task: () => Promise<T>, create = false): Promise<T> {
    let lost = false;
    const release = await lockState(config.statePath, () => {
      lost = true;
      output.failure(config.words.t('runner.lockLost', { path: config.statePath }));
      // Whatever it was doing, this process must not write over the new holder's state.
      process.exit(1);
    });
    output.detail(`lock ${config.statePath}.lock`);
    try {
      const state = await readStateFile(config.statePath);
      if (!state && !create) throw new NoStateError(config.statePath);
      store.load(state ?? emptyState());
      return await task();
    } finally {
      // The log of this turn's exchanges is written while the lock is held, like everything else.
      await engine.diagnostics.flush();
      if (!lost) await release().catch(() => undefined);
    }
  }

  return { store, engine, pusher, locked };
}
