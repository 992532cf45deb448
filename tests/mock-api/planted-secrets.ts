import type { MockApi } from './server';

// Replies that quote secrets in every field they have, for the diagnostics tests (issue 13): the
// sign-in status gains data keys and values holding them, the check-in answers with an envelope whose
// code, message and msg hold them, the 邦豆 records with an OAuth-style error holding them, the expiring
// points with an HTML error page quoting them. None may reach a diagnostics report.

/** What a captcha image looks like on the wire. */
export const CAPTCHA = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
/** A password as the services require one (letters and digits). */
export const PASSWORD = 'Tr0ub4dor&3';
/** A push key (Server酱). */
export const PUSH_KEY = 'SCT254817TqPzXw9LmKd3R';

export interface Secrets {
  phone: string;
  smsCode: string;
  memberId: string;
  /** The session's tokens as stored when planting. */
  tokens: string[];
}

/** Plants `secrets` (and a captcha, a password, a push key) in the mock's next replies; resolves to every planted secret. */
export function plantSecrets(mock: MockApi, secrets: Secrets): string[] {
  const { phone, smsCode, memberId, tokens } = secrets;
  const all = [phone, smsCode, memberId, ...tokens, CAPTCHA, PASSWORD, PUSH_KEY];
  const saying = `手机 ${phone} 验证码 ${smsCode} 会员 ${memberId} 令牌 ${tokens.join(' ')} 图片 ${CAPTCHA} 密码 ${PASSWORD} key ${PUSH_KEY}`;
  const echo = { mobile: phone, mobileCode: smsCode, passwd: PASSWORD, valiCodeImg: CAPTCHA, token: tokens[0], [phone]: { [memberId]: PUSH_KEY } };
  mock.times.reshape('times.signStatus', (data) => ({ ...(data as object), note: saying, echo }));
  mock.inject({ route: 'times.collect', kind: 'reply', reply: { status: 200, body: { code: tokens[0], message: saying, msg: saying, data: echo } } });
  mock.inject({ route: 'times.pointsRecords', kind: 'reply', reply: { status: 400, body: { error: PUSH_KEY, error_description: saying } } });
  mock.inject({ route: 'times.expiringPoints', kind: 'reply', reply: { status: 502, body: `<html><body>${saying}</body></html>` } });
  return all;
}
