import { afterAll, beforeAll, beforeEach, vi } from 'vitest';
import { startMockApi, type MockApi } from '../mock-api/server';
import { engine } from '@/entrypoints/background/engine';
import { settingsItem, readSecrets } from '@/utils/extension/storage';
import { DEFAULT_SETTINGS, type TimesSecret } from '@/utils/storage-schema';

/** One mock API server per test file, reset before each test, with settings pointing at it. */
export function useMockApi(): () => MockApi {
  let api: MockApi | undefined;
  beforeAll(async () => {
    api = await startMockApi();
  });
  afterAll(async () => {
    await api?.close();
  });
  beforeEach(async () => {
    api!.reset();
    // The mock's clock follows the test's (fake timers replace Date).
    api!.setNow(() => Date.now());
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, timesBaseUrl: api!.url, homingBaseUrl: api!.url, checkinTime: '00:00', randomDelayMinutes: 0 });
  });
  return () => api!;
}

/** Logs a Times account in through the worker's own login, as the popup would. */
export async function loginTimes(api: MockApi, phone = '13412341234'): Promise<string> {
  await engine.timesSendCode(phone);
  return engine.timesLogin(phone, api.times.lastCode(phone)!);
}

export async function storedTimesSecret(key: string): Promise<TimesSecret> {
  const secret = (await readSecrets())[key];
  if (secret?.provider !== 'times') throw new Error('no Times session stored');
  return secret;
}

/** Node's fetch keeps no cookies, but the server ties the captcha to its session cookie: act like a browser. */
export function keepCookies(): void {
  const jar = new Map<string, string>();
  const realFetch = globalThis.fetch;
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (jar.size > 0) headers.set('cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await realFetch(input, { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      jar.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
    }
    return response;
  });
}

/**
 * Holds back the answers to the requests `hold` picks until the returned release() is called: the
 * server has answered, the extension has not heard yet. Undo with vi.unstubAllGlobals().
 */
export function holdAnswers(hold: (url: string) => boolean): () => void {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const realFetch = globalThis.fetch;
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await realFetch(input, init);
    if (hold(String(input))) await gate;
    return response;
  });
  return () => release();
}
