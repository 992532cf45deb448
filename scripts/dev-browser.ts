import type { WebExtConfig } from 'wxt';

// How `npm run dev` opens a browser (WXT's web-ext runner), decided from facts about this machine so the
// decision can be tested without one. wxt.config.ts hands it the real facts.

/** What `devBrowser` needs to know about the machine `npm run dev` runs on. */
export interface DevHost {
  /** `process.platform`. */
  platform: string;
  /** `DISPLAY` / `WAYLAND_DISPLAY`: unset or empty on a server, in a container, over plain SSH. */
  display?: string;
  waylandDisplay?: string;
  /** `process.getuid?.()`; undefined on Windows. */
  uid?: number;
  /** The Chromium/Chrome that scripts/find-browser.mjs chose (CHROME_PATH first), if any. */
  chromium?: string;
}

export interface DevBrowser {
  config: WebExtConfig;
  /** Why no browser is opened, for the dev server to print; undefined when one is. */
  note?: string;
}

/**
 * WXT's runner config for `npm run dev`.
 *
 * - Linux without a display: no browser. web-ext starts a windowed Chromium, which dies at once there and
 *   takes the dev server down with a bare ECONNRESET from its DevTools pipe (measured with Debian's
 *   Chromium and no DISPLAY). The dev build is still written and rebuilt on every change.
 * - As root (containers, CI images): `--no-sandbox`, since Chromium refuses to start its sandbox as root.
 * - The browser is the one `npm start` and the tests use, so a Google Chrome 137+ (which ignores
 *   --load-extension, web-ext's way of loading the build) is not picked by accident.
 */
export function devBrowser(host: DevHost): DevBrowser {
  const headless = host.platform === 'linux' && !host.display && !host.waylandDisplay;
  if (headless) {
    return {
      config: { disabled: true },
      note:
        'No display (DISPLAY and WAYLAND_DISPLAY are unset), so no browser is opened; the dev build in ' +
        '.output/chrome-mv3-dev is still rebuilt on every change. To run it in a browser here all the same (unseen): ' +
        '`xvfb-run -a npm run dev` (Debian: apt-get install xvfb). `npm start` checks headless that the ' +
        'production build loads.',
    };
  }
  return {
    config: {
      ...(host.chromium ? { binaries: { chrome: host.chromium } } : {}),
      ...(host.uid === 0 ? { chromiumArgs: ['--no-sandbox'] } : {}),
    },
  };
}
