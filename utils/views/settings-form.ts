import { TIMES_PRODUCTION_URL } from '../hosts';
import { text, type Text } from '../i18n/keys';
import { settingsSchema, TIME_OF_DAY, type Settings } from '../storage-schema';

// The options form: what the user typed, checked before anything is saved. Pure.

export interface SettingsForm extends Omit<Settings, 'randomDelayMinutes'> {
  randomDelayMinutes: string | number;
}

/** The fields a refusal can be about: the page shows it there and moves the focus to it. */
export type SettingsField = 'timesBaseUrl' | 'homingBaseUrl' | 'checkinTime' | 'randomDelayMinutes';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** An http(s) base URL without a trailing slash, or why not. */
export function normaliseBaseUrl(raw: string): { url: string } | { error: Text } {
  let parsed: URL;
  try {
    parsed = new URL(raw.trim());
  } catch {
    return { error: text('options.error.badUrl', { url: raw.trim() }) };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return { error: text('options.error.scheme') };
  // Tokens and passwords travel to this address: in clear text only to this computer (a local test server).
  if (parsed.protocol === 'http:' && !LOOPBACK_HOSTS.has(parsed.hostname)) return { error: text('options.error.httpOnlyLocal') };
  if (parsed.search || parsed.hash || parsed.username || parsed.password) return { error: text('options.error.urlExtras') };
  return { url: `${parsed.origin}${parsed.pathname}`.replace(/\/+$/, '') };
}

/**
 * A time of day as typed: `HH:mm` 24-hour, an hour of one digit padded (`8:05` → `08:05`); undefined
 * when it is no such time. Always read as China time, whatever the browser's locale.
 */
export function normaliseTime(raw: string): string | undefined {
  const match = /^\s*(\d{1,2}):(\d{2})\s*$/.exec(raw);
  const time = match ? `${match[1].padStart(2, '0')}:${match[2]}` : '';
  return TIME_OF_DAY.test(time) ? time : undefined;
}

/** Minutes of random delay as typed: a whole number from 0 to 180; undefined otherwise. */
export function normaliseDelay(raw: string | number): number | undefined {
  const delay = typeof raw === 'number' ? raw : Number(String(raw).trim() || NaN);
  return Number.isInteger(delay) && delay >= 0 && delay <= 180 ? delay : undefined;
}

export function validateSettings(form: SettingsForm): { settings: Settings } | { error: Text; field?: SettingsField } {
  const times = normaliseBaseUrl(form.timesBaseUrl);
  if ('error' in times) return { error: times.error, field: 'timesBaseUrl' };
  let homingBaseUrl = '';
  if (form.homingBaseUrl.trim()) {
    const homing = normaliseBaseUrl(form.homingBaseUrl);
    if ('error' in homing) return { error: homing.error, field: 'homingBaseUrl' };
    homingBaseUrl = homing.url;
  }
  const checkinTime = normaliseTime(form.checkinTime);
  if (!checkinTime) return { error: text('options.error.time'), field: 'checkinTime' };
  const delay = normaliseDelay(form.randomDelayMinutes);
  if (delay === undefined) return { error: text('options.error.delay'), field: 'randomDelayMinutes' };
  const settings: Settings = {
    timesBaseUrl: times.url,
    homingBaseUrl,
    checkinTime,
    randomDelayMinutes: delay,
    notifications: form.notifications,
    autoClaim: form.autoClaim,
    language: form.language,
    theme: form.theme,
  };
  return settingsSchema.safeParse(settings).success ? { settings } : { error: text('options.error.invalid') };
}

/**
 * Host permissions the settings need beyond the manifest's: every host but the production Times host
 * is the user's choice and is asked for at runtime (optional_host_permissions).
 */
export function originsToRequest(settings: Settings): string[] {
  const production = new URL(TIMES_PRODUCTION_URL).origin;
  const origins = [settings.timesBaseUrl, settings.homingBaseUrl]
    .filter((url) => url)
    .map((url) => new URL(url).origin)
    .filter((origin) => origin !== production);
  return [...new Set(origins)].map((origin) => `${origin}/*`);
}
