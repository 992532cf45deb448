// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { plantSecrets } from '../mock-api/planted-secrets';
import type { ExtensionSession } from './harness/browser';
import { checkinTimeNotYetDue, loginTimes, saveOptions } from './harness/flows';
import { useE2E } from './harness/lifecycle';
import { OptionsPage } from './harness/options-page';
import { poll } from './harness/wait';

// The diagnostics report (issue 13) through the built extension: replies of the mock quote every
// secret in every field (tokens, the SMS code, the phone, the member id, a captcha image, a password,
// a push key); the options page's report shows each exchange and none of them. Tokens are read from
// the worker only to plant them, and assertions print whether a secret was found, never the secret.

const PHONE = '13412341234';
const KEY = `times:${PHONE}`;
const testId = (id: string) => `[data-testid="${id}"]`;
const OVERDUE = '/times/member-bff/member/api-c/v1/member/overdueIntegral';
const COLLECT = '/times/member-bff/user-behaviour//api-c/v1/user-behaviour/collect';

const e2e = useE2E();

// The extension API inside worker.evaluate, which runs in the extension's realm.
declare const chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };

/** The account's stored tokens (to plant them in the mock's replies). */
function storedTokens(s: ExtensionSession): Promise<string[]> {
  return s.worker.evaluate(async (key) => {
    const { secrets } = await chrome.storage.local.get('secrets');
    const secret = (secrets as Record<string, { token: string; refreshToken: string }>)[key];
    return [secret.token, secret.refreshToken];
  }, KEY);
}

describe('diagnostics report', () => {
  it('shows each exchange on the options page, with none of the secrets the replies quoted, and copies it', async () => {
    const s = await e2e.launch();
    await saveOptions(s, { timesBaseUrl: e2e.mock.url, checkinTime: await checkinTimeNotYetDue(), randomDelayMinutes: 0 });
    const { item } = await loginTimes(s, e2e.mock, PHONE);
    const secrets = plantSecrets(e2e.mock, { phone: PHONE, smsCode: e2e.mock.times.lastCode(PHONE)!, memberId: e2e.mock.times.memberId(PHONE), tokens: await storedTokens(s) });

    // The planted check-in answer fails the day; the second check-in goes through and reads the 邦豆.
    await item.checkinButton.click();
    expect(await item.waitForState(['failed', 'done'])).toBe('failed');
    await item.checkinButton.click();
    expect(await item.waitForState('done')).toBe('done');

    const options = await OptionsPage.open(s);
    const box = options.page.locator(testId('diagnostics'));
    expect(await box.getAttribute('readonly')).not.toBeNull();
    const report = await poll(async () => {
      const value = await box.inputValue();
      return value.includes(OVERDUE) ? value : undefined;
    }, 10_000, 'the report never showed the expiring points read');

    expect(report.split('\n')[0]).toMatch(/^邻里签到诊断报告 · 浏览器扩展 \d+\.\d+\.\d+ · \d{4}-\d\d-\d\d \d\d:\d\d（中国时间）$/);
    expect(report).toMatch(/== times 134\*{4}1234 · 最近 \d+ 次请求 ==/);
    expect(report).toContain(`POST  ${COLLECT}  200  code=***  "手机 134****1234 验证码 ****** 会员 *** 令牌 *** *** 图片 data:*** 密码 *** key ***"`);
    expect(report).toMatch(new RegExp(`GET {3}${OVERDUE} {2}502 {2}\\d+ms {2}server\\n {4}text\\(\\d+\\)`));
    const found = Object.fromEntries(secrets.map((secret, i) => [`secret ${i}`, report.includes(secret)]));
    expect(found).toEqual(Object.fromEntries(secrets.map((_, i) => [`secret ${i}`, false])));
    // Nor does the stored log (its names are masked too).
    const stored = await s.worker.evaluate(async () => JSON.stringify(await chrome.storage.local.get('diagnostics')));
    expect(secrets.filter((secret) => stored.includes(secret))).toHaveLength(0);

    await s.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await options.page.locator(testId('diagnostics-copy')).click();
    await options.page.locator('.diagnostics [role="status"] .notice').waitFor();
    expect(await options.page.evaluate(() => navigator.clipboard.readText())).toBe(await box.inputValue());
  });
});
