// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { ALARM_NAME } from '@/entrypoints/background/scheduler';
import { chinaMoment } from '@/utils/china-time';
import { readCheckins, settingsItem } from '@/utils/extension/storage';
import { loginTimes, useMockApi } from '../../support';

// The worker's entry: the browser's events reach the services. The services have their own tests.

const api = useMockApi();
const collects = () => api().hits('times.collect').length;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(chinaMoment('2026-11-23', '07:00'));
  await settingsItem.setValue({ ...(await settingsItem.getValue()), checkinTime: '08:00' });
});
afterEach(() => vi.useRealTimers());

describe('background entry', () => {
  it('sets the alarm at worker start and checks in when it rings', async () => {
    const key = await loginTimes(api());
    background.main();
    await vi.waitFor(async () => expect((await fakeBrowser.alarms.get(ALARM_NAME))?.scheduledTime).toBe(chinaMoment('2026-11-23', '08:00')));
    expect(collects()).toBe(0);
    vi.setSystemTime(chinaMoment('2026-11-23', '08:00'));
    await fakeBrowser.alarms.onAlarm.trigger({ name: ALARM_NAME, scheduledTime: Date.now() });
    await vi.waitFor(async () => expect((await readCheckins())[key]?.state).toBe('done'));
    expect(collects()).toBe(1);
  });

  it('catches up at browser start when the check-in time passed while it was closed', async () => {
    const key = await loginTimes(api());
    vi.setSystemTime(chinaMoment('2026-11-23', '21:00'));
    background.main();
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(async () => expect((await readCheckins())[key]?.state).toBe('done'));
    expect(collects()).toBe(1);
  });

  it('answers a page\'s command through sendResponse', async () => {
    background.main();
    // Chrome's listener signature: (message, sender, sendResponse); the fake's types list only two.
    const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown>;
    const reply = await new Promise((resolve) => void trigger({ type: 'times.sendCode', phone: '12345' }, {}, resolve));
    expect(reply).toEqual({ ok: false, error: { key: 'validation.phone' } });
  });
});
