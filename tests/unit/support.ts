import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startMockApi, type MockApi } from '../mock-api/server';
import { timesLogin, timesSendCode } from '@/entrypoints/background/accounts';
import { DEFAULT_SETTINGS, settingsItem, readSecrets, type TimesSecret } from '@/utils/storage';

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
  await timesSendCode(phone);
  return timesLogin(phone, api.times.lastCode(phone)!);
}

export async function storedTimesSecret(key: string): Promise<TimesSecret> {
  const secret = (await readSecrets())[key];
  if (secret?.provider !== 'times') throw new Error('no Times session stored');
  return secret;
}
