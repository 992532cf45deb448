import type { core } from './core/zh-CN';
import type { history } from './history/zh-CN';
import type { login } from './login/zh-CN';
import type { notices } from './notices/zh-CN';
import type { options } from './options/zh-CN';
import type { pages } from './pages/zh-CN';
import type { report } from './report/zh-CN';
import type { runner } from './runner/zh-CN';

// The message keys and their values, as types. Type imports only: the API layer and the check-in
// engine name messages without carrying any catalogue.

type Source = typeof core & typeof notices & typeof pages & typeof options & typeof history & typeof login & typeof runner & typeof report;

/** A catalogue part typed against the Chinese one: the same keys, any words. */
export type CoreCatalogue = { [K in keyof typeof core]: string };
export type NoticeCatalogue = { [K in keyof typeof notices]: string };
export type PageCatalogue = { [K in keyof typeof pages]: string };
export type OptionsCatalogue = { [K in keyof typeof options]: string };
export type HistoryCatalogue = { [K in keyof typeof history]: string };
export type LoginCatalogue = { [K in keyof typeof login]: string };
export type RunnerCatalogue = { [K in keyof typeof runner]: string };
export type ReportCatalogue = { [K in keyof typeof report]: string };

export type CoreKey = keyof typeof core;
export type MessageKey = keyof Source;

/** The languages shipped; zh-CN is the default. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** The `{names}` a message fills in, read from the Chinese words. */
type Placeholders<S> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;
export type ParamsOf<K extends MessageKey> = Record<Placeholders<Source[K]>, string | number>;
/** The arguments after the key: none for a message without values, else its values. */
export type ParamArgs<K extends MessageKey> = [Placeholders<Source[K]>] extends [never] ? [] : [params: ParamsOf<K>];

/**
 * Words to show, as data: a message key and its values. Errors, notices and states carry one from
 * where they arise (the API layer, the engine, the worker) to the page or notification that words it
 * in the language of the moment, so a stored one reads in the current language too.
 */
export interface Text {
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** A Text as read back from storage or a message: any key (checked when worded). */
export interface StoredText {
  key: string;
  params?: Record<string, string | number>;
}

/** A Text, its values checked against the message. */
export function text<K extends MessageKey>(key: K, ...[params]: ParamArgs<K>): Text {
  return params ? { key, params } : { key };
}
