import { describe, expect, it } from 'vitest';
import { redactText } from '@/utils/redact';

// The server's words as a diagnostics report keeps them: the sentence stays, numbers and secrets go.

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMzQxMjM0MTIzNCJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ';

describe('redactText', () => {
  it.each([
    ['keeps a sentence without numbers or secrets', '今天已经签到过了', [], '今天已经签到过了'],
    ['keeps a short status number', '系统繁忙 (500)', [], '系统繁忙 (500)'],
    ['masks a mobile number the house way', '手机号 13412341234 未注册', [], '手机号 134****1234 未注册'],
    ['masks a mobile number written in full-width digits', '手机号１３４１２３４１２３４', [], '手机号134****1234'],
    ['masks an SMS code digit by digit', '验证码 482913 已过期', [], '验证码 ****** 已过期'],
    ['masks a 19-digit member id', 'member 1867395312345678901 not found', [], 'member *** not found'],
    ['masks a JWT', `token ${JWT} expired`, [], 'token *** expired'],
    ['masks a UUID-like refresh token', 'invalid refresh token: d3b07384-d113-4ec6-a0a1-5f8e0f6d2c11', [], 'invalid refresh token: ***'],
    ['masks a captcha data URL', '图片 data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB 无效', [], '图片 data:*** 无效'],
    ['masks a value the request carried, digits or not', '密码 correcthorse 错误', ['correcthorse'], '密码 *** 错误'],
    ['masks a password-like word it was never sent', '密码 Tr0ub4dor&3 错误', [], '密码 *** 错误'],
    ['keeps a word of letters only', 'Bad credentials for user_behaviour', [], 'Bad credentials for user_behaviour'],
    ['leaves values shorter than four characters alone', 'scope all is allowed', ['all'], 'scope all is allowed'],
  ] as const)('%s', (_name, input, sent, expected) => {
    expect(redactText(input, sent)).toBe(expected);
  });

  it('changes nothing in a text it redacted already', () => {
    const once = redactText('手机 13412341234 验证码 482913 token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln 密码 Tr0ub4dor&3');
    expect(redactText(once)).toBe(once);
  });

  it('cuts a long message with an ellipsis', () => {
    const cut = redactText('很长的消息'.repeat(40), [], 30);
    expect(cut).toHaveLength(30);
    expect(cut.endsWith('…')).toBe(true);
  });
});
