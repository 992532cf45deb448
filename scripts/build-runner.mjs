import { chmodSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';

// `npm run build:runner`: the always-on runner as one self-contained file, .output/runner/linli-checkin.mjs,
// that runs on Node 18 or newer with no node_modules. Everything is bundled (zod, ofetch, proper-lockfile
// …); nothing of WXT may end up in it: the runner's imports never reach wxt/* (docs/ARCHITECTURE.md).

const root = resolve(import.meta.dirname, '..');
export const RUNNER_FILE = resolve(root, '.output/runner/linli-checkin.mjs');

await build({
  entryPoints: [resolve(root, 'runner/cli.ts')],
  outfile: RUNNER_FILE,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node18',
  alias: { '@': root },
  // The CommonJS parts (proper-lockfile, graceful-fs) call require() for Node's own modules, which an
  // ES module lacks: give them one.
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __linliRequire } from 'node:module';\nconst require = __linliRequire(import.meta.url);",
  },
  legalComments: 'eof',
  logLevel: 'warning',
});
chmodSync(RUNNER_FILE, 0o755);

const text = readFileSync(RUNNER_FILE, 'utf8');
// The extension's storage and browser APIs must not leak in (they would fail outside a browser).
const leaks = ['wxt/', '@wxt-dev', 'webextension-polyfill', 'chrome.runtime', 'browser.runtime'].filter((marker) => text.includes(marker));
if (leaks.length > 0) {
  console.error(`The runner bundle contains extension code: ${leaks.join(', ')}`);
  process.exit(1);
}
console.log(`${RUNNER_FILE} (${(statSync(RUNNER_FILE).size / 1024).toFixed(0)} KB)`);
