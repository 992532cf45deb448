import { browser } from 'wxt/browser';

/**
 * The browser's UI language (the one its own menus use, a BCP 47 tag such as `zh-CN` or `en-US`), or
 * undefined where neither the extension API nor `navigator` says.
 */
export function uiLanguage(): string | undefined {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return typeof navigator === 'undefined' ? undefined : navigator.language;
  }
}
