import { browser } from 'wxt/browser';
import { BADGE, badgeState } from '@/utils/badge';
import { nextChinaMidnight } from '@/utils/china-time';
import { nextCheckinAt, nextWakeAt } from '@/utils/schedule';
import { refreshDueAt } from '@/utils/session';
import { readAccounts, readCheckins, readSecrets, readSettings } from '@/utils/storage';

// One alarm, set for the next moment anything is due: a check-in, a retry, a session refresh, a
// Homing session expiring. Computed from stored state by the pure functions in utils/.

export const ALARM_NAME = 'linli-next-due';

export async function nextWake(now: number): Promise<number | undefined> {
  const [accounts, records, secrets, settings] = await Promise.all([readAccounts(), readCheckins(), readSecrets(), readSettings()]);
  const moments = accounts.flatMap((account) => {
    if (account.provider === 'homing') return account.session === 'active' ? [account.expiresAt] : [];
    if (account.session !== 'active') return [];
    const secret = secrets[account.key];
    return [
      nextCheckinAt({ key: account.key, canCheckIn: true, record: records[account.key] }, settings, now),
      secret?.provider === 'times' ? refreshDueAt(secret) : undefined,
    ];
  });
  // At China midnight yesterday's ✓ or ! must leave the badge.
  if (accounts.some((account) => account.provider === 'times')) moments.push(nextChinaMidnight(now));
  return nextWakeAt(moments, now);
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

export async function updateBadge(now: number): Promise<void> {
  const [accounts, records] = await Promise.all([readAccounts(), readCheckins()]);
  const { text, color } = BADGE[badgeState(accounts, records, now)];
  await browser.action.setBadgeText({ text });
  await browser.action.setBadgeBackgroundColor({ color });
}
