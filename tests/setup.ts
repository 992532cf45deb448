import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// Every test starts from an empty in-memory browser: storage, alarms and listeners.
beforeEach(() => {
  fakeBrowser.reset();
});
