import type { MockApi } from '../../mock-api/server';
import { chinaDateTime, chinaTimeMs } from '../../mock-api/china-time';
import type { ExtensionSession } from './browser';
import { OptionsPage, type OptionsInput } from './options-page';
import { PopupPage, type AccountItem } from './popup-page';
import { sleep } from './wait';

// Steps several scenarios share: configure the extension, log a Times account in.

export async function saveOptions(session: ExtensionSession, input: OptionsInput): Promise<void> {
  const options = await OptionsPage.open(session);
  await options.save(input);
  await options.close();
}

/** Opens the popup and logs `phone` in by SMS, reading the code from the mock as the user's phone would. */
export async function loginTimes(session: ExtensionSession, mock: MockApi, phone: string): Promise<{ popup: PopupPage; item: AccountItem }> {
  const popup = await PopupPage.open(session);
  const item = await popup.loginTimes(phone, (p) => mock.times.lastCode(p));
  return { popup, item };
}

/**
 * A daily check-in time that is still ahead today in China, so nothing is due automatically: 23:59.
 * From 23:57 on that is too close (and any earlier time has passed), so this waits for China midnight
 * rather than guess: "now + 2 h" would be a time that already passed today, i.e. due at once.
 */
export async function checkinTimeNotYetDue(): Promise<string> {
  const now = Date.now();
  const today = chinaDateTime(now).slice(0, 10);
  const cutoff = chinaTimeMs(`${today} 23:57:00`);
  if (now >= cutoff) await sleep(chinaTimeMs(`${today} 23:59:59`) + 2_000 - now);
  return '23:59';
}
