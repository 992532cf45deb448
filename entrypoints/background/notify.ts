import { browser } from 'wxt/browser';
import type { Notifier } from '@/utils/core/ports';
import { noticeText } from '@/utils/notice-text';

let warned = false;

/**
 * The extension's notifier: a browser notification per notice. A browser that can't show one (no
 * support, permission withdrawn by the system) is logged once per worker, with no secret in the
 * line, and nothing else changes: the check-in that reports stands.
 */
export const browserNotifier: Notifier = {
  async notify(id, notice) {
    const { title, message } = noticeText(notice);
    try {
      await browser.notifications.create(id, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title, message });
    } catch (error) {
      if (warned) return;
      warned = true;
      // eslint-disable-next-line no-console -- the one trace a missing notification leaves; no secret in it
      console.warn(`[linli] notifications unavailable (${error instanceof Error ? error.name : typeof error}); continuing without them`);
    }
  },
};
