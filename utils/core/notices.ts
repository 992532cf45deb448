import { maskPhone } from '../mask';
import type { Account } from '../storage-schema';
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

/** How notices and lists name an account: its nickname, else its masked phone (never the full number). */
export function displayName(account: Account): string {
  if (account.provider === 'times') return account.nickname || maskPhone(account.phone);
  return account.mobile ? maskPhone(account.mobile) : account.userCode;
}
