// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { axeViolations } from './harness/axe';
import type { ExtensionSession } from './harness/browser';
import { HistoryPage } from './harness/history-page';
import { HomingForm } from './harness/homing-flows';
import { useE2E } from './harness/lifecycle';
import { OptionsPage } from './harness/options-page';
import { PopupPage } from './harness/popup-page';
import { poll } from './harness/wait';

// axe-core on every state of the popup (empty, login, code sent, a refused field, the server's error,
// accounts with a checked-in Times account, the Homing captcha, reset password, 智桂通), the options
// page and the history page, in both languages and both themes: no violation, with axe's default
// rules.

const PHONE = '13412341234';
const MOBILE = '13800138000';
const e2e = useE2E();

type Combo = { language: 'zh-CN' | 'en'; theme: 'light' | 'dark' };
const COMBOS: Combo[] = [
  { language: 'zh-CN', theme: 'light' },
  { language: 'zh-CN', theme: 'dark' },
  { language: 'en', theme: 'light' },
  { language: 'en', theme: 'dark' },
];

/** Points the extension at the mock and picks the language and theme, through the options page. */
async function configure(session: ExtensionSession, combo: Combo): Promise<void> {
  const options = await OptionsPage.open(session);
  await options.openAdvanced();
  await options.homingBaseUrl.fill(e2e.mock.url);
  await options.save({ timesBaseUrl: e2e.mock.url });
  await options.language.selectOption(combo.language);
  await options.theme.selectOption(combo.theme);
  await options.page.locator(`html[lang="${combo.language}"][data-theme="${combo.theme}"]`).waitFor();
  await options.close();
}

/** Opens the popup and waits until it speaks the combination's language in its theme. */
async function openPopup(session: ExtensionSession, combo: Combo): Promise<PopupPage> {
  const popup = await PopupPage.open(session);
  await popup.page.locator(`html[lang="${combo.language}"][data-theme="${combo.theme}"]`).waitFor();
  return popup;
}

/** Checks the page as it is now; `state` names it in the failure. */
async function expectAccessible(popupOrPage: { page: PopupPage['page'] }, state: string): Promise<void> {
  expect(await axeViolations(popupOrPage.page), state).toEqual([]);
}

describe.each(COMBOS)('accessibility in $language, $theme theme', (combo) => {
  it('has no axe violation in any state of the popup before an account, nor on the options page', async () => {
    e2e.mock.homing.addUser(MOBILE, 'Right1234');
    const session = await e2e.launch();
    await configure(session, combo);

    const options = await OptionsPage.open(session);
    await options.openAdvanced();
    await expectAccessible(options, 'options page, advanced section open');
    await options.page.locator('[data-testid="checkin-time"]').fill('8 点');
    const refused = await options.submit();
    expect(refused.saved).toBe(false);
    await expectAccessible(options, 'options page, a refused time');
    await options.page.locator('[data-testid="checkin-time"]').fill('08:00');
    await options.addPushChannel('webhook', 'http://push.example.com/hook');
    expect((await options.submit()).saved).toBe(false);
    await expectAccessible(options, 'options page, a push channel with a refused address');
    await options.close();

    const popup = await openPopup(session, combo);
    await expectAccessible(popup, 'popup, empty');

    await popup.openTimesLogin('');
    await expectAccessible(popup, 'popup, Times login form');

    await popup.byTestId('login-submit').click();
    await popup.error.waitFor();
    await expectAccessible(popup, 'popup, a refused phone');

    await popup.byTestId('phone-input').fill(PHONE);
    await popup.sendCodeButton.click();
    await popup.byTestId('notice').waitFor();
    await expectAccessible(popup, 'popup, code sent (countdown)');

    await poll(() => e2e.mock.times.lastCode(PHONE), 10_000, 'no SMS code was sent');
    await popup.byTestId('code-input').fill('000000');
    await popup.byTestId('login-submit').click();
    await popup.error.waitFor();
    await expectAccessible(popup, "popup, the server's error");

    const form = new HomingForm(popup);
    await popup.byTestId('provider-homing').click();
    await form.mode('sms').waitFor();
    await expectAccessible(popup, 'popup, Homing SMS login');

    await form.mode('password').click();
    await form.phone.fill(MOBILE);
    await form.password.fill('Wrong9999');
    await form.submit.click();
    await form.captchaImage.waitFor();
    await expectAccessible(popup, 'popup, Homing captcha');

    await form.forgot.click();
    await form.newPassword.waitFor();
    await expectAccessible(popup, 'popup, reset password');
    await popup.page.getByRole('button', { name: combo.language === 'en' ? 'Back to login' : '返回登录' }).click();

    await form.mode('zgt').click();
    await form.zgtToken.waitFor();
    await expectAccessible(popup, 'popup, 智桂通');
  });

  it('has no axe violation with a checked-in Times account, nor on the history page', async () => {
    const session = await e2e.launch();
    await configure(session, combo);
    const popup = await openPopup(session, combo);
    const item = await popup.loginTimes(PHONE, (phone) => e2e.mock.times.lastCode(phone));
    await item.checkinButton.click();
    await item.waitForState(['done', 'already']);
    await item.streak.waitFor();
    await item.weekStrip.waitFor();
    await expectAccessible(popup, 'popup, a checked-in account with streak, week and points');

    await item.logoutButton.click();
    await item.confirmRemove.waitFor();
    await expectAccessible(popup, 'popup, asking to confirm a removal');
    await popup.page.keyboard.press('Escape');

    await item.handoff('button').click();
    await item.handoff('passphrase').fill('correct horse battery');
    await item.handoff('confirm').click();
    await item.handoff('bundle').waitFor();
    await expect.poll(() => item.sessionStatus.getAttribute('data-state')).toBe('handing-off');
    await expectAccessible(popup, 'popup, a hand-off bundle waiting for its import to be confirmed');

    const history = await HistoryPage.open(session, `times:${PHONE}`);
    await history.page.locator(`html[lang="${combo.language}"][data-theme="${combo.theme}"]`).waitFor();
    await history.day(await history.days.first().getAttribute('data-date').then((date) => date ?? '')).waitFor();
    await expectAccessible(history, 'history page');
  });
});

describe('the look follows the system', () => {
  it('is dark while the system prefers dark and the theme is auto, with the text size set in pixels', async () => {
    const session = await e2e.launch();
    const popup = await PopupPage.open(session);
    await popup.page.emulateMedia({ colorScheme: 'dark' });
    const style = () => popup.page.evaluate(() => ({ background: getComputedStyle(document.body).backgroundColor, size: getComputedStyle(document.body).fontSize }));
    expect(await style()).toEqual({ background: 'rgb(17, 24, 39)', size: '14px' });
    await popup.page.emulateMedia({ colorScheme: 'light' });
    expect(await style()).toEqual({ background: 'rgb(255, 255, 255)', size: '14px' });
  });
});
