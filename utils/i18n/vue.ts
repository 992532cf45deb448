import { readonly, shallowRef } from 'vue';
import { i18n } from './index';
import type { Lang, MessageKey, ParamArgs, StoredText } from './keys';
import { t as translate, word as wordText } from './pages/index';

// The pages' Vue binding: `t` and `word` read the current language through a ref, so whatever shows
// words re-renders when the language changes (the options page's select applies at once, no reload).

const current = shallowRef(i18n.locale as Lang);
i18n.on('change', () => (current.value = i18n.locale as Lang));

/** The language shown now (reactive). */
export const language = readonly(current);

export function t<K extends MessageKey>(key: K, ...params: ParamArgs<K>): string {
  void current.value;
  return translate(key, ...params);
}

export function word(value: StoredText | string): string {
  void current.value;
  return wordText(value);
}

/**
 * A message cut at its `{values}`, for a template that puts an element where a value goes (a number
 * a test reads, in bold): `{ text }` parts and `{ slot }` parts in the language's order.
 */
export function parts(key: MessageKey): ({ text: string } | { slot: string })[] {
  void current.value;
  const message = i18n.messages[key];
  const raw = typeof message === 'string' ? message : key;
  return raw
    .split(/\{(\w+)\}/)
    .map((part, index) => (index % 2 === 1 ? { slot: part } : { text: part }))
    .filter((part) => !('text' in part) || part.text !== '');
}
