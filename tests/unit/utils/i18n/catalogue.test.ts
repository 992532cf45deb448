import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { core as coreEn } from '@/utils/i18n/core/en';
import { core as coreZh } from '@/utils/i18n/core/zh-CN';
import { compile, resolveLanguage, t, word, setLanguage } from '@/utils/i18n/pages';
import { pages as pagesEn } from '@/utils/i18n/pages/en';
import { pages as pagesZh } from '@/utils/i18n/pages/zh-CN';
import { history as historyEn } from '@/utils/i18n/history/en';
import { login as loginEn } from '@/utils/i18n/login/en';
import { login as loginZh } from '@/utils/i18n/login/zh-CN';
import { notices as noticesEn } from '@/utils/i18n/notices/en';
import { notices as noticesZh } from '@/utils/i18n/notices/zh-CN';
import { history as historyZh } from '@/utils/i18n/history/zh-CN';
import { options as optionsEn } from '@/utils/i18n/options/en';
import { options as optionsZh } from '@/utils/i18n/options/zh-CN';
import { report as reportEn } from '@/utils/i18n/report/en';
import { report as reportZh } from '@/utils/i18n/report/zh-CN';
import { runner as runnerEn } from '@/utils/i18n/runner/en';
import { runner as runnerZh } from '@/utils/i18n/runner/zh-CN';

// The catalogues: every key in every language with the same values, and no words left in the code.

const root = resolve(import.meta.dirname, '../../../..');
const catalogues: [string, Record<string, string>, Record<string, string>][] = [
  ['core', coreZh, coreEn],
  ['notices', noticesZh, noticesEn],
  ['pages', pagesZh, pagesEn],
  ['options', optionsZh, optionsEn],
  ['history', historyZh, historyEn],
  ['login', loginZh, loginEn],
  ['runner', runnerZh, runnerEn],
  ['report', reportZh, reportEn],
];
const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('catalogues', () => {
  it.each(catalogues)('%s: zh-CN and en have the same keys', (_part, zh, en) => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  it.each(catalogues)('%s: every message fills in the same values in both languages, none empty', (_part, zh, en) => {
    for (const [key, message] of Object.entries(zh)) {
      expect(placeholders(en[key] ?? ''), key).toEqual(placeholders(message));
      expect(message.trim(), key).not.toBe('');
      expect((en[key] ?? '').trim(), key).not.toBe('');
    }
  });

  it('has no key twice across its parts', () => {
    const keys = catalogues.flatMap(([, zh]) => Object.keys(zh));
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
  });

  it('writes English words in the English catalogue (Chinese only in names: 智桂通, the language names)', () => {
    const cjk = /[\u4e00-\u9fff]/;
    const allowed = /智桂通|中文（简体）|时代邻里/;
    for (const [, , en] of catalogues) {
      for (const [key, message] of Object.entries(en)) {
        if (cjk.test(message)) expect(message.replace(new RegExp(allowed, 'g'), ''), key).not.toMatch(cjk);
      }
    }
  });
});

describe('wording', () => {
  it('fills in values and switches language at once', () => {
    setLanguage('zh-CN');
    expect(t('popup.claimed', { points: 15 })).toBe('已领取 15 邦豆');
    setLanguage('en');
    expect(t('popup.claimed', { points: 15 })).toBe('Claimed 15 points');
  });

  it('compiles a message into text and values, as Lingui reads it', () => {
    expect(compile('已领取 {points} 邦豆')).toEqual(['已领取 ', ['points'], ' 邦豆']);
    expect(compile('{a}{b}')).toEqual(['', ['a'], '', ['b'], '']);
  });

  it('shows a stored string as it is, and a key it does not know as a failure, never as a key', () => {
    setLanguage('en');
    expect(word('服务器暂时不可用 (HTTP 502)')).toBe('服务器暂时不可用 (HTTP 502)');
    expect(word({ key: 'error.fromTheFuture' })).toBe('Something went wrong. Please try again');
    expect(word({ key: 'error.unavailable', params: { status: 502 } })).toBe('The server is unavailable for now (HTTP 502)');
  });

  it.each([
    ['auto', 'zh-CN', 'zh-CN'],
    ['auto', 'zh-TW', 'zh-CN'],
    ['auto', 'zh', 'zh-CN'],
    ['auto', 'en-GB', 'en'],
    ['auto', 'fr', 'en'],
    ['auto', undefined, 'zh-CN'],
    ['en', 'zh-CN', 'en'],
    ['zh-CN', 'en-US', 'zh-CN'],
  ] as const)('setting %s with a browser in %s speaks %s', (setting, browserLanguage, lang) => {
    expect(resolveLanguage(setting, browserLanguage)).toBe(lang);
  });
});

/** Source files under `dir` with one of `extensions`, as paths from the project root. */
function sources(dir: string, extensions: string[]): string[] {
  return readdirSync(join(root, dir), { recursive: true })
    .map(String)
    .filter((name) => extensions.some((ext) => name.endsWith(ext)))
    .map((name) => join(dir, name));
}

/** The code without its comments (HTML, block and line comments; a `//` in a URL is not one). */
function withoutComments(code: string): string {
  return code
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[\s;,{}()])\/\/.*$/gm, '$1');
}

// The server's own words that the code must recognise (utils/api/times.ts saysAlreadySigned and
// isTodaysSignInRefusal).
const SERVER_WORDS = [
  String.raw`/(已经?|早已)\s*(完成)?\s*(签到|签过|签了|打卡|签(?=[\s，。！!,.;；、]|$))|重复签到|再次签到|签到过了|签到已经?(完成|成功)|already\s+(been\s+)?(signed|checked)|(signed|checked)[\s-]*in\s+already|duplicate\s+(sign|check)/i`,
  String.raw`/(今日|今天|当日|当天|本日)[^，。,.;；]{0,6}签到|today'?s?\s+(sign|check)/i`,
  String.raw`/稍后|重试|再试|繁忙|later|again|busy/i`,
];

describe('no words in the code', () => {
  const files = [
    ...sources('components', ['.vue', '.ts']),
    ...sources('entrypoints', ['.vue', '.ts']),
    ...sources('stores', ['.ts']),
    ...sources('runner', ['.ts']),
    ...sources('utils', ['.ts']).filter((file) => !file.startsWith(join('utils', 'i18n'))),
  ];

  it('looks at the components, the pages and the helpers', () => {
    expect(files.map((file) => relative(root, join(root, file)))).toEqual(
      expect.arrayContaining([join('components', 'AccountItem.vue'), join('entrypoints', 'popup', 'App.vue'), join('utils', 'views', 'notice-text.ts'), join('stores', 'accounts.ts'), join('runner', 'cli.ts')]),
    );
  });

  it.each(files)('%s holds no Chinese outside comments', (file) => {
    let code = withoutComments(readFileSync(join(root, file), 'utf8'));
    for (const words of SERVER_WORDS) code = code.replace(words, '');
    const lines = code.split('\n').filter((line) => /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/.test(line));
    expect(lines).toEqual([]);
  });
});
