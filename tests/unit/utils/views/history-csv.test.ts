import { describe, expect, it } from 'vitest';
import { chinaMoment } from '@/utils/china-time';
import { csvField, historyCsv } from '@/utils/views/history-csv';
import type { HistoryEntry } from '@/utils/core/rules/day-log';
import { t as say, setLanguage } from '@/utils/i18n/pages';

describe('csvField', () => {
  it.each<[string, string | number | undefined, string]>([
    ['plain text', '妈妈', '妈妈'],
    ['a number', 130, '130'],
    ['unknown', undefined, ''],
    ['a comma', '张,三', '"张,三"'],
    ['a quote', '说"好"', '"说""好"""'],
    ['a line break', 'a\nb', '"a\nb"'],
    ['a formula', '=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['a leading minus in text', '-1', "'-1"],
  ])('%s', (_name, value, field) => {
    expect(csvField(value)).toBe(field);
  });
});

describe('historyCsv', () => {
  const entries: HistoryEntry[] = [
    { date: '2026-11-23', state: 'done', at: chinaMoment('2026-11-23', '08:07') + 9_000, reward: 10, balance: 140 },
    { date: '2026-11-21', state: 'missed', at: chinaMoment('2026-11-22', '08:00') },
    { date: '2026-11-22', state: 'already', at: chinaMoment('2026-11-22', '08:03'), balance: 130 },
  ];

  it('begins with a byte-order mark and names the account on the first line', () => {
    const csv = historyCsv('134****1234', entries, say);
    expect(csv.startsWith('\uFEFF账号,134****1234\r\n')).toBe(true);
  });

  it('writes one line per day, oldest first, in China time, with empty unknown values', () => {
    const lines = historyCsv('妈妈', entries, say).slice(1).split('\r\n');
    expect(lines).toEqual([
      '账号,妈妈',
      '日期,结果,时间,奖励邦豆,余额',
      '2026-11-21,浏览器未运行，未签到,08:00:00,,',
      '2026-11-22,当日已签,08:03:00,,130',
      '2026-11-23,签到成功,08:07:09,10,140',
      '',
    ]);
  });

  it('escapes an account name that holds a comma or a quote', () => {
    expect(historyCsv('老"王",家', [], say).split('\r\n')[0]).toBe('\uFEFF账号,"老""王"",家"');
  });

  it('writes its words in the language it is given', () => {
    setLanguage('en');
    const lines = historyCsv('Mum', entries, say).slice(1).split('\r\n');
    expect(lines.slice(0, 3)).toEqual(['Account,Mum', 'Date,Result,Time,Reward points,Balance', '2026-11-21,"Browser not running, not checked in",08:00:00,,']);
  });
});
