import { describe, expect, it } from 'vitest';
import { devBrowser } from '../../../scripts/dev-browser';

describe('the browser `npm run dev` opens', () => {
  it.each([
    ['no DISPLAY nor WAYLAND_DISPLAY', {}],
    ['empty DISPLAY', { display: '' }],
  ])('opens none on Linux with %s, and says why', (_case, env) => {
    const dev = devBrowser({ platform: 'linux', uid: 0, chromium: '/usr/bin/chromium', ...env });
    expect(dev.config).toEqual({ disabled: true });
    expect(dev.note).toMatch(/No display/);
    expect(dev.note).toContain('.output/chrome-mv3-dev');
  });

  it.each([
    ['an X display', { display: ':99' }],
    ['a Wayland display', { waylandDisplay: 'wayland-0' }],
  ])('opens the chosen Chromium on Linux with %s', (_case, env) => {
    const dev = devBrowser({ platform: 'linux', uid: 1000, chromium: '/usr/bin/chromium', ...env });
    expect(dev.config).toEqual({ binaries: { chrome: '/usr/bin/chromium' } });
    expect(dev.note).toBeUndefined();
  });

  it('adds --no-sandbox as root, where Chromium will not start its sandbox', () => {
    const dev = devBrowser({ platform: 'linux', uid: 0, display: ':99', chromium: '/usr/bin/chromium' });
    expect(dev.config.chromiumArgs).toEqual(['--no-sandbox']);
  });

  it('keeps the sandbox for a normal user', () => {
    expect(devBrowser({ platform: 'linux', uid: 1000, display: ':0' }).config.chromiumArgs).toBeUndefined();
  });

  it('needs no DISPLAY on macOS or Windows, and leaves the browser to web-ext when none was found', () => {
    expect(devBrowser({ platform: 'darwin', uid: 501 })).toEqual({ config: {} });
    expect(devBrowser({ platform: 'win32' })).toEqual({ config: {} });
  });
});
