import { defineStore } from 'pinia';
import { ref } from 'vue';
import { text, type StoredText } from '@/utils/i18n/keys';
import { CommandError } from '@/utils/extension/messages';

/** A field of the login forms an error can be tied to (its input shows it, aria-describedby). */
export type Field = 'phone' | 'code' | 'password' | 'captcha' | 'zgtToken' | 'newPassword';

/** The error shown: its words, and the field it is about (none: about the whole attempt). */
export interface Problem {
  text: StoredText;
  field?: Field;
}

/** The id of the element that shows a field's error, for the field's aria-describedby. */
export const errorId = (field: Field) => `error-${field}`;

/**
 * The popup's transient UI state: the one error shown (role="alert"), next to its field when it is
 * about one, and an informational notice (announced by a live region). Both hold words as data, so
 * they read in the language of the moment.
 */
export const useUiStore = defineStore('ui', () => {
  const error = ref<Problem>();
  const notice = ref<StoredText>();

  function clear() {
    error.value = undefined;
    notice.value = undefined;
  }

  /** The form changed: the error it answered no longer applies. */
  function clearError() {
    error.value = undefined;
  }

  function fail(words: StoredText, field?: Field) {
    notice.value = undefined;
    error.value = field ? { text: words, field } : { text: words };
  }

  function inform(words: StoredText) {
    error.value = undefined;
    notice.value = words;
  }

  /** The attributes tying a field to its error while it has one (aria-invalid, aria-describedby). */
  function fieldState(field: Field): Record<string, string> {
    return error.value?.field === field ? { 'aria-invalid': 'true', 'aria-describedby': errorId(field) } : {};
  }

  /**
   * Runs a command; a failure becomes the shown error, `onError` sees it (e.g. for a captcha the server
   * asks for) and the result is undefined.
   */
  async function attempt<T>(task: () => Promise<T>, onError?: (error: CommandError) => void): Promise<T | undefined> {
    clear();
    try {
      return await task();
    } catch (caught) {
      const error = caught instanceof CommandError ? caught : new CommandError(text('error.unexpected'));
      fail(error.text);
      onError?.(error);
      return undefined;
    }
  }

  return { error, notice, clear, clearError, fail, inform, fieldState, attempt };
});
