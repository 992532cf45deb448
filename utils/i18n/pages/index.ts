import { core as coreEn } from '../core/en';
import { core as coreZh } from '../core/zh-CN';
import { i18n, setLanguage } from '../index';
import { type Lang } from '../keys';
import { pages as pagesEn } from './en';
import { pages as pagesZh } from './zh-CN';

// A page's entry to the words: the runtime is handed out from here with the loader beside it (the one
// re-export under utils/, on purpose: a page words nothing before its words are loaded).
export { compile, resolveLanguage, setLanguage, t, word, wordIn } from '../index';

// The words every page shows (its own and the worker's, which it shows as the reasons of failures) come
// with the page's script, in both languages: the language is only known once the settings are read, and
// a chunk loaded then is one more round trip to the browser before the first paint (npm run bench: the
// popup loading one language's chunk, even begun first thing, took 1.07x the time of carrying both, which
// costs it about 4 KB gzip). What only one page shows (the options and history pages' own words, the
// login forms', the notifications' and pushes': notices/) loads when that page or form does.
const START_WORDS: Record<Lang, Record<string, string>> = { 'zh-CN': { ...coreZh, ...pagesZh }, en: { ...coreEn, ...pagesEn } };

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

/**
 * Loads the pages' words of `lang` and the page's own (withOwnWords), once (a second call shares the
 * first). Without own parts (the popup) it settles without loading anything.
 */
export function loadWords(lang: Lang): Promise<void> {
  let words = loading.get(lang);
  if (!words) {
    words = Promise.all(ownParts.map((part) => part(lang))).then((own) => i18n.load(lang, Object.assign({ ...START_WORDS[lang] }, ...own)));
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

/** The history page's own words (utils/i18n/history), the CSV's among them: for withOwnWords, and for addOwnWords with the popup's CSV button. */
export const historyWords: WordsPart = (lang) => (lang === 'en' ? import('../history/en') : import('../history/zh-CN')).then(({ history }) => history);

/** The options page's own words (utils/i18n/options), with the pushes' (utils/i18n/notices: it tests a channel and shows why one failed), for withOwnWords. */
export const optionsWords: WordsPart = (lang) =>
  Promise.all(lang === 'en' ? [import('../options/en'), import('../notices/en')] : [import('../options/zh-CN'), import('../notices/zh-CN')]).then(
    ([{ options }, { notices }]) => ({ ...options, ...notices }),
  );

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
