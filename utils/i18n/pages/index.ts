import { i18n, setLanguage, type Lang } from '../index';

export * from '../index';

// A page's words, one chunk per language (its own words and the worker's, which it shows as the reasons
// of failures), loaded when the page first shows that language (at start, or when the language setting
// changes): a page carries the words it shows, not every language's.

const loaded = new Set<Lang>();

/** Loads the pages' words of `lang` (once), then makes it the language shown. */
export async function showLanguage(lang: Lang): Promise<void> {
  if (!loaded.has(lang)) {
    const [{ core }, { pages }] = await Promise.all(
      lang === 'en' ? [import('../core/en'), import('./en')] : [import('../core/zh-CN'), import('./zh-CN')],
    );
    i18n.load(lang, { ...core, ...pages });
    loaded.add(lang);
  }
  setLanguage(lang);
}
