import { beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// Every test starts from an empty in-memory browser (storage, alarms and listeners, version 0.1.0) whose UI speaks
// Chinese, and in Chinese, the default language, with every language's words loaded as a page has
// them once shown. (Imported here, not at the top: a module loaded by a setup file would meet no
// browser yet.)
let optionsWordsAdded = false;
beforeEach(async () => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('zh-CN');
  // The fake browser has no manifest; the options page's diagnostics report names the version.
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'linli-checkin', version: '0.1.0' });
  const { showLanguage, historyWords, loginWords, optionsWords, withOwnWords } = await import('@/utils/i18n/pages');
  // The options and history pages' own words too, as their entries add them (once per test file: the
  // module stays).
  if (!optionsWordsAdded) {
    withOwnWords(optionsWords);
    withOwnWords(historyWords);
    withOwnWords(loginWords);
    optionsWordsAdded = true;
  }
  await showLanguage('en');
  await showLanguage('zh-CN');
});
