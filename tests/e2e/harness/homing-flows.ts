import type { Locator, Page, Worker } from 'playwright-core';
import type { MockApi, RecordedRequest } from '../../mock-api/server';
import type { ExtensionSession } from './browser';
import { OptionsPage } from './options-page';
import type { AccountItem, PopupPage } from './popup-page';
import { digest } from './storage';

// Steps the Homing scenarios share, and what the mock saw of them in a form safe to assert on: tokens
// only ever appear as digests or booleans, because a failing expect prints the values it compared.

/** Points the extension at a Homing server through the options page, as a user would. */
export async function saveHomingBaseUrl(session: ExtensionSession, url: string): Promise<void> {
  const options = await OptionsPage.open(session);
  await options.openAdvanced();
  await options.homingBaseUrl.fill(url);
  const result = await options.submit();
  if (!result.saved) throw new Error(`options refused the Homing base URL: ${result.error}`);
  await options.close();
}

/** The Homing login form of the popup (and its reset-password form), by contract hooks only. */
export class HomingForm {
  constructor(private readonly popup: PopupPage) {}

  private hook(id: string): Locator {
    return this.popup.byTestId(id);
  }

  get phone() { return this.hook('phone-input'); }
  get password() { return this.hook('password-input'); }
  get code() { return this.hook('code-input'); }
  get sendCode() { return this.hook('send-code'); }
  get captchaImage() { return this.hook('captcha-image'); }
  get captchaRefresh() { return this.hook('captcha-refresh'); }
  get captchaInput() { return this.hook('captcha-input'); }
  get submit() { return this.hook('login-submit'); }
  get forgot() { return this.hook('forgot-password'); }
  get newPassword() { return this.hook('new-password-input'); }
  get resetSubmit() { return this.hook('reset-submit'); }
  get zgtToken() { return this.hook('zgt-token-input'); }
  get zgtSubmit() { return this.hook('zgt-submit'); }

  mode(mode: 'sms' | 'password' | 'zgt'): Locator {
    return this.hook(`login-mode-${mode}`);
  }

  /** Submits a login and waits for the account to be listed or an error; throws with the error. */
  async expectListed(item: AccountItem | Locator, submit: Locator = this.submit): Promise<void> {
    const root = 'root' in item ? item.root : item;
    await submit.click();
    await root.first().or(this.popup.error).first().waitFor();
    if (await this.popup.error.isVisible()) throw new Error(`login failed: ${await this.popup.error.innerText()}`);
  }
}

/** Every alert/confirm/prompt the page opens, dismissed at once so nothing blocks. */
export function recordDialogs(page: Page): string[] {
  const seen: string[] = [];
  page.on('dialog', (dialog) => {
    seen.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  return seen;
}

function header(request: RecordedRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join('; ') : value;
}

/** Digest of the `Authorization: Bearer <token>` each logout carried (undefined: no bearer). */
export function logoutBearerDigests(mock: MockApi): Promise<(string | undefined)[]> {
  return Promise.all(
    mock.hits('homing.logout').map(async (request) => {
      const token = /^Bearer (\S+)$/.exec(header(request, 'authorization') ?? '')?.[1];
      return token === undefined ? undefined : digest(token);
    }),
  );
}

/**
 * Which captcha session (HSESSION cookie) each Homing request carried, as letters in order of first
 * appearance ('-' for none): `login:-, refresh:A, login:A` is one session kept throughout.
 */
export function homingCookieTrail(mock: MockApi): string[] {
  const names = new Map<string, string>();
  return mock.requests
    .filter((request) => request.route.startsWith('homing.'))
    .map((request) => {
      const id = /(?:^|;\s*)HSESSION=([^;]+)/.exec(header(request, 'cookie') ?? '')?.[1];
      if (id === undefined) return `${request.route.slice('homing.'.length)}:-`;
      if (!names.has(id)) names.set(id, String.fromCharCode(65 + names.size));
      return `${request.route.slice('homing.'.length)}:${names.get(id)}`;
    });
}

/** True when any value in the extension's local storage contains `secret`; the secret stays in the worker. */
export function storageContains(worker: Worker, secret: string): Promise<boolean> {
  return worker.evaluate(async (text) => {
    const local = (globalThis as unknown as { chrome: { storage: { local: { get(keys: null): Promise<unknown> } } } }).chrome.storage.local;
    return JSON.stringify(await local.get(null)).includes(text);
  }, secret);
}
