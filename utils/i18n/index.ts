import { setupI18n } from '@lingui/core';
import type { Lang, MessageKey, ParamArgs, StoredText } from './keys';


// The words of both homes of the extension (the worker and the pages), through Lingui's runtime. The
// catalogues are loaded by each home: the worker (and the runner) carry the words they use in every
// language (core/index.ts); a page carries the words every page shows in both languages, and loads its
// own part for the language it shows (pages/index.ts).
// Lingui's own ICU compiler costs 6.8 KB gzip; our messages only fill in `{name}` values, so they are
// compiled by the few lines of `compile` below, registered through Lingui's compiler hook.

/** `'已领取 {points} 邦豆'` → `['已领取 ', ['points'], ' 邦豆']`, Lingui's compiled form. */
export function compile(message: string): (string | [string])[] {
  return message.split(/\{(\w+)\}/).map((part, index) => (index % 2 === 1 ? [part] : part));
}

// Lingui compiles a message at every call that words it; a popup with 20 accounts words a few hundred,
// mostly the same dozen messages: each is compiled once (the result is only read, never changed).
const compiled = new Map<string, (string | [string])[]>();
function compileOnce(message: string): (string | [string])[] {
  let tokens = compiled.get(message);
  if (!tokens) compiled.set(message, (tokens = compile(message)));
  return tokens;
}

export const i18n = setupI18n({ locale: 'zh-CN', messages: { 'zh-CN': {}, en: {} } });
i18n.setMessagesCompiler(compileOnce);

/**
 * The language for a setting (`auto` or a language) and the browser's UI language (a BCP 47 tag such
 * as `zh-CN`, `zh-TW`, `en-GB`, `fr`). `auto`: Chinese for any Chinese, English for any other
 * language, Chinese when the browser says nothing (the extension's default, as in its manifest).
 */
export function resolveLanguage(setting: Lang | 'auto', uiLanguage: string | undefined): Lang {
  if (setting !== 'auto') return setting;
  if (!uiLanguage || /^zh\b/i.test(uiLanguage)) return 'zh-CN';
  return 'en';
}

export function setLanguage(lang: Lang): void {
  if (i18n.locale !== lang) i18n.activate(lang);
}

/** The message in the current language, its `{values}` filled in. */
export function t<K extends MessageKey>(key: K, ...[params]: ParamArgs<K>): string {
  return i18n._(key, params);
}

const isKey = (key: string): key is MessageKey => Object.prototype.hasOwnProperty.call(i18n.messages, key);

/**
 * A Text in the current language. A plain string is shown as it is: that is how records stored before
 * errors became Texts read (their words are Chinese). A key this version does not know (stored by a
 * newer one) reads as the generic failure rather than as a key.
 */
export function word(value: StoredText | string): string {
  if (typeof value === 'string') return value;
  const params = Object.fromEntries(Object.entries(value.params ?? {}).map(([name, param]) => [name, typeof param === 'string' || typeof param === 'number' ? param : '']));
  return isKey(value.key) ? i18n._(value.key, params) : t('error.unexpected');
}

/** A Text worded in `lang` (the worker words each notification in the language of the moment). */
export function wordIn(lang: Lang, value: StoredText | string): string {
  setLanguage(lang);
  return word(value);
}
