// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { CaptchaMode } from '../mock-api/captcha';
import type { ExtensionSession } from './harness/browser';
import { HomingForm, homingCookieTrail, logoutBearerDigests, recordDialogs, saveHomingBaseUrl, storageContains } from './harness/homing-flows';
import { OptionsPage } from './harness/options-page';
import { useE2E } from './harness/lifecycle';
import { PopupPage } from './harness/popup-page';
import { digest, readStorage, secretDigests } from './harness/storage';
import { observe, poll } from './harness/wait';

// Homing employee auth, end to end: the built extension in Chromium against the mock Homing API.
// Every test starts a fresh profile and points the extension at the mock through the options page.

const MOBILE = '13800138000';
const MASKED = '138****8000';
const KEY = `homing:${MOBILE}`;
const PASSWORD = 'Right1234';
/** The text CaptchaImage shows instead of an image it refuses to render (utils/views/captcha.ts). */
const CAPTCHA_UNAVAILABLE = '验证码无法显示，请刷新';
const CHINESE = /[\u4e00-\u9fff]/;

const e2e = useE2E();

/** A fresh browser whose Homing base URL is the mock, and its popup. */
async function startWithHoming(): Promise<{ s: ExtensionSession; popup: PopupPage; form: HomingForm }> {
  const session = await e2e.launch();
  await saveHomingBaseUrl(session, e2e.mock.url);
  const popup = await PopupPage.open(session);
  await popup.openHomingLogin();
  return { s: session, popup, form: new HomingForm(popup) };
}

/** Password mode with a wrong password: the server refuses it and asks for an image captcha. */
async function failPasswordOnce(popup: PopupPage, form: HomingForm): Promise<void> {
  await form.mode('password').click();
  await form.phone.fill(MOBILE);
  await form.password.fill('Wrong9999');
  await form.submit.click();
  await popup.error.waitFor();
}


describe('Homing password login with image captcha', () => {
  it('asks for a captcha after a wrong password, logs in with a refreshed one, and logs out at the server', async () => {
    e2e.mock.homing.addUser(MOBILE, PASSWORD);
    const { s, popup, form } = await startWithHoming();

    await failPasswordOnce(popup, form);
    // The captcha is a plain <img> with a PNG data URL the extension built itself (utils/views/captcha.ts).
    await form.captchaImage.waitFor();
    expect(await form.captchaImage.evaluate((el) => el.tagName)).toBe('IMG');
    const firstSrc = (await form.captchaImage.getAttribute('src')) ?? '';
    expect(firstSrc.startsWith('data:image/png;base64,')).toBe(true);

    await form.captchaRefresh.click();
    await expect.poll(async () => (await form.captchaImage.getAttribute('src')) !== firstSrc).toBe(true);
    expect(((await form.captchaImage.getAttribute('src')) ?? '').startsWith('data:image/png;base64,')).toBe(true);
    expect(e2e.mock.hits('homing.refreshImageCode')).toHaveLength(1);

    const captcha = e2e.mock.homing.captchaText() ?? '';
    await form.captchaInput.fill(captcha);
    await form.password.fill(PASSWORD);
    const item = popup.homingAccount(MOBILE);
    await form.expectListed(item);

    // The captcha lives in the server's session cookie: the worker's requests must all carry the one
    // cookie the first answer set. Without it each request would be a new session that never asked
    // for a captcha, and the login above would pass while the real server refuses it.
    expect(homingCookieTrail(e2e.mock)).toEqual(['login:-', 'refreshImageCode:A', 'login:A']);
    expect(JSON.parse(e2e.mock.hits('homing.login')[1].body).imgCode).toBe(captcha);

    // The list shows the masked mobile only; the full number appears nowhere on the page.
    expect(await item.root.innerText()).toContain(MASKED);
    expect(await popup.page.locator('body').innerText()).not.toContain(MOBILE);
    expect(await item.sessionStatus.getAttribute('data-state')).toBe('active');

    // The stored token is the one the server issued and still honours.
    const issued = e2e.mock.homing.validTokens();
    expect(issued).toHaveLength(1);
    const [token] = issued;
    const tokenDigest = await digest(token);
    expect((await secretDigests(s.worker, KEY)).token === tokenDigest).toBe(true);

    await item.remove();
    await item.root.waitFor({ state: 'detached' });

    // Logout reached the server with that token as a bearer, and the server dropped it.
    expect(await logoutBearerDigests(e2e.mock)).toEqual([tokenDigest]);
    expect(e2e.mock.homing.validTokens().includes(token)).toBe(false);
    expect(await popup.error.isVisible()).toBe(false);
    // Nothing of the session is left behind: no secret entry, no account, the token in no stored value.
    const stored = await readStorage(s.worker);
    expect(stored.secretKeys).not.toContain(KEY);
    expect(stored.accounts?.filter((account) => account.provider === 'homing')).toEqual([]);
    expect(await storageContains(s.worker, token)).toBe(false);
  });
});

describe('Homing forgotten password', () => {
  it('resets the password by SMS code, refusing a weak one on the spot, then logs in with the new one', async () => {
    e2e.mock.homing.addUser(MOBILE, 'OldPass111');
    const { popup, form } = await startWithHoming();
    await form.mode('password').click();
    await form.forgot.click();

    await form.phone.fill(MOBILE);
    await form.sendCode.click();
    const code = await poll(() => e2e.mock.homing.lastCode(MOBILE, 'forgot'), 10_000, 'no reset code was sent');
    await form.code.fill(code);

    // Too short, and letters only: both break the rule, and the page says so before any request.
    for (const weak of ['abc123', 'abcdefgh']) {
      await form.newPassword.fill(weak);
      await form.resetSubmit.click();
      // Accepted, the form would go back to password login: wait for either, then say which.
      await popup.error.or(form.password).first().waitFor();
      expect(await popup.error.isVisible()).toBe(true);
      expect(await popup.error.getAttribute('role')).toBe('alert');
      expect(await popup.error.innerText()).toMatch(CHINESE);
      expect(await observe(() => e2e.mock.hits('homing.resetPassword').length, 1_000)).toEqual([0]);
    }
    expect(e2e.mock.homing.password(MOBILE)).toBe('OldPass111');

    await form.newPassword.fill('abc12345');
    await form.resetSubmit.click();

    // Back in password mode, the mobile carried over, and the server holds the new password.
    await form.password.waitFor();
    expect(await form.phone.inputValue()).toBe(MOBILE);
    expect(await form.code.count()).toBe(0);
    expect(await popup.error.isVisible()).toBe(false);
    expect(e2e.mock.hits('homing.resetPassword')).toHaveLength(1);
    expect(e2e.mock.homing.password(MOBILE) === 'abc12345').toBe(true);

    await form.password.fill('abc12345');
    const item = popup.homingAccount(MOBILE);
    await form.expectListed(item);
    expect(await item.sessionStatus.getAttribute('data-state')).toBe('active');
  });
});

describe('Homing captcha from a hostile server', () => {
  // A compromised server controls valiCodeImg: an SVG with script, a javascript: URL, raw HTML. The
  // mock's payloads all call alert(), so a dialog is the sign that any of them ran.
  it.each<CaptchaMode>(['svg', 'javascript', 'html'])('does not render a %s captcha and runs none of its script', async (captchaMode) => {
    e2e.mock.homing.captchaMode = captchaMode;
    e2e.mock.homing.addUser(MOBILE, PASSWORD);
    const { popup, form } = await startWithHoming();
    const dialogs = recordDialogs(popup.page);

    await failPasswordOnce(popup, form);

    // Whichever the form shows, image or notice, the test goes on at once and says which it was.
    const unavailable = popup.page.getByText(CAPTCHA_UNAVAILABLE);
    await form.captchaImage.or(unavailable).first().waitFor();
    expect(await unavailable.isVisible()).toBe(true);
    // Nothing that could load the payload exists in the page: no image, frame, object or inline SVG.
    expect(await popup.page.locator('img, iframe, object, embed, svg').count()).toBe(0);
    expect(await form.captchaImage.count()).toBe(0);
    // An onerror/onload would fire shortly after insertion: watch a little before concluding.
    expect(await observe(() => dialogs.length, 1_500)).toEqual([0]);
    // The captcha was really offered (so the test is about rendering, not a missing captcha).
    expect(e2e.mock.homing.captchaText()).toBeDefined();

    // The listener works in this page: an alert the test itself raises is seen.
    await popup.page.evaluate(() => alert('probe'));
    expect(dialogs).toEqual(['alert: probe']);
  });
});

describe('Homing SMS and 智桂通 login', () => {
  it('logs in by SMS code and lists the account', async () => {
    const { popup, form } = await startWithHoming();

    await form.mode('sms').click();
    await form.phone.fill(MOBILE);
    await form.sendCode.click();
    const code = await poll(() => e2e.mock.homing.lastCode(MOBILE, 'login'), 10_000, 'no SMS code was sent');
    await form.code.fill(code);
    const item = popup.homingAccount(MOBILE);
    await form.expectListed(item);

    expect(await item.root.innerText()).toContain(MASKED);
    expect(await item.sessionStatus.getAttribute('data-state')).toBe('active');
    expect(e2e.mock.hits('homing.loginBySmsCode')).toHaveLength(1);
  });

  it('logs in with a 智桂通 token the server knows and lists the account', async () => {
    e2e.mock.homing.zgtTokens.add('zgt-e2e-good-token');
    const { popup, form } = await startWithHoming();

    await form.mode('zgt').click();
    await form.zgtToken.fill('zgt-e2e-good-token');
    await form.expectListed(popup.homingAccounts, form.zgtSubmit);

    // A 智桂通 login has no mobile: the account is keyed by the server's account code.
    expect(await popup.homingAccounts.count()).toBe(1);
    expect(await popup.homingAccounts.getAttribute('data-account-key')).toMatch(/^homing:\S+$/);
    expect(await popup.homingAccounts.locator('[data-testid="session-status"]').getAttribute('data-state')).toBe('active');
  });

  it("shows the server's message when the 智桂通 token is refused, and lists nothing", async () => {
    const { popup, form } = await startWithHoming();

    await form.mode('zgt').click();
    await form.zgtToken.fill('zgt-e2e-unknown-token');
    await form.zgtSubmit.click();

    await popup.error.or(popup.homingAccounts).first().waitFor();
    expect(await popup.error.isVisible()).toBe(true);
    expect(await popup.error.getAttribute('role')).toBe('alert');
    expect(await popup.error.innerText()).toBe('智桂通 token 无效');
    expect(e2e.mock.hits('homing.zgtLogin')).toHaveLength(1);
    expect(await popup.homingAccounts.count()).toBe(0);
  });
});

describe('Homing base URL setting', () => {
  it('saves a valid Homing base URL and refuses ftp://x with a message, keeping the saved one', async () => {
    const session = await e2e.launch();
    const options = await OptionsPage.open(session);

    await options.openAdvanced();
    await options.homingBaseUrl.fill(e2e.mock.url);
    expect(await options.submit()).toEqual({ saved: true });
    expect(await options.saved.isVisible()).toBe(true);
    expect((await readStorage(session.worker)).settings?.homingBaseUrl).toBe(e2e.mock.url);

    await options.homingBaseUrl.fill('ftp://x');
    const refused = await options.submit();
    expect(refused.saved).toBe(false);
    expect(refused.error).toMatch(CHINESE);
    // The message sits by the Homing field, which names it as its description.
    expect(await options.homingBaseUrl.getAttribute('aria-invalid')).toBe('true');
    expect(await options.error.getAttribute('id')).toBe(await options.homingBaseUrl.getAttribute('aria-describedby'));
    expect(await options.error.getAttribute('role')).toBe('alert');
    expect(await options.saved.isVisible()).toBe(false);
    expect((await readStorage(session.worker)).settings?.homingBaseUrl).toBe(e2e.mock.url);

    // A reopened page shows what is stored: the valid URL, not the refused one.
    await options.close();
    const reopened = await OptionsPage.open(session);
    expect(await reopened.homingBaseUrl.inputValue()).toBe(e2e.mock.url);
  });
});
