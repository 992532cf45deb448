import { chmodSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

// `npm run build:runner`: the always-on runner in .output/runner/, for Node 18 or newer with no
// node_modules: the entry linli-checkin.mjs (what people and the tests run) and, beside it in chunks/,
// each command's code, which the entry imports when that command runs (runner/cli.ts), so that a cron
// `run` or a `status` parses only what it uses. The folder is copied as a whole: the entry finds its
// chunks by relative paths. Everything is bundled (zod, ofetch, proper-lockfile …); nothing of WXT may
// end up in it: the runner's imports never reach wxt/* (docs/ARCHITECTURE.md).

const root = resolve(import.meta.dirname, '..');
export const RUNNER_DIR = resolve(root, '.output/runner');
export const RUNNER_FILE = join(RUNNER_DIR, 'linli-checkin.mjs');

// No chunk of an earlier build may linger beside the new ones.
rmSync(RUNNER_DIR, { recursive: true, force: true });
await build({
  entryPoints: { 'linli-checkin': resolve(root, 'runner/cli.ts') },
  outdir: RUNNER_DIR,
  outExtension: { '.js': '.mjs' },
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node18',
  alias: {
    '@': root,
    // ofetch's Node build adds node-fetch-native (170 KB) for Node versions without a global fetch; on
    // Node 18+ it calls the global fetch, as its plain build does.
    ofetch: resolve(root, 'node_modules/ofetch/dist/index.mjs'),
  },
  // Libraries read NODE_ENV: Lingui keeps its ICU message compiler (40 KB with its parser) unless it
  // says production; ours is registered by utils/i18n/index.ts, as in the extension's build.
  define: { 'process.env.NODE_ENV': '"production"' },
  // The CommonJS parts (proper-lockfile, graceful-fs) call require() for Node's own modules, which an
  // ES module lacks: each file gets one (the chunk holding them is not known in advance).
  banner: {
    js: "import { createRequire as __linliRequire } from 'node:module';\nconst require = __linliRequire(import.meta.url);",
  },
  legalComments: 'eof',
  logLevel: 'warning',
});
writeFileSync(RUNNER_FILE, `#!/usr/bin/env node\n${readFileSync(RUNNER_FILE, 'utf8')}`);
chmodSync(RUNNER_FILE, 0o755);

const files = readdirSync(RUNNER_DIR, { recursive: true })
  .map(String)
  .filter((name) => name.endsWith('.mjs'))
  .map((name) => join(RUNNER_DIR, name));
// The extension's storage and browser APIs must not leak in (they would fail outside a browser).
const leaks = ['wxt/', '@wxt-dev', 'webextension-polyfill', 'chrome.runtime', 'browser.runtime'].filter((marker) =>
  files.some((file) => readFileSync(file, 'utf8').includes(marker)),
);
if (leaks.length > 0) {
  console.error(`The runner bundle contains extension code: ${leaks.join(', ')}`);
  process.exit(1);
}
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
const total = files.reduce((sum, file) => sum + statSync(file).size, 0);
console.log(`${RUNNER_FILE} (${kb(statSync(RUNNER_FILE).size)}; ${files.length} files, ${kb(total)} in all)`);
