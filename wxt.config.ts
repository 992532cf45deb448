import { defineConfig } from 'wxt';

// The production Times host is the only host the extension may reach at install. Other hosts (the UAT
// preset, the user's Homing server) are optional and requested at runtime from the options page.
export const TIMES_PRODUCTION_ORIGIN = 'https://m-center-prod-linli.timesgroup.cn';

// The e2e build (`wxt build --mode e2e`, written to .output/chrome-mv3-e2e) may also reach a mock API
// server on loopback. Nothing else differs from the production build (see docs/E2E-CONTRACT.md).
const LOOPBACK = ['http://127.0.0.1/*', 'http://localhost/*'];

// The e2e build must run exactly the production code (docs/E2E-CONTRACT.md). WXT sets NODE_ENV to the
// mode's name, which would ship Vue's development runtime in `--mode e2e`: pin it to production.
if (process.env.NODE_ENV === 'e2e') process.env.NODE_ENV = 'production';

export default defineConfig({
  modules: ['@wxt-dev/module-vue'],
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
    // WXT's background logger stays quiet only when import.meta.env.MODE is "production": in e2e mode it
    // would log. A build is production code whatever its mode (the manifest still sees the real mode).
    'vite:build:extendConfig': (_entrypoints, viteConfig) => {
      viteConfig.define = { ...viteConfig.define, 'import.meta.env.MODE': JSON.stringify('production') };
    },
  },
  manifest: ({ mode }) => ({
    name: '邻里签到 Linli Check-in',
    description: '时代邻里会员每日自动签到，并提供 Homing 员工登录。Daily Times member check-in.',
    permissions: ['storage', 'alarms', 'notifications'],
    host_permissions: [`${TIMES_PRODUCTION_ORIGIN}/*`, ...(mode === 'e2e' ? LOOPBACK : [])],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: '邻里签到' },
  }),
});
