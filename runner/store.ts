import type { StateStore } from '@/utils/core/ports';
import { emptyPushLog } from '@/utils/push-schema';
import type { Settings } from '@/utils/storage-schema';
import { diagnosticsPath, readDiagnosticsFile, writeDiagnosticsFile } from './diagnostics-file';
import { emptyState, writeStateFile, type RunnerState } from './state-file';

// The engine's state store (utils/core/ports.ts) over the state file. The runner holds the file's lock
// while it works (lock.ts), so the state read at the start is the truth until it lets go: reads come
// from memory, and each update writes the whole file before it resolves. That is what makes a rotated
// refresh token reach the disk before the new access token is used (core/sessions.ts awaits it). The
// diagnostics log is the exception: a file of its own, read afresh for each update (diagnostics-file.ts).

type Item = 'accounts' | 'secrets' | 'checkins' | 'member' | 'history';

/** How many shown-notice ids are kept (as in the extension). */
const NOTIFIED_KEPT = 200;

export type FileStore = StateStore & {
  /** Replaces the state in memory with what was just read from the file (under the lock). */
  load(state: RunnerState): void;
  /** A copy of the state as last written. */
  snapshot(): RunnerState;
  /** The last write that failed (a full disk, say), if any since this process started. */
  writeFailure(): unknown;
};

/** `write` is the file writer (tests may hand a failing one). */
export function fileStore(path: string, settings: Settings, write = writeStateFile): FileStore {
  let state = emptyState();
  // Updates run one after another; each writes the state it produced, so the file ends as the latest.
  let queue: Promise<unknown> = Promise.resolve();
  let failure: unknown;
  const diagnosticsFile = diagnosticsPath(path);
  let diagnosticsQueue: Promise<unknown> = Promise.resolve();

  /** Applies a change and writes the file; the state in memory changes only once the write succeeded. */
  function commit<T>(change: (current: RunnerState) => { next: RunnerState; result: T }): Promise<T> {
    const run = queue.then(async () => {
      const { next, result } = change(structuredClone(state));
      // `next === state`: nothing changed, nothing to write.
      if (next !== state) await write(path, next).catch((error: unknown) => Promise.reject((failure = error)));
      state = next;
      return result;
    });
    queue = run.catch(() => undefined);
    return run;
  }

  function updater<K extends Item>(item: K) {
    return (change: (value: RunnerState[K]) => RunnerState[K]) =>
      commit((current) => {
        const value = change(current[item]);
        return { next: { ...current, [item]: value }, result: structuredClone(value) };
      });
  }
  const read = <K extends Item>(item: K) => async () => structuredClone(state[item]);

  return {
    load: (loaded) => void (state = structuredClone(loaded)),
    snapshot: () => structuredClone(state),
    writeFailure: () => failure,
    readSettings: async () => ({ ...settings }),
    readAccounts: read('accounts'),
    updateAccounts: updater('accounts'),
    readSecrets: read('secrets'),
    updateSecrets: updater('secrets'),
    readCheckins: read('checkins'),
    updateCheckins: updater('checkins'),
    readMember: read('member'),
    updateMember: updater('member'),
    readHistory: read('history'),
    updateHistory: updater('history'),
    readDiagnostics: () => readDiagnosticsFile(diagnosticsFile),
    updateDiagnostics(change) {
      const run = diagnosticsQueue.then(async () => {
        const next = change(await readDiagnosticsFile(diagnosticsFile));
        await writeDiagnosticsFile(diagnosticsFile, next);
        return next;
      });
      diagnosticsQueue = run.catch(() => undefined);
      return run;
    },
    markNotified: (id) =>
      commit((current) =>
        current.notified.includes(id)
          ? { next: state, result: false }
          : { next: { ...current, notified: [...current.notified, id].slice(-NOTIFIED_KEPT) }, result: true },
      ),
    readPush: async () => structuredClone(state.push ?? emptyPushLog()),
    updatePush: (change) =>
      commit((current) => {
        const push = change(current.push ?? emptyPushLog());
        return { next: { ...current, push }, result: structuredClone(push) };
      }),
    forgetNotified: (id) =>
      commit((current) =>
        current.notified.includes(id) ? { next: { ...current, notified: current.notified.filter((shown) => shown !== id) }, result: undefined } : { next: state, result: undefined },
      ),
  };
}
