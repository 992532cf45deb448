import { i18n } from '../index';
import { core as en } from './en';
import { core as zhCN } from './zh-CN';
import { notices as noticesEn } from '../notices/en';
import { notices as noticesZh } from '../notices/zh-CN';

// The worker's entry to the words: it loads them, then hands out the runtime, so nothing in a home words
// a message before the catalogue is in (the one re-export under utils/, on purpose).
export { resolveLanguage, wordIn } from '../index';

// The words the worker uses (its notifications' and pushes' with them), in every language at once: a notification is worded in
// the language of the moment, which may change while the worker runs.
i18n.load({ 'zh-CN': { ...zhCN, ...noticesZh }, en: { ...en, ...noticesEn } });
