import { chinaDateTime } from './china-time';
import type { HistoryEntry } from './history';
import { HISTORY_STATE_LABELS } from './history-labels';

// The history export (issue 6). Pure: the entries and the account's name are arguments. What it holds
// is what the page shows: no token, no full phone number (the caller names the account by its nickname
// or masked phone).

const BOM = '\uFEFF';
const HEADER = ['日期', '结果', '时间', '奖励邦豆', '余额'];

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break, quotes doubled. A
 * text that a spreadsheet would run as a formula (= + - @ first) gets a leading apostrophe.
 */
export function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const line = (fields: (string | number | undefined)[]) => fields.map(csvField).join(',');

/**
 * The CSV of an account's history: UTF-8 text beginning with a byte-order mark (so Excel reads the
 * Chinese), CRLF line ends. First line `账号,<name>`, then the header 日期,结果,时间,奖励邦豆,余额, then
 * one line per day, oldest first: China date, the state in words, China time `HH:mm:ss`, the reward
 * and the balance (empty when unknown).
 */
export function historyCsv(accountName: string, entries: HistoryEntry[]): string {
  const days = [...entries].sort((a, b) => a.date.localeCompare(b.date));
  const lines = [
    line(['账号', accountName]),
    line(HEADER),
    ...days.map((day) => line([day.date, HISTORY_STATE_LABELS[day.state], chinaDateTime(day.at).slice(11), day.reward, day.balance])),
  ];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
