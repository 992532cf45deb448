import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

// The yardstick for the popup's load time: a bare WXT + Vue + Pinia extension whose popup mounts a
// Vue app with one Pinia store, reads one storage.local value through WXT's storage (as our popup
// reads its items) and renders one line. It is generated under .output/bench-bare/ (no package of its
// own: Node resolves wxt, vue and pinia from this repository's node_modules, two folders up) and
// built with the same Vue compile-time flags and the same modulepreload setting as the product, so
// the comparison is about what our popup does, not about build settings.

const ROOT = resolve(import.meta.dirname, '..');
export const BARE_PROJECT = join(ROOT, '.output/bench-bare');
export const BARE_EXTENSION = join(BARE_PROJECT, '.output/chrome-mv3');
/** The storage.local key the bare popup reads, and the testid of the line it renders. */
export const BARE_KEY = 'benchLine';
export const BARE_LINE_TESTID = 'bare-line';

const FILES: Record<string, string> = {
  'wxt.config.ts': `import { defineConfig } from 'wxt';

export default defineConfig({
  modules: ['@wxt-dev/module-vue'],
  vite: () => ({
    build: { modulePreload: { polyfill: false } },
    define: { __VUE_OPTIONS_API__: 'false', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
  }),
  manifest: { name: 'bench-bare', permissions: ['storage'], action: {} },
});
`,
  'entrypoints/popup/index.html': `<!doctype html>
<html lang="zh-CN">
  <head><meta charset="UTF-8" /><title>bare</title></head>
  <body><div id="app"></div><script type="module" src="./main.ts"></script></body>
</html>
`,
  'entrypoints/popup/main.ts': `import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).use(createPinia()).mount('#app');
`,
  'entrypoints/popup/line.ts': `import { defineStore } from 'pinia';
import { ref } from 'vue';
import { storage } from 'wxt/utils/storage';

export const useLineStore = defineStore('line', () => {
  const line = ref('');
  async function load() {
    line.value = (await storage.getItem<string>('local:${BARE_KEY}')) ?? '';
  }
  return { line, load };
});
`,
  'entrypoints/popup/App.vue': `<script setup lang="ts">
import { onMounted } from 'vue';
import { useLineStore } from './line';

const store = useLineStore();
onMounted(() => store.load());
</script>

<template>
  <p v-if="store.line" data-testid="${BARE_LINE_TESTID}">{{ store.line }}</p>
</template>
`,
};

/** Writes the bare project afresh and builds it (`wxt build`); returns the unpacked extension's folder. */
export function buildBarePage(): string {
  rmSync(BARE_PROJECT, { recursive: true, force: true });
  for (const [name, text] of Object.entries(FILES)) {
    const path = join(BARE_PROJECT, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  // Without NODE_ENV, as `npm run build` runs: vite-node sets it to development, which would make WXT
  // bundle Vue's and Pinia's development builds (2.3x the code).
  const { NODE_ENV: _runner, ...env } = process.env;
  execFileSync(join(ROOT, 'node_modules/.bin/wxt'), ['build', BARE_PROJECT], { cwd: ROOT, env, stdio: 'pipe' });
  if (!existsSync(join(BARE_EXTENSION, 'popup.html'))) throw new Error(`The bare page did not build: no ${BARE_EXTENSION}/popup.html`);
  return BARE_EXTENSION;
}
