import type { Locator, Page } from 'playwright-core';
import type { ExtensionSession } from './browser';
import { storageRoundTrip } from './storage';

// The options page, through the data-testid hooks of docs/E2E-CONTRACT.md only.

export interface OptionsInput {
  timesBaseUrl?: string;
  /** `HH:mm`, China time. */
  checkinTime?: string;
  randomDelayMinutes?: number;
  /** Claim unclaimed 邦豆 after each check-in (default on). */
  autoClaim?: boolean;
}

const testId = (id: string) => `[data-testid="${id}"]`;

export class OptionsPage {
  private constructor(readonly page: Page) {}

  static async open(session: ExtensionSession): Promise<OptionsPage> {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/options.html`);
    await page.locator(testId('save-settings')).waitFor();
    // The page fills its form from storage after mounting, overwriting anything typed before. One more
    // storage round trip from the page queues behind that read, so the form is settled after it.
    await storageRoundTrip(page);
    return new OptionsPage(page);
  }

  field(id: 'times-base-url' | 'checkin-time' | 'random-delay') {
    return this.page.locator(testId(id));
  }

  /** Opens the advanced section (the server addresses) unless it is open already. */
  async openAdvanced(): Promise<void> {
    if (!(await this.page.locator(testId('times-base-url')).isVisible())) await this.page.locator(testId('advanced-settings')).click();
  }

  /** Fills the given fields, saves, and waits for the page to confirm the save. */
  async save(input: OptionsInput): Promise<void> {
    if (input.timesBaseUrl !== undefined) {
      await this.openAdvanced();
      await this.field('times-base-url').fill(input.timesBaseUrl);
    }
    if (input.checkinTime !== undefined) await this.field('checkin-time').fill(input.checkinTime);
    if (input.randomDelayMinutes !== undefined) await this.field('random-delay').fill(String(input.randomDelayMinutes));
    if (input.autoClaim !== undefined) await this.page.locator(testId('auto-claim')).setChecked(input.autoClaim);
    await this.page.locator(testId('save-settings')).click();
    const saved = this.page.locator(testId('settings-saved'));
    const refused = this.page.locator(testId('error-message'));
    await saved.or(refused).first().waitFor();
    if (await refused.isVisible()) throw new Error(`options refused the settings: ${await refused.innerText()}`);
  }

  /** The Homing base URL input (not part of OptionsInput, which the Times tests share): under "advanced". */
  get homingBaseUrl() {
    return this.page.locator(testId('homing-base-url'));
  }

  /** The language select: `auto`, `zh-CN` or `en` (applies at once). */
  get language() {
    return this.page.locator(testId('language'));
  }

  /** The theme select: `auto`, `light` or `dark` (applies at once). */
  get theme() {
    return this.page.locator(testId('theme'));
  }

  get saved() {
    return this.page.locator(testId('settings-saved'));
  }

  get error() {
    return this.page.locator(testId('error-message'));
  }

  /**
   * Clicks save and reports what the page answered, without throwing on a refusal: for tests of the
   * refusal itself. `error` is the page's message when it refused.
   */
  async submit(): Promise<{ saved: boolean; error?: string }> {
    await this.page.locator(testId('save-settings')).click();
    await this.saved.or(this.error).first().waitFor();
    if (await this.error.isVisible()) return { saved: false, error: await this.error.innerText() };
    return { saved: true };
  }

  /** The push channels' rows (`push-channel`), in order. */
  get pushChannels(): Locator {
    return this.page.locator(testId('push-channel'));
  }

  /** Adds a push channel (push-add), sets its type and address, and returns its row. Not saved yet. */
  async addPushChannel(type: string, url: string): Promise<Locator> {
    const before = await this.pushChannels.count();
    const add = this.page.locator(testId('push-add'));
    if (!(await add.isVisible())) await this.openAdvanced();
    await add.click();
    const row = this.pushChannels.nth(before);
    await row.locator(testId('push-type')).selectOption(type);
    await row.locator(testId('push-url')).fill(url);
    return row;
  }

  /** Clicks the push-test of a row not tested before and returns the outcome shown (`data-ok`). */
  async testPush(row: Locator): Promise<boolean> {
    await row.locator(testId('push-test')).click();
    const result = row.locator(testId('push-test-result'));
    await result.waitFor({ timeout: 15_000 });
    return (await result.getAttribute('data-ok')) === 'true';
  }

  close(): Promise<void> {
    return this.page.close();
  }
}
