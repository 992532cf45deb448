// China has one zone (Asia/Shanghai, UTC+8, no daylight saving), so a fixed offset is exact and does
// not depend on the ICU data of the Node build running the mock.

const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** The China calendar day of an instant: `YYYY-MM-DD`. */
export function chinaDate(ms: number): string {
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The China wall-clock time of an instant: `YYYY-MM-DD HH:mm:ss` (the check-in body format). */
export function chinaDateTime(ms: number): string {
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** The instant of a China wall-clock time `YYYY-MM-DD HH:mm:ss` (lets tests set the clock readably). */
export function chinaTimeMs(dateTime: string): number {
  const ms = Date.parse(`${dateTime.replace(' ', 'T')}+08:00`);
  if (Number.isNaN(ms)) throw new RangeError(`not a China date-time: ${dateTime}`);
  return ms;
}

export const DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
