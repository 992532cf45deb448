import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import lockfile from 'proper-lockfile';

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

/** The lock is held by a live process and was not released in time. */
export class LockBusyError extends Error {
  override name = 'LockBusyError';
}

/**
 * Takes the state file's lock, waiting up to two minutes for another process to let go. Resolves to
 * the function that releases it. `onLost` is called if another process takes the lock over meanwhile
 * (this one was frozen longer than STALE_MS): the caller must stop writing.
 */
export async function lockState(statePath: string, onLost: () => void): Promise<() => Promise<void>> {
  await mkdir(dirname(statePath), { recursive: true, mode: 0o700 });
  try {
    return await lockfile.lock(statePath, {
      // The state file may not exist yet (the first login): lock its name, not its resolved path.
      realpath: false,
      stale: STALE_MS,
      update: STALE_MS / 4,
      retries: { retries: Math.ceil(WAIT_MS / 500), factor: 1, minTimeout: 500, maxTimeout: 500 },
      onCompromised: onLost,
    });
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ELOCKED') throw new LockBusyError(statePath);
    throw error;
  }
}
