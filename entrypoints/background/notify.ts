import { browser } from 'wxt/browser';
import type { Notifier } from '@/utils/core/ports';
import { resolveLanguage } from '@/utils/i18n/core';
import { noticeText } from '@/utils/views/notice-text';
import { readSettings } from '@/utils/extension/storage';
import { uiLanguage } from '@/utils/extension/ui-language';

let warned = false;

/** The language the worker words things in now: the setting, or the browser's UI language for `auto`. */
export async function workerLanguage() {
  return resolveLanguage((await readSettings()).language, uiLanguage());
}

/**
 * The extension's notifier: a browser notification per notice, in the language of the moment. A
 * browser that can't show one (no support, permission withdrawn by the system) is logged once per
 * worker, with no secret in the line, and nothing else changes: the check-in that reports stands.
 */
export const browserNotifier: Notifier = {
  async notify(id, notice) {
    const { title, message } = noticeText(notice, await workerLanguage());
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
