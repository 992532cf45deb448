import { i18n, wordIn } from '../index';
import type { Lang, MessageKey, ParamArgs, StoredText } from '../keys';
import { core as coreEn } from '../core/en';
import { core as coreZh } from '../core/zh-CN';
import { notices as noticesEn } from '../notices/en';
import { notices as noticesZh } from '../notices/zh-CN';
import { report as reportEn } from '../report/en';
import { report as reportZh } from '../report/zh-CN';
import { runner as runnerEn } from './en';
import { runner as runnerZh } from './zh-CN';

// The runner's entry to the words: both languages of the words both homes share (core/), of its own
// (this folder) and of the diagnostics report (report/), loaded at once. A runner process words everything in one language, chosen at start.
i18n.load({ 'zh-CN': { ...coreZh, ...noticesZh, ...runnerZh, ...reportZh }, en: { ...coreEn, ...noticesEn, ...runnerEn, ...reportEn } });

/** The runner's words in one language: `t` fills a message's `{values}`, `word` words a Text from the engine. */
export interface RunnerWords {
  lang: Lang;
  t<K extends MessageKey>(key: K, ...params: ParamArgs<K>): string;
  word(value: StoredText | string): string;
}

export function runnerWords(lang: Lang): RunnerWords {
  return {
    lang,
    t: (key, ...[params]) => wordIn(lang, params ? { key, params } : { key }),
    word: (value) => wordIn(lang, value),
  };
}

/**
 * The runner's language: LINLI_LANG when set (`zh…` or `en…`; undefined for anything else, which the
 * command line refuses), else the locale (LC_ALL, LC_MESSAGES, LANG): Chinese when it starts with zh.
 */
export function langFromEnv(env: Record<string, string | undefined>): Lang | undefined {
  const chosen = env.LINLI_LANG?.trim().toLowerCase();
  if (chosen) return chosen.startsWith('zh') ? 'zh-CN' : chosen.startsWith('en') ? 'en' : undefined;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
