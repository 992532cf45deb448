import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { notifyOnce } from '@/entrypoints/background/notify';

const publicDir = resolve(import.meta.dirname, '../../public');

describe('notifications', () => {
  it('show an icon the build ships (a file under public/)', async () => {
    await notifyOnce('lost:times:13400001234:2026-11-23', '签到失败', '今天的签到没有完成');
    const shown = await fakeBrowser.notifications.getAll();
    const { iconUrl } = shown['lost:times:13400001234:2026-11-23'] as { iconUrl: string };
    const path = new URL(iconUrl).pathname;
    expect(path).toMatch(/\.png$/);
    expect(existsSync(join(publicDir, path))).toBe(true);
  });
});
