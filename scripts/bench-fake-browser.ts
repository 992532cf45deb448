import { fakeBrowser } from 'wxt/testing/fake-browser';

// Imported first by the measuring scripts that reuse the unit tests' in-memory ports: those take the
// default settings from utils/extension/storage.ts, which defines WXT storage items at import, and WXT's
// storage throws outside an extension. WXT's in-memory fake browser (what its Vitest plugin gives
// the unit tests) stands in; the engine under measure never touches it (its store is in memory).
(globalThis as unknown as { chrome: unknown }).chrome = fakeBrowser;
