import { browser } from 'wxt/browser';
import { BADGE, badgeState, badgeTitle } from '@/utils/views/badge';
import { wordIn } from '@/utils/i18n/core';
import { nextWakeAt } from '@/utils/core/rules/checkin-schedule';
import { readAccounts, readCheckins } from '@/utils/extension/storage';
import { engine } from './engine';
import { workerLanguage } from './notify';

// One alarm, set for the next moment anything is due: a check-in, a retry, a session refresh, a
// Homing session expiring. Computed from stored state by the pure functions in utils/.

export const ALARM_NAME = 'linli-next-due';

export async function nextWake(now: number): Promise<number | undefined> {
  const homing = (await readAccounts()).flatMap((account) =>
    account.provider === 'homing' && account.session === 'active' ? [account.expiresAt] : [],
  );
  return nextWakeAt([...(await engine.wakeMoments(now)), ...homing], now);
}

/** Sets the alarm, or leaves it alone when it already rings at the right moment (within a second). */
export async function ensureAlarm(now: number): Promise<void> {
  const [when, existing] = await Promise.all([nextWake(now), browser.alarms.get(ALARM_NAME)]);
  if (when === undefined) {
    if (existing) await browser.alarms.clear(ALARM_NAME);
    return;
  }
  if (existing && Math.abs(existing.scheduledTime - when) < 1_000) return;
  await browser.alarms.create(ALARM_NAME, { when });
}

/** The badge (a mark and a colour) and the button's title, which says the same in words. */
export async function updateBadge(now: number): Promise<void> {
  const [accounts, records, lang] = await Promise.all([readAccounts(), readCheckins(), workerLanguage()]);
  const { text, color } = BADGE[badgeState(accounts, records, now)];
  await browser.action.setBadgeText({ text });
  await browser.action.setBadgeBackgroundColor({ color });
  await browser.action.setTitle({ title: wordIn(lang, badgeTitle(accounts, records, now)) });
}
