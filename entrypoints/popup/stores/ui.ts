import { defineStore } from 'pinia';
import { ref } from 'vue';
import { CommandError } from '@/utils/messages';

/** The popup's transient UI state: the one error shown (role="alert") and an informational notice. */
export const useUiStore = defineStore('ui', () => {
  const error = ref('');
  const notice = ref('');

  function clear() {
    error.value = '';
    notice.value = '';
  }

  function fail(message: string) {
    notice.value = '';
    error.value = message;
  }

  function inform(message: string) {
    error.value = '';
    notice.value = message;
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
      const error = caught instanceof CommandError ? caught : new CommandError('操作失败，请稍后重试');
      fail(error.message);
      onError?.(error);
      return undefined;
    }
  }

  return { error, notice, clear, fail, inform, attempt };
});
