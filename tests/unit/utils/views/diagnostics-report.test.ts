import { beforeAll, describe, expect, it } from 'vitest';
import type { Exchange } from '@/utils/api/exchange';
import { PATHS } from '@/utils/api/times';
import { chinaMoment } from '@/utils/china-time';
import { appendExchanges, NO_ACCOUNT } from '@/utils/core/diagnostics';
import { loadReportWords, setLanguage, t } from '@/utils/i18n/pages';
import type { Account } from '@/utils/storage-schema';
import { diagnosticsReport } from '@/utils/views/diagnostics-report';

// The report as both homes show it: accounts in their order with masked names, one line per exchange
// and the reply's shape under it, the logs of keys that are no account said to be so.

const NOW = chinaMoment('2026-11-23', '09:30');
const PHONE = '13412341234';
const account: Account = { provider: 'times', key: `times:${PHONE}`, phone: PHONE, memberId: '1867395312345678901', server: 'https://x', session: 'active', addedAt: 0 };
const homing: Account = { provider: 'homing', key: 'homing:13800138000', mobile: '13800138000', userCode: 'u', server: 'https://h', via: 'sms', session: 'active', addedAt: 0 };

const status: Exchange = {
  at: chinaMoment('2026-11-23', '08:03') + 12_000,
  method: 'GET',
  path: PATHS.signStatus,
  status: 200,
  code: '200',
  message: 'success',
  shape: '{code:number,data:{sign:boolean},message:string}',
  ms: 312,
  reading: 'ok',
};
const collect: Exchange = { at: status.at + 1000, method: 'POST', path: PATHS.collect, status: 500, code: '500', message: '今日已签到，请勿重复签到', shape: '{code:number,data:null,message:string}', ms: 120, reading: 'already' };
const timeout: Exchange = { at: status.at + 2000, method: 'POST', path: '/v1/homing/auth/employee/login/refresh-vali-code', ms: 15_000, reading: 'timeout' };

const logs = appendExchanges(
  {},
  [
    [account.key, status],
    [account.key, collect],
    ['homing:13800138000', status],
    ['times:13900139001', status],
    [NO_ACCOUNT, timeout],
  ],
  [account.key, homing.key, 'times:13900139001'],
);

describe('diagnosticsReport', () => {
  beforeAll(() => Promise.all([loadReportWords('zh-CN'), loadReportWords('en')]));

  it('says what it is, when, and what it leaves out, then each account in order', () => {
    setLanguage('zh-CN');
    const report = diagnosticsReport({ logs, accounts: [homing, account], now: NOW, home: '浏览器扩展 0.1.0', t });
    const lines = report.split('\n');
    expect(lines[0]).toBe('邻里签到诊断报告 · 浏览器扩展 0.1.0 · 2026-11-23 09:30（中国时间）');
    expect(lines[1]).toContain('不含令牌');
    expect(lines.filter((line) => line.startsWith('== '))).toEqual([
      '== homing 138****8000 · 最近 1 次请求 ==',
      '== times 134****1234 · 最近 2 次请求 ==',
      '== times 139****9001（未添加的账号） · 最近 1 次请求 ==',
      '== 不属于任何账号的请求（图形验证码、智桂通登录） · 最近 1 次请求 ==',
    ]);
  });

  it('writes one line per exchange, its reply shape under it', () => {
    setLanguage('en');
    const report = diagnosticsReport({ logs, accounts: [account], now: NOW, home: 'always-on runner', t });
    const section = report.split('\n\n').find((part) => part.startsWith('== times 134****1234'))!;
    expect(section.split('\n')).toEqual([
      '== times 134****1234 · latest requests: 2 ==',
      `11-23 08:03:12  GET   ${PATHS.signStatus}  200  code=200  "success"  312ms  ok`,
      '    {code:number,data:{sign:boolean},message:string}',
      `11-23 08:03:13  POST  ${PATHS.collect}  500  code=500  "今日已签到，请勿重复签到"  120ms  already`,
      '    {code:number,data:null,message:string}',
    ]);
    expect(report).toContain('11-23 08:03:14  POST  /v1/homing/auth/employee/login/refresh-vali-code  -  15000ms  timeout');
    expect(report).not.toContain(PHONE);
    expect(report).not.toContain('13900139001');
  });

  it('says when there is nothing yet', () => {
    setLanguage('en');
    expect(diagnosticsReport({ logs: {}, accounts: [account], now: NOW, home: 'x', t }).split('\n').at(-1)).toBe('No exchange with the services yet.');
  });
});
