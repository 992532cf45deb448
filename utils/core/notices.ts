import type { CorePorts, Notice } from './ports';

/**
 * Shows a notice once per id (e.g. `relogin:times:134…` or `lost:times:134…:2026-11-23`), so a failing
 * account makes one notice, not one per attempt; nothing when the user turned notices off.
 */
export async function notifyOnce(ports: CorePorts, id: string, notice: Notice): Promise<void> {
  if (!(await ports.store.markNotified(id))) return;
  if (!(await ports.store.readSettings()).notifications) return;
  // A notifier is asked never to reject; if one does anyway, the flow that reports must not break.
  await ports.notifier.notify(id, notice).catch(() => undefined);
}

/** How notices and lists name an account (utils/account-name.ts): never by its full number. */
