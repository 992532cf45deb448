import { i18n, setLanguage } from '../index';
import { type Lang } from '../keys';

// A page's entry to the words: the runtime is handed out from here with the loader beside it (the one
// re-export under utils/, on purpose: a page words nothing before its chunk is loaded).
export { compile, resolveLanguage, setLanguage, t, word, wordIn } from '../index';

// A page's words, one chunk per language (its own words and the worker's, which it shows as the reasons
// of failures), loaded when the page first shows that language (at start, or when the language setting
// changes): a page carries the words it shows, not every language's.

const loading = new Map<Lang, Promise<void>>();

/** A page's own part of the catalogue in one language (the options page's, say), as a chunk to load. */
export type WordsPart = (lang: Lang) => Promise<Record<string, string>>;
const ownParts: WordsPart[] = [];

/**
 * Adds a page's own words to what loadWords loads (before the first load: a page's entry calls it
 * first), so the words only one page shows travel with that page, not with the popup's start.
 */
export function withOwnWords(part: WordsPart): void {
  ownParts.push(part);
}

/** Loads the pages' words of `lang` (and the page's own, withOwnWords), once (a second call shares the first). */
export function loadWords(lang: Lang): Promise<void> {
  let words = loading.get(lang);
  if (!words) {
    const shared = Promise.all(lang === 'en' ? [import('../core/en'), import('./en')] : [import('../core/zh-CN'), import('./zh-CN')]);
    words = Promise.all([shared, ...ownParts.map((part) => part(lang))]).then(([[{ core }, { pages }], ...own]) =>
      i18n.load(lang, Object.assign({ ...core, ...pages }, ...own)),
    );
    loading.set(lang, words);
  }
  return words;
}

/**
 * Adds a part that loads later than the page's start (with a component loaded on demand): the part is
 * loaded now for every language already loaded, and with every language loaded from now on. Resolves
 * once the current ones have it.
 */
export function addOwnWords(part: WordsPart): Promise<void> {
  if (ownParts.includes(part)) return Promise.all(loading.values()).then(() => undefined);
  ownParts.push(part);
  for (const [lang, words] of loading) loading.set(lang, words.then(() => part(lang)).then((own) => i18n.load(lang, own)));
  return Promise.all(loading.values()).then(() => undefined);
}

/** The login forms' words (utils/i18n/login), for addOwnWords when a form is opened. */
export const loginWords: WordsPart = (lang) => (lang === 'en' ? import('../login/en') : import('../login/zh-CN')).then(({ login }) => login);

/** The history page's own words (utils/i18n/history), for withOwnWords. */
export const historyWords: WordsPart = (lang) => (lang === 'en' ? import('../history/en') : import('../history/zh-CN')).then(({ history }) => history);

/** The options page's own words (utils/i18n/options), for withOwnWords. */
export const optionsWords: WordsPart = (lang) => (lang === 'en' ? import('../options/en') : import('../options/zh-CN')).then(({ options }) => options);

/** Loads the pages' words of `lang` (once), then makes it the language shown. */
export async function showLanguage(lang: Lang): Promise<void> {
  await loadWords(lang);
  setLanguage(lang);
}

const reportLoading = new Map<Lang, Promise<void>>();

/**
 * Loads the diagnostics report's words of `lang`, once: only the options page shows the report, so the
 * other pages (the popup's start above all) don't carry them.
 */
export function loadReportWords(lang: Lang): Promise<void> {
  let words = reportLoading.get(lang);
  if (!words) {
    words = (lang === 'en' ? import('../report/en') : import('../report/zh-CN')).then(({ report }) => i18n.load(lang, { ...report }));
    reportLoading.set(lang, words);
  }
  return words;
}
