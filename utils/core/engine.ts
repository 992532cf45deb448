import { nextChinaMidnight } from '../china-time';
import { nextCheckinAt } from './rules/checkin-schedule';
import { refreshDueAt } from './rules/token-refresh';
import { createAccounts } from './accounts';
import { createCheckins } from './checkin';
import { createDiagnostics } from './diagnostics';
import { createHandoff } from './handoff';
import { reportPastDays } from './history';
import { createPoints } from './points';
import type { CorePorts } from './ports';
import { createSessions } from './sessions';

// The check-in engine, assembled from its ports: one per home (the extension's worker, the runner).

export type Engine = ReturnType<typeof createEngine>;

export function createEngine(ports: CorePorts) {
  const diagnostics = createDiagnostics(ports);
  const sessions = createSessions(ports, diagnostics);
  const points = createPoints(ports, sessions);
  const checkins = createCheckins(ports, sessions, points);
  const accounts = createAccounts(ports, sessions, diagnostics);
  const handoff = createHandoff(ports, sessions, accounts);

  /**
   * Does whatever is due now for Times accounts: session refreshes, past days (lost, missed), the
   * day's check-ins and their retries with claims. Never rejects: failures are recorded where the
   * popup (or `status`) shows them. `force`: every active account checks in now, whatever the
   * schedule says (a day already done only has its status read again).
   */
  async function runDue(now: number, force = false): Promise<void> {
    await sessions.refreshDueSessions(now).catch(() => undefined);
    await reportPastDays(ports, now).catch(() => undefined);
    await checkins.runDueCheckins(now, force).catch(() => undefined);
  }

  /** The moments something is due for Times accounts (check-ins, retries, refreshes, China midnight). */
  async function wakeMoments(now: number): Promise<(number | undefined)[]> {
    const { store } = ports;
    const [accounts, records, secrets, settings] = await Promise.all([store.readAccounts(), store.readCheckins(), store.readSecrets(), store.readSettings()]);
    const moments = accounts.flatMap((account) => {
      if (account.provider !== 'times' || account.session !== 'active') return [];
      const secret = secrets[account.key];
      return [
        nextCheckinAt({ key: account.key, canCheckIn: true, record: records[account.key] }, settings, now),
        secret?.provider === 'times' ? refreshDueAt(secret) : undefined,
      ];
    });
    // At China midnight yesterday's ✓ or ! must go, and the new day's look-back runs.
    if (accounts.some((account) => account.provider === 'times')) moments.push(nextChinaMidnight(now));
    return moments;
  }

  return { ...sessions, ...checkins, ...accounts, ...handoff, points, diagnostics, runDue, wakeMoments, reportPastDays: (now: number) => reportPastDays(ports, now) };
}
