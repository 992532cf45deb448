import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browserNotifier } from '@/entrypoints/background/notify';

describe('the extension\'s notifier', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows a notice as a browser notification with its words and an icon the build ships', async () => {
    await browserNotifier.notify('relogin:times:13412341234', { kind: 'relogin', account: '134****1234' });
    const shown = (await fakeBrowser.notifications.getAll())['relogin:times:13412341234'] as { iconUrl: string; message: string };
    expect(shown.message).toContain('134****1234');
    const path = new URL(shown.iconUrl).pathname;
    expect(path).toMatch(/\.png$/);
    expect(existsSync(join(resolve(import.meta.dirname, '../../public'), path))).toBe(true);
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
