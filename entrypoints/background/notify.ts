import { browser } from 'wxt/browser';
import { markNotified, readSettings } from '@/utils/storage';

/**
 * Shows a notification once per id (e.g. `relogin:times:134…` or `lost:times:134…:2026-11-23`), so a
 * failing account makes one notification, not one per attempt. Messages never carry tokens.
 */
export async function notifyOnce(id: string, title: string, message: string): Promise<void> {
  if (!(await markNotified(id))) return;
  if (!(await readSettings()).notifications) return;
  try {
    await browser.notifications.create(id, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title,
      message,
    });
  } catch {
    // A browser without notification support must not break the check-in that reports.
  }
}
