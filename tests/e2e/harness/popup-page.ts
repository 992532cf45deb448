import type { Locator, Page } from 'playwright-core';
import type { ExtensionSession } from './browser';
import { poll } from './wait';

// The popup, opened as a tab (an action popup can't be opened by automation), through the
// data-testid hooks of docs/E2E-CONTRACT.md only.

const testId = (id: string) => `[data-testid="${id}"]`;

/** One `account-item` of the list. */
export class AccountItem {
  constructor(readonly root: Locator) {}

  get status(): Locator {
    return this.root.locator(testId('checkin-status'));
  }
  get points(): Locator {
    return this.root.locator(testId('points'));
  }
  get checkinButton(): Locator {
    return this.root.locator(testId('checkin-button'));
  }
  get logoutButton(): Locator {
    return this.root.locator(testId('logout-button'));
  }
  get sessionStatus(): Locator {
    return this.root.locator(testId('session-status'));
  }
  /** Appears after logoutButton; confirms the removal. */
  get confirmRemove(): Locator {
    return this.root.locator(testId('confirm-remove'));
  }
  /** The nickname; absent while none is set (the masked phone is shown then). */
  get nickname(): Locator {
    return this.root.locator(testId('nickname'));
  }
  get nicknameEdit(): Locator {
    return this.root.locator(testId('nickname-edit'));
  }
  get nicknameInput(): Locator {
    return this.root.locator(testId('nickname-input'));
  }
  /** Consecutive days signed in, digits only. */
  get streak(): Locator {
    return this.root.locator(testId('streak'));
  }
  get weekStrip(): Locator {
    return this.root.locator(testId('week-strip'));
  }
  /** The 7 cells of the strip, in order (`data-day`, `data-complete`, `data-today`). */
  get weekDays(): Locator {
    return this.weekStrip.locator(testId('week-day'));
  }
  /** Today's cell of the strip. */
  get weekToday(): Locator {
    return this.weekStrip.locator(`${testId('week-day')}[data-today="true"]`);
  }
  get todayReward(): Locator {
    return this.root.locator(testId('today-reward'));
  }
  /** The next automatic check-in or retry; its moment is `data-at` (epoch ms). */
  get nextCheckin(): Locator {
    return this.root.locator(testId('next-checkin'));
  }
  get unclaimedPoints(): Locator {
    return this.root.locator(testId('unclaimed-points'));
  }
  get claimButton(): Locator {
    return this.root.locator(testId('claim-button'));
  }
  get expiringPoints(): Locator {
    return this.root.locator(testId('expiring-points'));
  }
  /** Opens history.html for this account in a new tab. */
  get historyLink(): Locator {
    return this.root.locator(testId('history-link'));
  }
  /** The hand-off (docs/E2E-CONTRACT.md): `handoff-button`, `-passphrase`, `-confirm`, then the bundle and its actions. */
  handoff(id: 'button' | 'passphrase' | 'confirm' | 'bundle' | 'copy' | 'save' | 'show' | 'done' | 'take-back'): Locator {
    return this.root.locator(testId(`handoff-${id}`));
  }

  /** The next run's moment in epoch ms (`data-at` of `next-checkin`), or undefined while none is shown. */
  async nextCheckinAt(): Promise<number | undefined> {
    if ((await this.nextCheckin.count()) === 0) return undefined;
    const at = await this.nextCheckin.getAttribute('data-at');
    return at === null ? undefined : Number(at);
  }

  /** Removes (or logs out) the account: logout-button, then confirm-remove. */
  async remove(): Promise<void> {
    await this.logoutButton.click();
    await this.confirmRemove.click();
  }

  /** Sets the nickname: nickname-edit, type, Enter (an empty one clears it). */
  async rename(nickname: string): Promise<void> {
    await this.nicknameEdit.click();
    await this.nicknameInput.fill(nickname);
    await this.nicknameInput.press('Enter');
  }

  /** The check-in state (`data-state` of `checkin-status`). */
  state(): Promise<string | null> {
    return this.status.getAttribute('data-state');
  }

  /** Waits until the check-in state is one of `states`; on timeout the error names the last state. */
  async waitForState(states: string | string[], timeoutMs = 15_000): Promise<string> {
    const wanted = [states].flat();
    const selector = wanted.map((state) => `${testId('checkin-status')}[data-state="${state}"]`).join(', ');
    try {
      await this.root.locator(selector).waitFor({ timeout: timeoutMs });
    } catch {
      throw new Error(`check-in state stayed "${await this.state()}", expected ${wanted.join(' or ')}`);
    }
    return (await this.state()) ?? '';
  }
}

export class PopupPage {
  private constructor(readonly page: Page) {}

  static async open(session: ExtensionSession): Promise<PopupPage> {
    const page = await session.context.newPage();
    // About the size of a real action popup, so a screenshot looks like what users see.
    await page.setViewportSize({ width: 400, height: 520 });
    await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await page.locator(testId('add-account')).waitFor();
    return new PopupPage(page);
  }

  get error(): Locator {
    return this.page.locator(testId('error-message'));
  }

  /** How many Times accounts are done today: `data-done` / `data-total` (absent without Times accounts). */
  get doneSummary(): Locator {
    return this.page.locator(testId('done-summary'));
  }

  async doneCount(): Promise<{ done: number; total: number }> {
    const [done, total] = await Promise.all([this.doneSummary.getAttribute('data-done'), this.doneSummary.getAttribute('data-total')]);
    return { done: Number(done), total: Number(total) };
  }

  account(key: string): AccountItem {
    return new AccountItem(this.page.locator(`${testId('account-item')}[data-account-key="${key}"]`));
  }

  timesAccount(phone: string): AccountItem {
    return this.account(`times:${phone}`);
  }

  get sendCodeButton(): Locator {
    return this.page.locator(testId('send-code'));
  }

  /** Any element of the popup by its contract hook (docs/E2E-CONTRACT.md). */
  byTestId(id: string): Locator {
    return this.page.locator(testId(id));
  }

  homingAccount(mobile: string): AccountItem {
    return this.account(`homing:${mobile}`);
  }

  /** Every listed Homing account (a 智桂通 login has no mobile, so its key is not known in advance). */
  get homingAccounts(): Locator {
    return this.page.locator(`${testId('account-item')}[data-account-key^="homing:"]`);
  }

  /** Opens the Homing login form; it starts in SMS mode. */
  async openHomingLogin(): Promise<void> {
    await this.page.locator(testId('add-account')).click();
    await this.page.locator(testId('provider-homing')).click();
  }

  /**
   * Opens the Times login form and enters the phone. The form opens on Times (the resident login);
   * `provider-times` is only there while the Homing form is shown (docs/E2E-CONTRACT.md).
   */
  async openTimesLogin(phone: string): Promise<void> {
    await this.page.locator(testId('add-account')).click();
    await this.page.locator(testId('phone-input')).waitFor();
    const backToTimes = this.page.locator(testId('provider-times'));
    if (await backToTimes.isVisible()) await backToTimes.click();
    await this.page.locator(testId('phone-input')).fill(phone);
  }

  /** Opens the Times login form, enters the phone and asks for a code. */
  async requestTimesCode(phone: string): Promise<void> {
    await this.openTimesLogin(phone);
    await this.sendCodeButton.click();
  }

  /**
   * Logs a Times account in by SMS. `codeFor` reads the code the (mock) server sent, standing in for
   * the user's phone; it is polled because the code only exists once the worker's request arrived.
   */
  async loginTimes(phone: string, codeFor: (phone: string) => string | undefined): Promise<AccountItem> {
    await this.requestTimesCode(phone);
    const code = await poll(() => codeFor(phone), 10_000, 'no SMS code was sent');
    await this.page.locator(testId('code-input')).fill(code);
    await this.page.locator(testId('login-submit')).click();
    const item = this.timesAccount(phone);
    await item.root.or(this.error).first().waitFor();
    if (await this.error.isVisible()) throw new Error(`login failed: ${await this.error.innerText()}`);
    return item;
  }
}
