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
import { pushDue } from './pushes';
import { createSessions } from './sessions';

// The check-in engine, assembled from its ports: one per home (the extension's worker, the runner).

export type Engine = ReturnType<typeof engineCommands>;
export type EngineParts = ReturnType<typeof engineParts>;

/**
 * The engine's parts wired to one set of ports, sharing their single-flight slots. The homes use
 * createEngine's commands; tests that drive a part directly (a refresh racing a hand-off) build this.
 */
export function engineParts(ports: CorePorts) {
  const diagnostics = createDiagnostics(ports);
  const sessions = createSessions(ports, diagnostics);
  const points = createPoints(ports, sessions);
  const checkins = createCheckins(ports, sessions, points);
  const accounts = createAccounts(ports, sessions, diagnostics);
  const handoff = createHandoff(ports, sessions, accounts);

  /**
   * Does whatever is due now for Times accounts: session refreshes, past days (lost, missed), the
   * day's check-ins and their retries with claims, then one push of what the wake has to say (issue
   * 12). Never rejects: failures are recorded where the popup (or `status`) shows them. `force`: every
   * active account checks in now, whatever the schedule says (a day already done only has its status
   * read again).
   */
  async function runDue(now: number, force = false): Promise<void> {
    await sessions.refreshDueSessions(now).catch(() => undefined);
    await reportPastDays(ports, now).catch(() => undefined);
    await checkins.runDueCheckins(now, force).catch(() => undefined);
    // After the check-ins, whatever the push does: its time (the services' timeouts) delays none of them.
    await pushDue(ports, ports.clock.now());
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

  return { sessions, checkins, accounts, handoff, points, diagnostics, runDue, wakeMoments };
}

/**
 * The commands a home gives its user (the worker's handlers and alarm, the runner's commands). Each
 * is described where it is defined; none rejects with anything but an ApiError (api/http.ts) or a
 * HandoffError (handoff-bundle.ts), which the home words for the user.
 */
export function createEngine(ports: CorePorts) {
  return engineCommands(engineParts(ports));
}

/** The commands of parts already built (a home that also hands its parts to tests, as the worker does). */
export function engineCommands({ checkins, accounts, handoff, diagnostics, runDue, wakeMoments }: EngineParts) {
  return {
    /** The diagnostics log: an observer per account for a home's own clients, and flush before exit. */
    diagnostics,
    runDue,
    wakeMoments,
    checkIn: checkins.checkIn,
    timesSendCode: accounts.timesSendCode,
    timesLogin: accounts.timesLogin,
    saveAccount: accounts.saveAccount,
    renameAccount: accounts.renameAccount,
    removeAccount: accounts.removeAccount,
    claimPoints: checkins.claimPoints,
    handOff: handoff.handOff,
    handoffBundle: handoff.handoffBundle,
    confirmHandoff: handoff.confirmHandoff,
    takeBack: handoff.takeBack,
    importHandoff: handoff.importHandoff,
  };
}
