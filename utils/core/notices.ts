import type { CorePorts } from './ports';
import type { Notice } from './rules/notice';
import { queuePush } from './pushes';

/**
 * Shows a notice once per id (e.g. `relogin:times:134…` or `lost:times:134…:2026-11-23`), so a failing
 * account makes one notice, not one per attempt; nothing when the user turned notices off. The first
 * time, it also waits for the wake's push (utils/core/pushes.ts).
 */
export async function notifyOnce(ports: CorePorts, id: string, notice: Notice): Promise<void> {
  if (!(await ports.store.markNotified(id))) return;
  // Pushed at the end of the wake whatever the browser's notices are set to (issue 12).
  await queuePush(ports, id, notice);
  if (!(await ports.store.readSettings()).notifications) return;
  // A notifier is asked never to reject; if one does anyway, the flow that reports must not break.
  await ports.notifier.notify(id, notice).catch(() => undefined);
}

/** How notices and lists name an account (utils/account-name.ts): never by its full number. */
