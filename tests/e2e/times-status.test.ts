// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { chinaDate } from '../mock-api/china-time';
import type { ExtensionSession } from './harness/browser';
import { loginTimes, saveOptions } from './harness/flows';
import { useE2E } from './harness/lifecycle';
import { PopupPage } from './harness/popup-page';
import { readStorage } from './harness/storage';
import { observe } from './harness/wait';

// Check-in by the service's own status (issue 6), end to end: the built extension in Chromium against
// the mock's sign-in status, 邦豆 records, claims and expiring points.

const PHONE = '13412341234';
const KEY = `times:${PHONE}`;
const DUE_NOW = { checkinTime: '00:00', randomDelayMinutes: 0 };
const testId = (id: string) => `[data-testid="${id}"]`;

// The extension API inside worker.evaluate callbacks (they run in the extension's realm).
declare const chrome: { storage: { onChanged: { addListener(listener: () => void): void } } };

const e2e = useE2E();

async function loggedIn(s: ExtensionSession, options: { autoClaim?: boolean } = {}) {
  await saveOptions(s, { timesBaseUrl: e2e.mock.url, ...DUE_NOW, ...options });
  return loginTimes(s, e2e.mock, PHONE);
}

/** The ids of notifications the extension has shown (its own record of them; no token in any). */
async function notified(s: ExtensionSession): Promise<string[]> {
  return ((await readStorage(s.worker)) as { notified?: string[] }).notified ?? [];
}

describe('check-in by the service status', () => {
  it('sends no POST for an account already signed on the phone, and shows already', async () => {
    e2e.mock.times.signElsewhere(PHONE);
    const s = await e2e.launch();
    const { item } = await loggedIn(s);

    expect(await item.waitForState(['already', 'done', 'failed'])).toBe('already');
    expect(await observe(() => e2e.mock.hits('times.collect').length, 1_500)).toEqual([0]);
    expect(e2e.mock.hits('times.signStatus').length).toBeGreaterThan(0);
  });

  it('shows done after a POST the server acted on but never answered: one POST, no failure, no retry', async () => {
    e2e.mock.times.collectMode = 'commit-hang';
    const s = await e2e.launch();
    const { item } = await loggedIn(s);

    // The client gives up after its 15 s timeout, then asks the status, which says signed.
    expect(await item.waitForState(['done', 'failed'], 30_000)).toBe('done');
    expect(e2e.mock.hits('times.collect')).toHaveLength(1);
    const stored = await readStorage(s.worker);
    expect(stored.checkins?.[KEY]).toMatchObject({ state: 'done' });
    expect(stored.checkins?.[KEY]).not.toHaveProperty('nextRetryAt');
    expect((await notified(s)).filter((id) => id.startsWith('lost:'))).toEqual([]);
    expect(await observe(() => e2e.mock.hits('times.collect').length, 1_500)).toEqual([1]);
  }, 60_000);

  it('shows the streak, the week strip with today marked, today\'s reward and the next check-in', async () => {
    const today = chinaDate(Date.now());
    const days = [-2, -1].map((offset) => chinaDate(Date.now() + offset * 86_400_000));
    e2e.mock.times.setSignedDays(PHONE, days);
    const s = await e2e.launch();
    const { item } = await loggedIn(s);
    expect(await item.waitForState(['done', 'failed'])).toBe('done');

    const streak = item.root.locator(testId('streak'));
    await expect.poll(() => streak.innerText()).toBe('3');
    const cells = item.root.locator(`${testId('week-strip')} ${testId('week-day')}`);
    expect(await cells.count()).toBe(7);
    expect(await cells.evaluateAll((els) => els.map((el) => el.getAttribute('data-day')))).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(await cells.evaluateAll((els) => els.map((el) => el.getAttribute('data-complete')))).toEqual(['true', 'true', 'true', 'false', 'false', 'false', 'false']);
    expect(await item.root.locator(`${testId('week-day')}[data-today="true"]`).getAttribute('data-day')).toBe('3');
    expect(await item.root.locator(testId('today-reward')).innerText()).toBe('15');
    const next = Number(await item.root.locator(testId('next-checkin')).getAttribute('data-at'));
    // Check-in time 00:00 with no delay: the next one is tomorrow's China midnight.
    expect(chinaDate(next)).not.toBe(today);
    expect(next).toBeGreaterThan(Date.now());
    expect(next - Date.now()).toBeLessThanOrEqual(86_400_000);
    expect(await item.points.innerText()).toBe(String(e2e.mock.times.points(PHONE)));
  });

  it('claims unclaimed 邦豆 after the check-in, and the points include them', async () => {
    e2e.mock.times.pointsMode = 'unclaimed';
    e2e.mock.times.addUnclaimed(PHONE, 25);
    const s = await e2e.launch();
    const { item } = await loggedIn(s);
    expect(await item.waitForState(['done', 'failed'])).toBe('done');

    await expect.poll(() => e2e.mock.hits('times.claimAll').length).toBe(1);
    expect(e2e.mock.times.unclaimed(PHONE)).toBe(0);
    await expect.poll(() => item.points.innerText()).toBe(String(e2e.mock.times.points(PHONE)));
    expect(e2e.mock.times.points(PHONE)).toBe(25 + 10);
    expect(await item.root.locator(testId('unclaimed-points')).count()).toBe(0);
  });

  it('shows waiting 邦豆 with claims turned off, and the claim button claims them', async () => {
    e2e.mock.times.pointsMode = 'unclaimed';
    const s = await e2e.launch();
    const { item } = await loggedIn(s, { autoClaim: false });
    expect(await item.waitForState(['done', 'failed'])).toBe('done');
    const unclaimed = item.root.locator(testId('unclaimed-points'));
    await expect.poll(() => unclaimed.innerText()).toBe('10');
    expect(e2e.mock.hits('times.claimAll')).toHaveLength(0);

    await item.root.locator(testId('claim-button')).click();

    await expect.poll(() => e2e.mock.hits('times.claimAll').length).toBe(1);
    await unclaimed.waitFor({ state: 'detached' });
    await expect.poll(() => item.points.innerText()).toBe(String(e2e.mock.times.points(PHONE)));
  });

  it('shows 邦豆 expiring within 7 days', async () => {
    e2e.mock.times.setExpiring(PHONE, 30, 3);
    const s = await e2e.launch();
    const { item } = await loggedIn(s);
    expect(await item.waitForState(['done', 'failed'])).toBe('done');
    await expect.poll(() => item.root.locator(testId('expiring-points')).innerText()).toBe('30');
    expect((await notified(s)).filter((id) => id.startsWith(`expiring:${KEY}`))).toHaveLength(1);
  });

  it('still checks in when the status endpoint is missing', async () => {
    e2e.mock.times.statusMissing = true;
    const s = await e2e.launch();
    const { item } = await loggedIn(s);
    expect(await item.waitForState(['done', 'failed'])).toBe('done');
    expect(e2e.mock.hits('times.collect')).toHaveLength(1);
    expect(await item.root.locator(testId('streak')).count()).toBe(0);
  });
});

describe('the history page', () => {
  it('shows today in the month calendar, with the streak and the month\'s reward', async () => {
    const s = await e2e.launch();
    const { item, popup } = await loggedIn(s);
    expect(await item.waitForState(['done', 'failed'])).toBe('done');
    const today = chinaDate(Date.now());

    const [page] = await Promise.all([s.context.waitForEvent('page'), item.root.locator(testId('history-link')).click()]);
    await page.locator(testId('history-month')).waitFor();
    expect(page.url()).toContain('history.html');
    expect(await page.locator(testId('history-month')).getAttribute('data-month')).toBe(today.slice(0, 7));
    expect(await page.locator(testId('history-account')).inputValue()).toBe(KEY);
    const day = page.locator(`${testId('history-day')}[data-date="${today}"]`);
    await day.waitFor();
    expect(await day.getAttribute('data-state')).toBe('done');
    expect(await page.locator(testId('history-streak')).innerText()).toBe('1');
    expect(await page.locator(testId('history-month-reward')).innerText()).toBe('10');
    // The full phone number appears nowhere on the page.
    expect(await page.locator('body').innerText()).not.toContain(PHONE);
    await popup.page.close();
  });
});

describe('removing an account', () => {
  it('asks first: one click removes nothing, the confirmation removes it', async () => {
    const s = await e2e.launch();
    await saveOptions(s, { timesBaseUrl: e2e.mock.url });
    const { popup, item } = await loginTimes(s, e2e.mock, PHONE);

    await item.logoutButton.click();
    await popup.page.keyboard.press('Escape');
    expect(await item.root.count()).toBe(1);
    await item.logoutButton.click();
    await item.root.locator(testId('confirm-remove')).click();

    await item.root.waitFor({ state: 'detached' });
    expect((await readStorage(s.worker)).secretKeys).toEqual([]);
    const reopened = await PopupPage.open(s);
    expect(await reopened.byTestId('account-item').count()).toBe(0);
  });
});

describe("the popup's start", () => {
  it('reads storage once per area, as its script starts, and shows the data', async () => {
    const s = await e2e.launch();
    await loggedIn(s);
    // Until the worker is done writing (the check-in, the member info): a change during the popup's
    // start rightly makes it read again, which is not what this test is about.
    await s.worker.evaluate(
      () =>
        new Promise<void>((quiet) => {
          let timer = setTimeout(quiet, 600);
          chrome.storage.onChanged.addListener(() => (clearTimeout(timer), (timer = setTimeout(quiet, 600))));
        }),
    );
    // Every read the page makes, noted from its first script on (the page's own chrome.storage).
    await s.context.addInitScript(() => {
      const reads: [string, unknown][] = [];
      Object.assign(window, { storageReads: reads });
      const storage = (globalThis as unknown as { chrome: { storage: Record<'local' | 'session', { get: (keys: unknown) => Promise<unknown> }> } }).chrome.storage;
      for (const area of ['local', 'session'] as const) {
        const get = storage[area].get.bind(storage[area]);
        storage[area].get = (keys) => (reads.push([area, keys]), get(keys));
      }
    });
    const popup = await PopupPage.open(s);
    await expect.poll(() => popup.timesAccount(PHONE).points.textContent()).toMatch(/\d/);

    // One call per area for all the first paint shows: a WXT item defined by the popup would read its
    // own value at once, and each read is a round trip to the browser (npm run bench).
    expect(await popup.page.evaluate(() => (window as unknown as { storageReads: unknown }).storageReads)).toEqual([
      ['local', ['settings', 'accounts', 'checkins', 'member']],
      ['session', ['loginDraft']],
    ]);
  });
});
