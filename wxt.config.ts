import { defineConfig } from 'wxt';
import { findBrowser } from './scripts/find-browser.mjs';
import { devBrowser } from './scripts/dev-browser';

// The production Times host is the only host the extension may reach at install. Other hosts (the UAT
// preset, the user's Homing server) are optional and requested at runtime from the options page.
export const TIMES_PRODUCTION_ORIGIN = 'https://m-center-prod-linli.timesgroup.cn';

// The e2e build (`wxt build --mode e2e`, written to .output/chrome-mv3-e2e) may also reach a mock API
// server on loopback. Nothing else differs from the production build (see docs/E2E-CONTRACT.md).
const LOOPBACK = ['http://127.0.0.1/*', 'http://localhost/*'];

// Firefox's id for this add-on. It must never change once published: it is how Firefox and
// addons.mozilla.org know an update belongs to an installed copy (and keys its storage).
export const GECKO_ID = 'linli-checkin@linli.example';

// The oldest Firefox with everything the manifest uses: MV3 background scripts (109), storage.session
// (115), optional_host_permissions in MV3 (128), and data_collection_permissions, which Firefox for
// desktop knows from 140 and Firefox for Android from 142 (MDN, browser_specific_settings; older
// versions refuse to install a manifest that carries it).
const FIREFOX_MIN = '140.0';
const FIREFOX_ANDROID_MIN = '142.0';

// A missing or wrong CHROME_PATH must not break a build: only `npm run dev` opens a browser.
function chromiumForDev(): string | undefined {
  try {
    return findBrowser();
  } catch {
    return undefined;
  }
}
const dev = devBrowser({
  platform: process.platform,
  display: process.env.DISPLAY,
  waylandDisplay: process.env.WAYLAND_DISPLAY,
  uid: process.getuid?.(),
  chromium: chromiumForDev(),
});

// The e2e build must run exactly the production code (docs/E2E-CONTRACT.md). WXT sets NODE_ENV to the
// mode's name, which would ship Vue's development runtime in `--mode e2e`: pin it to production.
if (process.env.NODE_ENV === 'e2e') process.env.NODE_ENV = 'production';

// Firefox's install prompt shows what leaves the browser (PRIVACY.md): the phone number a user logs in
// with (personally identifying) and the SMS codes, passwords and tokens of those logins (authentication),
// sent only to the Times API and the user's Homing server, which need them to work; and, once the user
// adds a push channel (issue 12), the day's check-in outcomes and points (activity on the Times site)
// with account nicknames or masked phones, sent to the push service the user chose. Declared required:
// an optional one would need a Firefox-only request when a channel is added, and the code has no
// per-browser branch. No analytics, no telemetry.
const FIREFOX_SETTINGS = {
  gecko: {
    id: GECKO_ID,
    strict_min_version: FIREFOX_MIN,
    data_collection_permissions: { required: ['personallyIdentifyingInfo', 'authenticationInfo', 'websiteActivity'] },
  },
  gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN },
};

export default defineConfig({
  modules: ['@wxt-dev/module-vue'],
  // Every file imports what it uses (issue 11): no auto-import scan, no global names a linter can't see,
  // and no "Duplicated imports" warnings at install.
  imports: false,
  // MV3 for every browser (WXT would build MV2 for Firefox): one manifest shape, one set of APIs.
  manifestVersion: 3,
  webExt: dev.config,
  vite: () => ({
    // Chrome supports modulepreload natively: the polyfill is dead weight in every page.
    build: { modulePreload: { polyfill: false } },
    // Vue's compile-time flags: no Options API (we write <script setup> only) and no prod devtools,
    // which keeps the popup inside its size budget (npm run bench).
    define: {
      __VUE_OPTIONS_API__: 'false',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
  }),
  hooks: {
    // WXT builds every HTML page in one step, so a module two pages share goes into a chunk of its own
    // and the popup started with four scripts and a stylesheet. On an extension page every file is a
    // round trip to the browser process, and those, not the bytes, were most of the popup's lag behind
    // a bare page (npm run bench). Built alone, the popup is one script; the options and history pages
    // still share theirs. (The popup's words and styles come with it too: pages/index.ts, index.html.)
    'entrypoints:grouped': (_wxt, groups) => {
      for (const group of groups) {
        const popup = Array.isArray(group) ? group.findIndex((entry) => entry.type === 'popup') : -1;
        if (popup >= 0 && (group as unknown[]).length > 1) groups.push((group as unknown[]).splice(popup, 1) as typeof group);
      }
    },
    'server:started': (wxt) => {
      if (dev.note) wxt.logger.info(dev.note);
    },
    // public/icon.svg is the source of public/icon/*.png (npm run icons), not something the extension loads.
    'build:publicAssets': (_wxt, files) => {
      const source = files.findIndex((file) => file.relativeDest === 'icon.svg');
      if (source >= 0) files.splice(source, 1);
    },
    // WXT makes the popup page's <title> the toolbar button's tooltip; the tooltip comes from _locales.
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.action = { ...manifest.action, default_title: '__MSG_actionTitle__' };
    },
    // WXT's background logger stays quiet only when import.meta.env.MODE is "production": in e2e mode it
    // would log. A build is production code whatever its mode (the manifest still sees the real mode).
    'vite:build:extendConfig': (_entrypoints, viteConfig) => {
      // Likewise process.env.NODE_ENV, which libraries read (Lingui keeps its 7 KB message compiler
      // unless it says production).
      viteConfig.define = {
        ...viteConfig.define,
        'import.meta.env.MODE': JSON.stringify('production'),
        'process.env.NODE_ENV': JSON.stringify('production'),
      };
    },
  },
  manifest: ({ mode, browser }) => ({
    // The words come from public/_locales (zh_CN by default, en), so the stores and the browser show
    // them in the user's language.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage', 'alarms', 'notifications'],
    host_permissions: [`${TIMES_PRODUCTION_ORIGIN}/*`, ...(mode === 'e2e' ? LOOPBACK : [])],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // Chrome 123 is the first with CSS light-dark(), which the colours use (components/app.css).
    ...(browser === 'firefox' ? { browser_specific_settings: FIREFOX_SETTINGS } : { minimum_chrome_version: '123' }),
  }),
});
