import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browserNotifier } from '@/entrypoints/background/notify';
import { settingsItem } from '@/utils/extension/storage';
import { DEFAULT_SETTINGS } from '@/utils/storage-schema';

describe('the extension\'s notifier', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows a notice as a browser notification with its words and an icon the build ships', async () => {
    await browserNotifier.notify('relogin:times:13412341234', { kind: 'relogin', account: '134****1234' });
    const shown = (await fakeBrowser.notifications.getAll())['relogin:times:13412341234'] as { iconUrl: string; message: string };
    expect(shown.message).toContain('134****1234');
    const path = new URL(shown.iconUrl).pathname;
    expect(path).toMatch(/\.png$/);
    expect(existsSync(join(resolve(import.meta.dirname, '../../../../public'), path))).toBe(true);
  });

  it.each([
    ['zh-CN', '邻里签到：2026-11-23 未能签到', '账号 妈妈：服务器暂时不可用 (HTTP 502)'],
    ['en', 'Linli Check-in: no check-in on 2026-11-23', 'Account 妈妈: The server is unavailable for now (HTTP 502)'],
  ] as const)('words a notice and its reason in the language set (%s)', async (language, title, message) => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, language });
    const reason = { key: 'error.unavailable' as const, params: { status: 502 } };
    await browserNotifier.notify('lost:times:13412341234:2026-11-23', { kind: 'lost', account: '妈妈', date: '2026-11-23', reason });
    expect((await fakeBrowser.notifications.getAll())['lost:times:13412341234:2026-11-23']).toMatchObject({ title, message });
  });

  it('shows a reason stored as words before issue 7 as it is', async () => {
    await browserNotifier.notify('lost:times:13412341234:2026-11-22', { kind: 'lost', account: '妈妈', date: '2026-11-22', reason: '网络连接失败' });
    expect((await fakeBrowser.notifications.getAll())['lost:times:13412341234:2026-11-22']).toMatchObject({ message: '账号 妈妈：网络连接失败' });
  });

  it('logs a failed notifications.create once, without secrets, and does not reject', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(fakeBrowser.notifications, 'create').mockRejectedValue(new TypeError('notifications are not supported'));
    await expect(browserNotifier.notify('lost:times:13412341234:2026-11-23', { kind: 'lost', account: '134****1234', date: '2026-11-23' })).resolves.toBeUndefined();
    await browserNotifier.notify('expiring:times:13412341234:2026-11-23', { kind: 'expiring', account: '134****1234', points: 5 });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toMatch(/notifications unavailable \(TypeError\)/);
    expect(String(warn.mock.calls[0][0])).not.toMatch(/13412341234|token/);
  });
});
