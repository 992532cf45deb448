// @vitest-environment node
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chinaDate, chinaTimeMs, DATE_TIME_PATTERN } from '../mock-api/china-time';
import { TIMES_PATHS } from '../mock-api/times';
import type { ExtensionSession } from './harness/browser';
import { checkinTimeNotYetDue, loginTimes, saveOptions } from './harness/flows';
import { OptionsPage } from './harness/options-page';
import { useE2E } from './harness/lifecycle';
import { PopupPage } from './harness/popup-page';
import { readStorage, secretDigests } from './harness/storage';
import { acceptedCheckins, seenCollects, seenRefreshes } from './harness/times-mock';
import { observe } from './harness/wait';

// The Times daily check-in, end to end: the built extension in Chromium against the mock Times API.

const PHONE = '13412341234';
const KEY = `times:${PHONE}`;
/** A check-in time that is always due: every moment of the day is after 00:00. */
const DUE_NOW = { checkinTime: '00:00', randomDelayMinutes: 0 };
/** The China date the faked clock starts on: any date will do, a fixed one reads better. */
const EIGHT_DAY = '2026-11-23';

const e2e = useE2E();

/** Logs in with a check-in time already passed, and waits for the automatic check-in. */
async function checkedInToday(s: ExtensionSession) {
  await saveOptions(s, { timesBaseUrl: e2e.mock.url, ...DUE_NOW });
  const logged = await loginTimes(s, e2e.mock, PHONE);
  const state = await logged.item.waitForState(['done', 'failed']);
  // The stored record carries the server's reason (no token in it): the failure says why.
  expect(state, (await readStorage(s.worker)).checkins?.[KEY]?.error).toBe('done');
  return logged;
}


describe('Times check-in', () => {
  it("logs in by SMS from the popup and sees today's check-in done without another click", async () => {
    const s = await e2e.launch();
    const { popup, item } = await checkedInToday(s);

    // Lists show a masked number; the full one appears nowhere on the page.
    expect(await item.root.innerText()).toContain('134****1234');
    expect(await popup.page.locator('body').innerText()).not.toContain(PHONE);
    // Points are read back after the check-in: the server's count, digits only.
    await expect.poll(() => item.points.innerText()).toBe(String(e2e.mock.times.points(PHONE)));
    expect(await item.points.innerText()).toMatch(/^\d+$/);
    if (process.env.E2E_SCREENSHOT) await popup.page.screenshot({ path: process.env.E2E_SCREENSHOT });

    expect(acceptedCheckins(e2e.mock, PHONE)).toBe(1);
    const collects = await seenCollects(e2e.mock);
    expect(collects).toHaveLength(1);
    const [collect] = collects;
    // The documented path keeps its double slash; a normalised path is a different (unknown) route.
    expect(collect.path).toBe(TIMES_PATHS.collect);
    expect(collect.body).toEqual({
      behaviourId: 10,
      clientCode: 'sys_linlibang',
      createTime: collect.body.createTime,
      mapPamater: { sign: collect.body.createTime },
      memberId: e2e.mock.times.memberId(PHONE),
    });
    // 19 digits exceed Number.MAX_SAFE_INTEGER: only a JSON string carries them exactly.
    expect(collect.rawBody).toContain(`"memberId":"${e2e.mock.times.memberId(PHONE)}"`);
    expect(e2e.mock.times.memberId(PHONE)).toMatch(/^\d{19}$/);
    const createTime = String(collect.body.createTime);
    expect(createTime).toMatch(DATE_TIME_PATTERN);
    expect(createTime.slice(0, 10)).toBe(chinaDate(collect.at));
    expect(Math.abs(chinaTimeMs(createTime) - collect.at)).toBeLessThan(5_000);
    expect(collect.locale).toBe('zh_CN');
    expect(collect.bearer).toBe(true);
  });

  it('does not check in a second time when the browser restarts the same day', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'linli-e2e-restart-'));
    try {
      await checkedInToday(await e2e.launch({ userDataDir: profile }));
      await e2e.closeBrowser();

      const again = await e2e.launch({ userDataDir: profile });
      // Every worker start runs overdue work: watch it long enough to do a wrong second check-in.
      const seen = await observe(async () => {
        const stored = await readStorage(again.worker);
        return { collects: e2e.mock.hits('times.collect').length, state: stored.checkins?.[KEY]?.state };
      }, 4_000);
      expect(seen.map((sample) => sample.collects)).toEqual([1]);
      expect(seen.map((sample) => sample.state)).toEqual(['done']);

      const popup = await PopupPage.open(again);
      await popup.timesAccount(PHONE).status.waitFor();
      expect(await popup.timesAccount(PHONE).state()).toBe('done');
    } finally {
      await e2e.closeBrowser();
      rmSync(profile, { recursive: true, force: true });
    }
  });

  it('keeps a done day done on the check-in button: the status is read again, no second POST', async () => {
    const { item } = await checkedInToday(await e2e.launch());
    const statusReads = e2e.mock.hits('times.signStatus').length;

    await item.checkinButton.click();

    await expect.poll(() => e2e.mock.hits('times.signStatus').length).toBe(statusReads + 1);
    expect(await item.waitForState('done')).toBe('done');
    const collects = await observe(() => e2e.mock.hits('times.collect').length, 1_500);
    expect(collects).toEqual([1]);
  });

  it('refreshes an expired access token once and then checks in with the new token', async () => {
    const s = await e2e.launch();
    await saveOptions(s, { timesBaseUrl: e2e.mock.url, checkinTime: await checkinTimeNotYetDue(), randomDelayMinutes: 0 });
    const { item } = await loginTimes(s, e2e.mock, PHONE);
    expect(await item.state()).toBe('pending');
    expect(e2e.mock.hits('times.collect')).toHaveLength(0);
    const before = await secretDigests(s.worker, KEY);

    e2e.mock.times.expireAccessTokens();
    await item.checkinButton.click();

    expect(await item.waitForState(['done', 'failed'])).toBe('done');
    const refreshes = await seenRefreshes(e2e.mock);
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0].contentType).toMatch(/^(application\/x-www-form-urlencoded|multipart\/form-data)/);
    expect(refreshes[0].fields).toMatchObject({ grant_type: 'refresh_token', client_id: 'app_c', refresh_token: before.refreshToken });

    const after = await secretDigests(s.worker, KEY);
    expect(after.refreshToken === before.refreshToken).toBe(false);
    expect(after.token === before.token).toBe(false);
    // The status read went first and was rejected with the old token; after the one refresh the
    // check-in went out once, with the new token, and counted.
    expect(e2e.mock.hits('times.signStatus').length).toBeGreaterThanOrEqual(2);
    const collects = await seenCollects(e2e.mock);
    expect(collects.map((c) => c.tokenDigest === after.token)).toEqual([true]);
    expect(acceptedCheckins(e2e.mock, PHONE)).toBe(1);
  });

  it('refuses a malformed phone number on the spot, in Chinese, without contacting the server', async () => {
    const s = await e2e.launch();
    // Pointed at the mock so that a request which slipped through would be seen (and not hit production).
    await saveOptions(s, { timesBaseUrl: e2e.mock.url });
    const popup = await PopupPage.open(s);

    await popup.requestTimesCode('12345');

    await popup.error.waitFor();
    expect(await popup.error.getAttribute('role')).toBe('alert');
    expect(await popup.error.innerText()).toMatch(/[\u4e00-\u9fff]/);
    expect(await observe(() => e2e.mock.requests.length, 1_000)).toEqual([0]);
  });

  it('waits for 08:00 China time and then checks in by itself', async () => {
    // The browser's clock (libfaketime) starts 30 s before 08:00, time enough to log in (about 3 s);
    // the mock's clock runs alongside it.
    const s = await e2e.launch({ faketime: `${EIGHT_DAY} 07:59:30` });
    e2e.mock.setNow(() => Date.now() + s.clockOffsetMs);
    const workerNow = await s.worker.evaluate(() => Date.now());
    expect(Math.abs(workerNow - (Date.now() + s.clockOffsetMs))).toBeLessThan(2_000);

    const options = await OptionsPage.open(s);
    expect(await options.field('checkin-time').inputValue()).toBe('08:00');
    await options.save({ timesBaseUrl: e2e.mock.url, randomDelayMinutes: 0 });
    const { item } = await loginTimes(s, e2e.mock, PHONE);
    expect(await item.state()).toBe('pending');
    expect(e2e.mock.hits('times.collect')).toHaveLength(0);

    // Nothing is clicked from here on: only the worker's alarm can make this happen.
    expect(await item.waitForState(['done', 'failed'], 80_000)).toBe('done');
    const collects = await seenCollects(e2e.mock);
    expect(collects).toHaveLength(1);
    expect(collects[0].at).toBeGreaterThanOrEqual(chinaTimeMs(`${EIGHT_DAY} 08:00:00`));
    expect(String(collects[0].body.createTime)).toMatch(new RegExp(`^${EIGHT_DAY} 08:00:\\d{2}$`));
  }, 120_000);
});
