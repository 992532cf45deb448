import { engine } from './engine';
import { expireHomingSessions } from './homing';
import { ensureAlarm, updateBadge } from './scheduler';

let running: Promise<void> | undefined;
let again = false;

/**
 * Does whatever is due now (the engine's refreshes, past days, check-ins, retries and claims; Homing
 * expiries), then
 * sets the alarm for the next due moment and the badge. Runs at every worker start, at the alarm,
 * at browser start, install/update, and after each command; calls that overlap share one run.
 * Never rejects: each service records its own failures where the popup shows them.
 */
export function runDueWork(): Promise<void> {
  if (running) {
    // A run already under way read the state before this call's reason (a login, say): run once more.
    again = true;
    return running;
  }
  running = (async () => {
    do {
      again = false;
      const now = Date.now();
      // Homing first: an expiry it tells goes out with the engine's push at the end of runDue.
      await expireHomingSessions(now);
      await engine.runDue(now);
      await reschedule();
    } while (again);
  })()
    .catch(() => undefined)
    .finally(() => (running = undefined));
  return running;
}

/** Recomputes the alarm and the badge from stored state. */
export async function reschedule(): Promise<void> {
  const now = Date.now();
  await Promise.all([ensureAlarm(now), updateBadge(now)]).catch(() => undefined);
}
