import { i18n, setLanguage, type Lang } from '../index';

export * from '../index';

// A page's words, one chunk per language (its own words and the worker's, which it shows as the reasons
// of failures), loaded when the page first shows that language (at start, or when the language setting
// changes): a page carries the words it shows, not every language's.

const loading = new Map<Lang, Promise<void>>();

/** Loads the pages' words of `lang`, once (a second call shares the first). */
export function loadWords(lang: Lang): Promise<void> {
  let words = loading.get(lang);
  if (!words) {
    words = Promise.all(lang === 'en' ? [import('../core/en'), import('./en')] : [import('../core/zh-CN'), import('./zh-CN')]).then(
      ([{ core }, { pages }]) => i18n.load(lang, { ...core, ...pages }),
    );
    loading.set(lang, words);
  }
  return words;
}

/** Loads the pages' words of `lang` (once), then makes it the language shown. */
export async function showLanguage(lang: Lang): Promise<void> {
  await loadWords(lang);
  setLanguage(lang);
}
