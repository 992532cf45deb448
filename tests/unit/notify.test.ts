import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browserNotifier } from '@/entrypoints/background/notify';

describe('the extension\'s notifier', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows a notice as a browser notification with its words', async () => {
    await browserNotifier.notify('relogin:times:13412341234', { kind: 'relogin', account: '134****1234' });
    expect(await fakeBrowser.notifications.getAll()).toHaveProperty(['relogin:times:13412341234']);
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
