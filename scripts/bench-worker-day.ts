import { chinaMoment, nextChinaMidnight } from '../utils/china-time';
import type { Engine } from '../utils/core/engine';
import { nextWakeAt } from '../utils/core/rules/checkin-schedule';

// One China day as the extension's worker lives it (entrypoints/background/worker.ts): at each wake it
// does whatever is due (`runDue`), then sleeps until the next moment something is due
// (`wakeMoments` + `nextWakeAt`, what it sets its alarm to). Shared by the request count
// (bench-day.ts) and the storage growth (bench-storage.ts); the caller's clock follows `setNow`.

/**
 * Runs the China date `date` from 00:00 up to (not including) the next China midnight, moving the
 * clock with `setNow` to each wake moment first. Resolves to the number of wakes (runDue calls).
 */
export async function simulateWorkerDay(engine: Engine, date: string, setNow: (ms: number) => void): Promise<number> {
  let now = chinaMoment(date, '00:00');
  const end = nextChinaMidnight(now);
  let wakes = 0;
  while (now < end) {
    setNow(now);
    await engine.runDue(now);
    wakes += 1;
    const next = nextWakeAt(await engine.wakeMoments(now), now);
    if (next === undefined) break;
    now = next;
  }
  return wakes;
}
