import { TIMES_PRODUCTION_URL } from '../hosts';
import { halfWidth } from '../phone-input';
import { text, type Text } from '../i18n/keys';
import { settingsSchema, TIME_OF_DAY, type Settings } from '../storage-schema';

// The options form: what the user typed, checked before anything is saved. Pure.

export interface SettingsForm extends Omit<Settings, 'randomDelayMinutes'> {
  randomDelayMinutes: string | number;
}

/** The fields a refusal can be about: the page shows it there and moves the focus to it. */
export type SettingsField = 'timesBaseUrl' | 'homingBaseUrl' | 'checkinTime' | 'randomDelayMinutes';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

const SCHEME = /^[a-z][a-z\d+.-]*:/i;
/** `localhost:8787` parses as a URL of scheme `localhost:`: a name, a colon and digits is a host and port. */
const HOST_AND_PORT = /^[^:/]+:\d/;

/** The address a typed one without its scheme most likely meant: http:// only for this computer. */
function withScheme(typed: string): string {
  const host = typed.startsWith('[') ? typed.slice(0, typed.indexOf(']') + 1) : typed.split(/[/:?#]/)[0].toLowerCase();
  return `${LOOPBACK_HOSTS.has(host) ? 'http' : 'https'}://${typed}`;
}

/**
 * An http(s) base URL without a trailing slash, or why not. An address typed without its scheme
 * (`m-center.example.cn`, `localhost:8787`) is refused with the one it most likely meant
 * (options.error.noScheme, "did you mean https://…"), never taken silently: tokens go there.
 */
export function normaliseBaseUrl(raw: string): { url: string } | { error: Text } {
  const typed = raw.trim();
  if (typed && !typed.includes('://') && (!SCHEME.test(typed) || HOST_AND_PORT.test(typed))) {
    const meant = normaliseBaseUrl(withScheme(typed));
    if ('url' in meant) return { error: text('options.error.noScheme', { url: meant.url }) };
  }
  let parsed: URL;
  try {
    parsed = new URL(typed);
  } catch {
    return { error: text('options.error.badUrl', { url: typed }) };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return { error: text('options.error.scheme') };
  // Tokens and passwords travel to this address: in clear text only to this computer (a local test server).
  if (parsed.protocol === 'http:' && !LOOPBACK_HOSTS.has(parsed.hostname)) return { error: text('options.error.httpOnlyLocal') };
  if (parsed.search || parsed.hash || parsed.username || parsed.password) return { error: text('options.error.urlExtras') };
  return { url: `${parsed.origin}${parsed.pathname}`.replace(/\/+$/, '') };
}

/**
 * A time of day as typed: `HH:mm` 24-hour, an hour of one digit padded (`8:05` → `08:05`), full-width
 * digits and colon folded (`８：００`), stray spaces dropped (utils/phone-input.ts halfWidth); undefined
 * when it is no such time. Always read as China time, whatever the browser's locale.
 */
export function normaliseTime(raw: string): string | undefined {
  const match = /^(\d{1,2}):(\d{2})$/.exec(halfWidth(raw).replace(/\s+/g, ''));
  const time = match ? `${match[1].padStart(2, '0')}:${match[2]}` : '';
  return TIME_OF_DAY.test(time) ? time : undefined;
}

/**
 * Minutes of random delay as typed: a whole number from 0 to 180, full-width digits and stray spaces
 * accepted (`１０`, ` 1 0 `); undefined otherwise.
 */
export function normaliseDelay(raw: string | number): number | undefined {
  const digits = typeof raw === 'number' ? '' : halfWidth(raw).replace(/\s+/g, '');
  const delay = typeof raw === 'number' ? raw : /^\d+$/.test(digits) ? Number(digits) : NaN;
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
