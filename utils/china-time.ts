// "Today" for a check-in is the date in China (Asia/Shanghai, UTC+8, no daylight saving) whatever the
// browser's time zone is. China has not observed DST since 1991, so a fixed offset is exact and keeps
// these helpers pure and cheap; tests compare them with Intl in several zones.
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The China calendar date of an instant, as `YYYY-MM-DD`. */
export function chinaDate(now: number): string {
  const d = new Date(now + CHINA_OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** China wall-clock time of an instant, zero-padded `YYYY-MM-DD HH:mm:ss` (the Times API's format). */
export function chinaDateTime(now: number): string {
  const d = new Date(now + CHINA_OFFSET_MS);
  return `${chinaDate(now)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** The instant at which a China date (`YYYY-MM-DD`) shows the wall-clock time `HH:mm`. */
export function chinaMoment(date: string, time: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return Date.UTC(y, m - 1, d, hh, mm) - CHINA_OFFSET_MS;
}

/** The China date `days` after `date`. */
export function addChinaDays(date: string, days: number): string {
  return chinaDate(chinaMoment(date, '00:00') + days * DAY_MS);
}

/** The instant the China date after `now`'s begins (China midnight). */
export function nextChinaMidnight(now: number): number {
  return chinaMoment(addChinaDays(chinaDate(now), 1), '00:00');
}
