import { chinaDate } from '../china-time';

// The history page's month grid. Calendar arithmetic on `YYYY-MM` / `YYYY-MM-DD` strings only (UTC
// dates stand for calendar days, so no time zone can shift a day). Pure: the time is an argument.

const pad = (n: number) => String(n).padStart(2, '0');

/** The China month of an instant, `YYYY-MM`. */
export const chinaMonth = (now: number): string => chinaDate(now).slice(0, 7);

/** The month `delta` months after `month` (`YYYY-MM`; delta may be negative). */
export function shiftMonth(month: string, delta: number): string {
  const [year, index] = month.split('-').map(Number);
  const shifted = new Date(Date.UTC(year, index - 1 + delta, 1));
  return `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}`;
}

/**
 * The weeks of a month (`YYYY-MM`), Monday first: each week 7 slots, a slot the date `YYYY-MM-DD` or
 * null for a day of the month before or after. 4 to 6 weeks.
 */
export function monthWeeks(month: string): (string | null)[][] {
  const [year, index] = month.split('-').map(Number);
  const days = new Date(Date.UTC(year, index, 0)).getUTCDate();
  // getUTCDay: Sunday 0 … Saturday 6; Monday-first puts Sunday last.
  const lead = (new Date(Date.UTC(year, index - 1, 1)).getUTCDay() + 6) % 7;
  const slots: (string | null)[] = [
    ...Array<null>(lead).fill(null),
    ...Array.from({ length: days }, (_, i) => `${month}-${pad(i + 1)}`),
  ];
  while (slots.length % 7 !== 0) slots.push(null);
  return Array.from({ length: slots.length / 7 }, (_, week) => slots.slice(week * 7, week * 7 + 7));
}
