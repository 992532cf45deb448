import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { startMockApi, type MockApi } from '../../mock-api/server';
import { launchExtension, type ExtensionSession, type LaunchOptions } from './browser';
import { ensureFreshBuild } from './build';

export interface E2E {
  /** The file's mock API server, reset before each test. */
  readonly mock: MockApi;
  /** Starts Chromium with the built extension; it is closed after the test if still open. */
  launch(options?: LaunchOptions): Promise<ExtensionSession>;
  /** Closes the browser now (to restart it on the same profile, say). */
  closeBrowser(): Promise<void>;
}

/** One mock API per test file, fresh mock state per test, and at most one browser open at a time. */
export function useE2E(): E2E {
  let mock: MockApi | undefined;
  let session: ExtensionSession | undefined;
  const closeBrowser = async () => {
    await session?.close();
    session = undefined;
  };
  beforeAll(async () => {
    ensureFreshBuild();
    mock = await startMockApi();
  });
  beforeEach(() => mock?.reset());
  afterEach(closeBrowser);
  afterAll(() => mock?.close());
  return {
    get mock() {
      if (!mock) throw new Error('the mock API starts in beforeAll');
      return mock;
    },
    async launch(options) {
      await closeBrowser();
      session = await launchExtension(options);
      return session;
    },
    closeBrowser,
  };
}
