import { TIMES_PRODUCTION_URL } from './api/times';
import { settingsSchema, TIME_OF_DAY, type Settings } from './storage-schema';

// The options form: what the user typed, checked before anything is saved. Pure.

export interface SettingsForm {
  timesBaseUrl: string;
  homingBaseUrl: string;
  checkinTime: string;
  randomDelayMinutes: string | number;
  notifications: boolean;
  autoClaim: boolean;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** An http(s) base URL without a trailing slash, or an error message. */
export function normaliseBaseUrl(raw: string): { url: string } | { error: string } {
  let parsed: URL;
  try {
    parsed = new URL(raw.trim());
  } catch {
    return { error: `“${raw.trim()}” 不是有效的网址` };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return { error: '服务地址须以 https:// 或 http:// 开头' };
  // Tokens and passwords travel to this address: in clear text only to this computer (a local test server).
  if (parsed.protocol === 'http:' && !LOOPBACK_HOSTS.has(parsed.hostname)) return { error: '为保护登录信息，只有本机地址可以使用 http://，其他地址请用 https://' };
  if (parsed.search || parsed.hash || parsed.username || parsed.password) return { error: '服务地址不能包含参数、# 或账号信息' };
  return { url: `${parsed.origin}${parsed.pathname}`.replace(/\/+$/, '') };
}

export function validateSettings(form: SettingsForm): { settings: Settings } | { error: string } {
  const times = normaliseBaseUrl(form.timesBaseUrl);
  if ('error' in times) return { error: `时代邻里服务地址：${times.error}` };
  let homingBaseUrl = '';
  if (form.homingBaseUrl.trim()) {
    const homing = normaliseBaseUrl(form.homingBaseUrl);
    if ('error' in homing) return { error: `Homing 服务地址：${homing.error}` };
    homingBaseUrl = homing.url;
  }
  if (!TIME_OF_DAY.test(form.checkinTime)) return { error: '签到时间须为 HH:mm（中国时间），例如 08:00' };
  const delay = typeof form.randomDelayMinutes === 'number' ? form.randomDelayMinutes : Number(String(form.randomDelayMinutes).trim() || NaN);
  if (!Number.isInteger(delay) || delay < 0 || delay > 180) return { error: '随机延迟须为 0 到 180 之间的整数（分钟）' };
  const settings: Settings = {
    timesBaseUrl: times.url,
    homingBaseUrl,
    checkinTime: form.checkinTime,
    randomDelayMinutes: delay,
    notifications: form.notifications,
    autoClaim: form.autoClaim,
  };
  return settingsSchema.safeParse(settings).success ? { settings } : { error: '设置无效' };
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
