import { describe, expect, it } from 'vitest';
import type { PushMessage } from '@/utils/core/rules/push-policy';
import { text } from '@/utils/i18n/keys';
import { noticeText } from '@/utils/views/notice-text';
import { pushText, testPushText } from '@/utils/views/push-text';

// How a push reads on the phone, in both languages: one alert as the browser's notice says it, several
// under a count, the daily summary as one line.

const SUMMARY: PushMessage['summary'] = {
  done: 2,
  total: 3,
  accounts: [
    { account: '妈妈', outcome: 'done', reward: 5, streak: 12 },
    { account: '爸爸', outcome: 'already', streak: 3 },
    { account: '134****0003', outcome: 'relogin' },
  ],
};

describe('push text', () => {
  it('words one alert as the browser notice does', () => {
    const notice = { kind: 'relogin', account: '妈妈' } as const;
    const { title, message } = noticeText(notice, 'zh-CN');
    expect(pushText({ alerts: [notice] }, 'zh-CN')).toEqual({ title, body: message, group: '邻里签到' });
  });

  it('gives several alerts a count and a line each, the summary last', () => {
    const message: PushMessage = {
      alerts: [
        { kind: 'relogin', account: '妈妈' },
        { kind: 'lost', account: '爸爸', date: '2026-11-23', reason: text('error.timeout') },
      ],
      summary: SUMMARY,
    };
    expect(pushText(message, 'zh-CN')).toEqual({
      title: '邻里签到：2 条提醒',
      body: [
        '账号 妈妈 的登录已失效，请重新登录。',
        '2026-11-23 未能签到（账号 爸爸）：请求超时，请检查网络后重试',
        '今日签到 2/3 · 妈妈 ✓ +5 连续 12 天 · 爸爸 ✓ 连续 3 天 · 134****0003 ✗ 需要重新登录',
      ].join('\n'),
      group: '邻里签到',
    });
  });

  it('words the summary alone, in English too', () => {
    expect(pushText({ alerts: [], summary: SUMMARY }, 'en')).toEqual({
      title: 'Linli Check-in: daily summary',
      body: 'Checked in today 2/3 · 妈妈 ✓ +5 12-day streak · 爸爸 ✓ 3-day streak · 134****0003 ✗ must log in again',
      group: 'Linli Check-in',
    });
  });

  it('says a lost day with no recorded reason in words, never as a key', () => {
    const { body } = pushText({ alerts: [{ kind: 'lost', account: '妈妈', date: '2026-11-23' }] }, 'en');
    expect(body).toBe('No check-in on 2026-11-23 (account 妈妈): The browser was closed or the computer asleep, so the check-in did not run');
  });

  it('has a test message in both languages', () => {
    expect(testPushText('zh-CN').title).toBe('邻里签到：测试消息');
    expect(testPushText('en').body).toBe('Push works: check-in alerts will arrive here.');
  });
});
