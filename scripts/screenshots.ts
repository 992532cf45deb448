import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { TIMES_PRODUCTION_URL } from '../utils/hosts';
import { addChinaDays, chinaDate, chinaMoment } from '../utils/china-time';
import { launchExtension, type ExtensionSession } from '../tests/e2e/harness/browser';
import { HistoryPage } from '../tests/e2e/harness/history-page';
import { OptionsPage } from '../tests/e2e/harness/options-page';
import { PopupPage } from '../tests/e2e/harness/popup-page';
import { startMockApi, type MockApi } from '../tests/mock-api/server';

// `npm run screenshots`: the store screenshots, 1280×800 PNG, in Chinese and English, written to
// .output/screenshots/. The e2e build runs against the mock API: a Times account logs in by SMS and
// checks in (a streak of five days, its points, its 7-day strip), with some past days in its history.
// The popup is shown at its real size, centred on a plain background; the options and history pages
// fill the frame. Each language also gets a dark popup. Nothing here reaches a real server.

const root = resolve(import.meta.dirname, '..');
const outDir = join(root, '.output', 'screenshots');
const WIDTH = 1280;
const HEIGHT = 800;
const PHONE = '13412341234';
const NICKNAME = { 'zh-CN': '妈妈', en: 'Mum' } as const;
type Lang = keyof typeof NICKNAME;

declare const chrome: {
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } };
};

/** Past days of this month and the last, as the history stores them: mostly signed, one missed, one lost. */
function pastHistory(now: number): [string, string, number, number | null, number | null][] {
  const today = chinaDate(now);
  return Array.from({ length: 24 }, (_, i) => {
    const date = addChinaDays(today, i - 24);
    const at = Math.floor(chinaMoment(date, '08:04') / 1000);
    if (i === 6) return [date, 'missed', at, null, null];
    if (i === 13) return [date, 'lost', at, null, null];
    const reward = [5, 5, 10, 5, 5, 5, 20][i % 7];
    return [date, i % 9 === 4 ? 'already' : 'done', at, reward, 100 + i * 6];
  });
}

async function settle(page: Page, lang: Lang, theme: 'light' | 'dark'): Promise<void> {
  await page.locator(`html[lang="${lang}"][data-theme="${theme}"]`).waitFor();
  // Fonts and layout settle before the picture.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

async function setLook(session: ExtensionSession, lang: Lang, theme: 'light' | 'dark'): Promise<void> {
  const options = await OptionsPage.open(session);
  await options.language.selectOption(lang);
  await options.theme.selectOption(theme);
  await settle(options.page, lang, theme);
  await options.close();
}

/** The popup's own picture, centred at its real size on a plain 1280×800 page. */
async function popupShot(session: ExtensionSession, lang: Lang, theme: 'light' | 'dark'): Promise<Buffer> {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 380, height: 600 });
  await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
  await page.locator('[data-testid="streak"]').waitFor();
  await settle(page, lang, theme);
  const popup = await page.locator('main.popup').screenshot();
  await page.close();
  const stage = await session.context.newPage();
  await stage.setViewportSize({ width: WIDTH, height: HEIGHT });
  const background = theme === 'dark' ? '#0b1220' : '#e8eef7';
  await stage.setContent(
    `<html><body style="margin:0;height:${HEIGHT}px;display:flex;align-items:center;justify-content:center;background:${background}">` +
      `<img src="data:image/png;base64,${popup.toString('base64')}" style="width:380px;border-radius:12px;box-shadow:0 12px 40px rgba(0,0,0,.35)"></body></html>`,
  );
  await stage.locator('img').evaluate((img: HTMLImageElement) => img.decode());
  const shot = await stage.screenshot({ clip: { x: 0, y: 0, width: WIDTH, height: HEIGHT } });
  await stage.close();
  return shot;
}

async function pageShot(page: Page): Promise<Buffer> {
  return page.screenshot({ clip: { x: 0, y: 0, width: WIDTH, height: HEIGHT } });
}

async function shoot(mock: MockApi, lang: Lang): Promise<string[]> {
  const session = await launchExtension({ locale: lang });
  const written: string[] = [];
  const save = (name: string, png: Buffer) => {
    const file = join(outDir, `${lang}-${name}.png`);
    writeFileSync(file, png);
    written.push(file);
  };
  try {
    const options = await OptionsPage.open(session);
    await options.save({ timesBaseUrl: mock.url, randomDelayMinutes: 0, checkinTime: '08:00' });
    await options.close();
    await setLook(session, lang, 'light');

    // Four days signed before today: today's check-in makes a five-day streak.
    const today = chinaDate(Date.now());
    mock.times.setSignedDays(PHONE, [1, 2, 3, 4].map((days) => addChinaDays(today, -days)));
    const popup = await PopupPage.open(session);
    const item = await popup.loginTimes(PHONE, (phone) => mock.times.lastCode(phone));
    // The worker checks in at once when 08:00 has passed; before that, the button does.
    await item.waitForState(['pending', 'done']);
    if ((await item.state()) === 'pending') await item.checkinButton.click();
    await item.waitForState('done');
    await item.rename(NICKNAME[lang]);
    await item.nickname.waitFor();
    await item.streak.waitFor();
    // Seeded: past days for the calendar, and the account shown as one of the production server (the
    // popup names any other server, and the mock's address means nothing in a store listing).
    await session.worker.evaluate(
      async ({ history, production }) => {
        const { accounts } = await chrome.storage.local.get('accounts');
        const shown = (accounts as Record<string, unknown>[]).map((account) => ({ ...account, server: production }));
        await chrome.storage.local.set({ history, accounts: shown });
      },
      { history: { [`times:${PHONE}`]: pastHistory(Date.now()) }, production: new URL(TIMES_PRODUCTION_URL).origin },
    );
    await popup.page.close();

    save('popup', await popupShot(session, lang, 'light'));

    const settings = await OptionsPage.open(session);
    await settings.page.setViewportSize({ width: WIDTH, height: HEIGHT });
    await settle(settings.page, lang, 'light');
    save('options', await pageShot(settings.page));
    await settings.close();

    const history = await HistoryPage.open(session, `times:${PHONE}`);
    await history.page.setViewportSize({ width: WIDTH, height: HEIGHT });
    await history.days.first().waitFor();
    await settle(history.page, lang, 'light');
    save('history', await pageShot(history.page));
    await history.close();

    await setLook(session, lang, 'dark');
    save('popup-dark', await popupShot(session, lang, 'dark'));
  } finally {
    await session.close();
  }
  return written;
}

console.log('▶ wxt build --mode e2e');
execFileSync('npx', ['wxt', 'build', '--mode', 'e2e'], { cwd: root, stdio: 'inherit' });
mkdirSync(outDir, { recursive: true });
const mock = await startMockApi();
try {
  for (const lang of ['zh-CN', 'en'] as const) {
    mock.reset();
    for (const file of await shoot(mock, lang)) console.log(`${file}  ${WIDTH}×${HEIGHT}`);
  }
} finally {
  await mock.close();
}
