// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { checkinTimeNotYetDue, loginTimes, saveOptions } from './harness/flows';
import { useE2E } from './harness/lifecycle';
import { OptionsPage } from './harness/options-page';
import { observe, poll } from './harness/wait';

// Push to the phone (issue 12) in the built extension: a test message from the options page, channels
// kept in storage.local only, and a re-login alert the worker pushes once, whatever follows.

const PHONE = '13412341234';
const e2e = useE2E();

// The extension API inside worker.evaluate, in the extension's realm.
declare const chrome: { storage: { local: { get(keys: string): Promise<Record<string, unknown>> }; sync: { get(keys: null): Promise<Record<string, unknown>> } } };

describe('push', () => {
  it('sends a test message from the options page, says when one was not delivered, and keeps the channel in storage.local only', async () => {
    const s = await e2e.launch();
    const options = await OptionsPage.open(s);
    const good = await options.addPushChannel('bark', `${e2e.mock.url}/push/bark/e2eBarkKey`);
    expect(await options.testPush(good)).toBe(true);
    const [delivery] = e2e.mock.push.received('bark');
    expect(delivery).toMatchObject({ key: 'e2eBarkKey', title: '邻里签到：测试消息' });

    const refused = await options.addPushChannel('wecom', `${e2e.mock.url}/push/wecom/cgi-bin/webhook/send?key=bad`);
    expect(await options.testPush(refused)).toBe(false);
    // A redirect is not followed by the browser either: the key never reaches the other address.
    const redirected = await options.addPushChannel('bark', `${e2e.mock.url}/push/bark/redirect`);
    expect(await options.testPush(redirected)).toBe(false);
    expect(await redirected.locator('[data-testid="push-test-result"]').textContent()).toContain('重定向');
    expect(e2e.mock.push.stolen).toBe(0);
    for (const row of [redirected, refused]) await row.locator('[data-testid="push-remove"]').click();
    await options.page.locator('[data-testid="push-digest"]').check();
    await options.save({});
    await options.close();

    const again = await OptionsPage.open(s);
    expect(await again.pushChannels.count()).toBe(1);
    expect(await again.pushChannels.first().locator('[data-testid="push-type"]').inputValue()).toBe('bark');
    expect(await again.page.locator('[data-testid="push-digest"]').isChecked()).toBe(true);
    const stored = await s.worker.evaluate(async () => ({ local: (await chrome.storage.local.get('push')).push, sync: await chrome.storage.sync.get(null) }));
    expect(stored.sync).toEqual({});
    expect(stored.local).toMatchObject({ digest: true, channels: [{ type: 'bark' }] });
  });

  it('pushes a re-login alert from the worker once, whatever runs after it', async () => {
    const s = await e2e.launch();
    await saveOptions(s, { timesBaseUrl: e2e.mock.url, checkinTime: await checkinTimeNotYetDue(), randomDelayMinutes: 0 });
    const options = await OptionsPage.open(s);
    await options.addPushChannel('bark', `${e2e.mock.url}/push/bark/e2eBarkKey`);
    await options.save({});
    await options.close();
    const { item } = await loginTimes(s, e2e.mock, PHONE);

    // The session ends at the server: the access token expired, the refresh token refused.
    e2e.mock.times.expireAccessTokens();
    e2e.mock.inject({ route: 'times.refresh', kind: 'status401' });
    await item.checkinButton.click();
    expect(await item.waitForState('relogin')).toBe('relogin');

    const [alert] = await poll(() => (e2e.mock.push.received('bark').length > 0 ? e2e.mock.push.received('bark') : undefined), 15_000, 'no push arrived');
    expect(alert.title).toBe('邻里签到：需要重新登录');
    expect(alert.body).toBe('账号 134****1234 的登录已失效，请重新登录。');
    expect(alert.text).not.toContain(PHONE);

    // More wakes: a new options save (the worker reschedules), the popup opened again.
    await saveOptions(s, { randomDelayMinutes: 1 });
    expect(await observe(() => e2e.mock.push.received('bark').length, 2_000)).toEqual([1]);
  });
});
