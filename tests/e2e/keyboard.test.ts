// @vitest-environment node
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkinTimeNotYetDue, loginTimes, saveOptions } from './harness/flows';
import { useE2E } from './harness/lifecycle';
import { PopupPage } from './harness/popup-page';
import { poll } from './harness/wait';

// The popup with the keyboard only: Tab, Shift+Tab, Enter, Escape and typing. No click, no fill: the
// focus has to land where the next step is (the code field after sending, the first refused field,
// back on the opener after Escape), or these tests cannot go on.

const PHONE = '13412341234';
const e2e = useE2E();

/** The data-testid of the focused element ('' for none, 'BODY' when the focus fell to the page). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body) return 'BODY';
    return active.getAttribute('data-testid') ?? '';
  });

/** Presses Tab until the element with `testId` has the focus; fails after `max` presses. */
async function tabTo(page: Page, testId: string, max = 25): Promise<void> {
  for (let press = 0; press < max; press++) {
    if ((await focused(page)) === testId) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${testId}; the focus is on "${await focused(page)}"`);
}

async function openPopup() {
  const session = await e2e.launch();
  await saveOptions(session, { timesBaseUrl: e2e.mock.url });
  return PopupPage.open(session);
}

describe('keyboard only', () => {
  it('logs in by SMS, checks in and removes an account with Tab, Enter and Escape', async () => {
    const popup = await openPopup();
    const { page } = popup;

    await tabTo(page, 'add-account');
    await page.keyboard.press('Enter');
    // The form opens with the focus in its first field.
    await expect.poll(() => focused(page)).toBe('phone-input');

    // A refused submit: the focus goes to the field at fault, which says so.
    await page.keyboard.press('Enter');
    await popup.error.waitFor();
    expect(await focused(page)).toBe('phone-input');
    expect(await page.locator('[data-testid="phone-input"]').getAttribute('aria-invalid')).toBe('true');

    await page.keyboard.type(PHONE);
    expect(await popup.error.count()).toBe(0);
    await tabTo(page, 'send-code');
    await page.keyboard.press('Enter');
    // Sent: the focus moves on to the code field before the button disables, never to the page.
    await expect.poll(() => focused(page)).toBe('code-input');
    expect(await popup.sendCodeButton.isDisabled()).toBe(true);
    const code = await poll(() => e2e.mock.times.lastCode(PHONE), 10_000, 'no SMS code was sent');
    await page.keyboard.type(code);
    await page.keyboard.press('Enter');

    const item = popup.timesAccount(PHONE);
    await item.root.waitFor();
    // The form closed: the focus is back on the button that opens it.
    await expect.poll(() => focused(page)).toBe('add-account');

    await tabTo(page, 'checkin-button');
    await page.keyboard.press('Enter');
    expect(await item.waitForState(['done', 'already'])).toMatch(/done|already/);
    // The button was disabled while it ran (Chromium then drops its focus): the focus is back on it.
    await expect.poll(() => focused(page)).toBe('checkin-button');

    await tabTo(page, 'logout-button');
    await page.keyboard.press('Enter');
    // The question takes the focus; Escape cancels it and gives the focus back.
    await expect.poll(() => focused(page)).toBe('confirm-remove');
    await page.keyboard.press('Escape');
    await item.confirmRemove.waitFor({ state: 'detached' });
    expect(await focused(page)).toBe('logout-button');
    expect(await item.root.count()).toBe(1);

    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('confirm-remove');
    await page.keyboard.press('Enter');
    await item.root.waitFor({ state: 'detached' });
  });

  it('makes a hand-off bundle and takes it back with the keyboard, the focus following each step', async () => {
    const session = await e2e.launch();
    await saveOptions(session, { timesBaseUrl: e2e.mock.url, checkinTime: await checkinTimeNotYetDue() });
    const { popup, item } = await loginTimes(session, e2e.mock, PHONE);
    const { page } = popup;
    /** From the focused hand-off button (迁移到常驻设备): Enter, the passphrase, Enter; each step where the focus should be. */
    const makeBundle = async () => {
      await page.keyboard.press('Enter');
      await expect.poll(() => focused(page)).toBe('handoff-passphrase');
      await page.keyboard.type('correct horse battery');
      await page.keyboard.press('Enter');
      await expect.poll(() => focused(page)).toBe('handoff-bundle');
    };

    await item.handoff('button').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('handoff-passphrase');
    await page.keyboard.press('Escape');
    await expect.poll(() => focused(page)).toBe('handoff-button');
    // Made: the focus is on the bundle (selected, for Ctrl+C).
    await makeBundle();
    await expect.poll(() => item.sessionStatus.getAttribute('data-state')).toBe('handing-off');

    await tabTo(page, 'handoff-take-back');
    await page.keyboard.press('Enter');
    await expect.poll(() => item.sessionStatus.getAttribute('data-state')).toBe('active');
    await expect.poll(() => focused(page)).toBe('handoff-button');

    // Again, this time confirmed: the focus goes to the way back, 重新登录.
    await makeBundle();
    await tabTo(page, 'handoff-done');
    await page.keyboard.press('Enter');
    await expect.poll(() => item.sessionStatus.getAttribute('data-state')).toBe('handed-off');
    await expect.poll(() => focused(page)).toBe('relogin-button');
  });

  it('closes the login form with Escape, focus back on the button that opened it', async () => {
    const popup = await openPopup();
    const { page } = popup;
    await tabTo(page, 'add-account');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('phone-input');
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="phone-input"]').waitFor({ state: 'detached' });
    expect(await focused(page)).toBe('add-account');
  });

  it('switches to the Homing login and its modes, and back, without a mouse', async () => {
    const popup = await openPopup();
    const { page } = popup;
    await tabTo(page, 'add-account');
    await page.keyboard.press('Enter');
    await tabTo(page, 'provider-homing');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('phone-input');
    await tabTo(page, 'login-mode-password', 25);
    await page.keyboard.press('Enter');
    expect(await page.locator('[data-testid="login-mode-password"]').getAttribute('aria-pressed')).toBe('true');
    await page.locator('[data-testid="password-input"]').waitFor();
    await tabTo(page, 'provider-times');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('phone-input');
    expect(await page.locator('[data-testid="provider-homing"]').isVisible()).toBe(true);
  });
});
