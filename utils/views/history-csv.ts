import { chinaDateTime } from '../china-time';
import type { HistoryEntry } from '../core/rules/day-log';
import type { HistoryState } from '../storage-schema';

// The history export (issue 6). Pure: the entries and the account's name are arguments. What it holds
// is what the page shows: no token, no full phone number (the caller names the account by its nickname
// or masked phone).

const BOM = '\uFEFF';
const HEADER = ['history.csv.date', 'history.csv.result', 'history.csv.time', 'history.csv.reward', 'history.csv.balance'] as const;

/** The words the file uses, in the language it is written in. */
export type CsvKey = (typeof HEADER)[number] | 'history.csv.account' | `history.state.${HistoryState}`;
export type Say = (key: CsvKey) => string;

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
 * The CSV of an account's history, its words in the language `say` speaks: UTF-8 text beginning with a
 * byte-order mark (so Excel reads the Chinese), CRLF line ends. First line `账号,<name>` (Account),
 * then the header 日期,结果,时间,奖励邦豆,余额, then one line per day, oldest first: China date, the
 * state in words, China time `HH:mm:ss`, the reward and the balance (empty when unknown).
 */
export function historyCsv(accountName: string, entries: HistoryEntry[], say: Say): string {
  const days = [...entries].sort((a, b) => a.date.localeCompare(b.date));
  const lines = [
    line([say('history.csv.account'), accountName]),
    line(HEADER.map(say)),
    ...days.map((day) => line([day.date, say(`history.state.${day.state}`), chinaDateTime(day.at).slice(11), day.reward, day.balance])),
  ];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
