import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import type { ExtensionSession } from './browser';

// The history page (history.html, optionally ?account=<key>), through the data-testid hooks of
// docs/E2E-CONTRACT.md only.

const testId = (id: string) => `[data-testid="${id}"]`;

export class HistoryPage {
  private constructor(readonly page: Page) {}

  /**
   * Opens the page, for `accountKey` when given (else it shows the first Times account), and waits for
   * the month to show: there must be a Times account.
   */
  static async open(session: ExtensionSession, accountKey?: string): Promise<HistoryPage> {
    const page = await session.context.newPage();
    const query = accountKey === undefined ? '' : `?account=${encodeURIComponent(accountKey)}`;
    await page.goto(`chrome-extension://${session.extensionId}/history.html${query}`);
    await page.locator(testId('history-month')).waitFor();
    return new HistoryPage(page);
  }

  /** A page the popup's history-link opened (a new tab): waits for its month to show. */
  static async from(page: Page): Promise<HistoryPage> {
    await page.locator(testId('history-month')).waitFor();
    return new HistoryPage(page);
  }

  /** The account select; its value is the account key. */
  get account(): Locator {
    return this.page.locator(testId('history-account'));
  }
  get month(): Locator {
    return this.page.locator(testId('history-month'));
  }
  get prevButton(): Locator {
    return this.page.locator(testId('history-prev'));
  }
  get nextButton(): Locator {
    return this.page.locator(testId('history-next'));
  }
  /** Every day of the month shown that has a record (`data-date`, `data-state`). */
  get days(): Locator {
    return this.page.locator(testId('history-day'));
  }
  day(date: string): Locator {
    return this.page.locator(`${testId('history-day')}[data-date="${date}"]`);
  }
  get streak(): Locator {
    return this.page.locator(testId('history-streak'));
  }
  get monthReward(): Locator {
    return this.page.locator(testId('history-month-reward'));
  }
  get exportButton(): Locator {
    return this.page.locator(testId('history-export'));
  }

  /** The month shown, `YYYY-MM` (`data-month`). */
  async shownMonth(): Promise<string> {
    return (await this.month.getAttribute('data-month')) ?? '';
  }

  async selectAccount(key: string): Promise<void> {
    await this.account.selectOption(key);
  }

  /** Moves `delta` months (negative: back) and waits until the month shown changed. */
  async moveMonths(delta: number): Promise<string> {
    for (let step = 0; step < Math.abs(delta); step++) {
      const before = await this.shownMonth();
      await (delta < 0 ? this.prevButton : this.nextButton).click();
      await this.page.locator(`${testId('history-month')}:not([data-month="${before}"])`).waitFor();
    }
    return this.shownMonth();
  }

  /** `[date, state]` of every recorded day of the month shown, in calendar order. */
  async dayStates(): Promise<[string, string][]> {
    return this.days.evaluateAll((cells) => cells.map((cell) => [cell.getAttribute('data-date') ?? '', cell.getAttribute('data-state') ?? ''] as [string, string]));
  }

  /** Clicks history-export and returns the downloaded CSV: its file name and its text (BOM included). */
  async exportCsv(): Promise<{ fileName: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.exportButton.click()]);
    const path = await download.path();
    return { fileName: download.suggestedFilename(), text: await readFile(path, 'utf8') };
  }

  close(): Promise<void> {
    return this.page.close();
  }
}
