import lockfile from 'proper-lockfile';
import { ioCode, makeStateFolder, StateFileError } from './state-file';

// One process at a time works on a state file: two runs at once (cron overlapping itself, a daemon and
// a manual run) must never both refresh (the refresh token rotates; sending a spent one gets the
// session revoked) nor both check in. proper-lockfile takes a `<state>.lock` folder (mkdir is atomic,
// on network file systems too) and keeps touching it while the process works; a process that crashed
// stops touching it, and after STALE_MS the next one takes the lock over, so a crash never blocks for
// good.

/** A lock not touched for this long belongs to a process that is gone. */
export const STALE_MS = 20_000;
/** How long a run waits for another to finish before giving up (a slow run takes under a minute). */
const WAIT_MS = 120_000;
/** How often a busy lock is tried again. */
const RETRY_MS = 500;

/** The lock is held by a live process and was not released in time. */
export class LockBusyError extends Error {
  override name = 'LockBusyError';
}

type Lock = typeof lockfile.lock;

/**
 * Takes the state file's lock, waiting up to two minutes for another process to let go. Resolves to
 * the function that releases it. `onLost` is called if another process takes the lock over meanwhile
 * (this one was frozen longer than STALE_MS): the caller must stop writing. Throws LockBusyError when
 * it stays busy, and at once StateFileError `io` (naming the folder or the lock, with the error code)
 * when the file system refuses: only a busy lock is worth waiting for (proper-lockfile's own retries
 * would wait out EACCES or EROFS for two minutes as if the lock were busy). `lock` is for tests.
 */
export async function lockState(statePath: string, onLost: () => void, lock: Lock = lockfile.lock): Promise<() => Promise<void>> {
  await makeStateFolder(statePath);
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    try {
      return await lock(statePath, {
        // The state file may not exist yet (the first login): lock its name, not its resolved path.
        realpath: false,
        stale: STALE_MS,
        update: STALE_MS / 4,
        retries: 0,
        onCompromised: onLost,
      });
    } catch (error) {
      const code = ioCode(error);
      if (code !== 'ELOCKED') throw new StateFileError('io', code, `${statePath}.lock`, 'lock');
      if (Date.now() >= deadline) throw new LockBusyError(statePath);
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
}
