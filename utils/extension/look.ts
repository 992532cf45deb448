import { loadWords, resolveLanguage, showLanguage, t } from '../i18n/pages/index';
import { storage } from 'wxt/utils/storage';
import { takeStored } from './start-read';
import { parseSettings } from './storage';
import { STORED } from './storage-keys';
import { type Settings } from '../storage-schema';
import { uiLanguage } from './ui-language';

// How every page looks and speaks: the language and the theme from the settings, applied to the
// document at start and again whenever the settings change (the options page's selects apply at once
// in every open page, without a reload).

export type Look = Pick<Settings, 'language' | 'theme'>;
export type PageTitle = 'app.name' | 'options.title' | 'history.title';

/**
 * Applies a look to a document: the language (`lang` on <html>, for screen readers and fonts, and
 * the page title `titleKey`), and the theme as `data-theme` (absent for `auto`: the CSS then follows
 * prefers-color-scheme).
 */
export async function applyLook(look: Look, doc: Document, titleKey: PageTitle): Promise<void> {
  const lang = resolveLanguage(look.language, uiLanguage());
  await showLanguage(lang);
  doc.documentElement.lang = lang;
  doc.title = titleKey === 'app.name' ? t('app.name') : `${t('app.name')} · ${t(titleKey)}`;
  if (look.theme === 'auto') delete doc.documentElement.dataset.theme;
  else doc.documentElement.dataset.theme = look.theme;
}

/**
 * Applies the stored look now and after every change of the settings; resolves once applied. `read`
 * gives the stored settings (a page that reads them anyway hands its read over: one storage call less).
 */
export async function followLook(
  doc: Document,
  titleKey: PageTitle,
  read: () => Promise<unknown> = () => takeStored([STORED.settings]).then((stored) => stored[STORED.settings]),
): Promise<() => void> {
  const apply = (value: unknown) => applyLook(parseSettings(value), doc, titleKey);
  // The browser's language is the likely one: its words load while the settings are read.
  void loadWords(resolveLanguage('auto', uiLanguage()));
  await apply(await read());
  return storage.watch(STORED.settings, (value) => void apply(value));
}
