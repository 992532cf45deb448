import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

// `npm run bench`: what the extension costs. First the JS each entry loads (raw and gzip) against its
// budget and the size of the store zip; then, each in its own script (TypeScript, run by vite-node):
// the check-in round trip against the mock API (bench-checkin.ts, printed only), the requests one
// China day costs per account (bench-day.ts), the storage a year fills (bench-storage.ts), the
// popup's load time in Chromium (bench-popup.ts) and the runner's start (bench-runner.ts). Exits 1 when the build fails, an entry is over
// budget, the e2e build's JS differs from production's, or a measuring script fails or reports a
// figure over its budget, so CI catches regressions. Speed and size are measured here, never by
// timed tests.

const root = resolve(import.meta.dirname, '..');
const outDir = join(root, '.output');
const buildDir = join(outDir, 'chrome-mv3');
const env = { ...process.env, PATH: [join(root, 'node_modules/.bin'), process.env.PATH].join(delimiter) };

// KB here is 1024 bytes. Extensions load from disk, so gzip is not what the browser reads; it is the
// stable proxy for "how much code" that the budgets were set in (minified sizes swing with names).
const KB = 1024;
const BUDGETS = { background: 45 * KB, popup: 60 * KB };

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  return result.error ? 1 : (result.status ?? 1);
}

/** The JS files an extension page loads at start: its module scripts and modulepreloads. */
function pageScripts(htmlFile) {
  const html = readFileSync(join(buildDir, htmlFile), 'utf8');
  const srcs = [
    ...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g),
    ...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g),
  ].map((match) => match[1]);
  return srcs.map((src) => join(buildDir, src.replace(/^\//, '')));
}

/**
 * The files plus every chunk they import statically, followed transitively (Vite usually lists them
 * all as modulepreloads already; this also covers a chunk it did not). Dynamic import() chunks are not
 * counted: they load later, if at all.
 */
function withStaticImports(files) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const [, spec] of code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) {
      visit(resolve(dirname(file), spec));
    }
  };
  files.forEach(visit);
  return [...seen];
}

function measure(files) {
  let raw = 0;
  let gzip = 0;
  // Each file compressed on its own, as it is stored and shipped; the total is their sum.
  for (const file of files) {
    const bytes = readFileSync(file);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip, count: files.length };
}

const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;

console.log('▶ wxt zip (builds .output/chrome-mv3, then zips it)');
// One command for both: `wxt zip` runs the production build first, so a separate `wxt build` would
// only build the same thing twice.
if (run('wxt', ['zip']) !== 0) {
  console.error('The build failed: no sizes to report.');
  process.exit(1);
}

const entries = [
  { name: 'background', files: [join(buildDir, 'background.js')] },
  // What the popup loads before it shows anything: its script and whatever it imports statically (its
  // words in both languages are part of it: utils/i18n/pages/index.ts).
  { name: 'popup', files: withStaticImports(pageScripts('popup.html')) },
  { name: 'options', files: withStaticImports(pageScripts('options.html')) },
  // The history page comes with its own entry; until a build has it, the table says so.
  existsSync(join(buildDir, 'history.html')) ? { name: 'history', files: withStaticImports(pageScripts('history.html')) } : { name: 'history' },
];

console.log('\nJS per entry (KB = 1024 bytes; gzip = node:zlib level 9, per file, summed):');
console.log(`${'entry'.padEnd(12)}${'files'.padStart(6)}${'raw'.padStart(12)}${'gzip'.padStart(12)}${'budget'.padStart(12)}  result`);
const over = [];
for (const entry of entries) {
  if (!entry.files) {
    console.log(`${entry.name}: not built`);
    continue;
  }
  const size = measure(entry.files);
  const budget = BUDGETS[entry.name];
  const verdict = budget === undefined ? '-' : size.gzip < budget ? 'PASS' : 'OVER';
  if (verdict === 'OVER') over.push(`${entry.name} is ${kb(size.gzip)} gzip, budget < ${kb(budget)}`);
  console.log(
    `${entry.name.padEnd(12)}${String(size.count).padStart(6)}${kb(size.raw).padStart(12)}${kb(size.gzip).padStart(12)}` +
      `${(budget === undefined ? 'none' : `< ${kb(budget)}`).padStart(12)}  ${verdict}`,
  );
}

const zips = readdirSync(outDir)
  .filter((name) => name.endsWith('-chrome.zip'))
  .map((name) => ({ name, stat: statSync(join(outDir, name)) }))
  .sort((a, b) => b.stat.mtimeMs - a.stat.mtimeMs);
console.log(zips[0] ? `\nStore zip: .output/${zips[0].name}  ${kb(zips[0].stat.size)} (${zips[0].stat.size} bytes)` : '\nStore zip: not found');

// The browser tests drive the e2e build: it must be the production code plus loopback host permissions
// (docs/E2E-CONTRACT.md), or e2e would test something users never run.
const jsFiles = (dir) =>
  readdirSync(dir, { recursive: true })
    .map(String)
    .filter((name) => name.endsWith('.js'))
    .sort();
let e2eDiffers = ['the e2e build failed'];
if (run('wxt', ['build', '--mode', 'e2e']) === 0) {
  const e2eDir = join(outDir, 'chrome-mv3-e2e');
  const names = [...new Set([...jsFiles(buildDir), ...jsFiles(e2eDir)])];
  const same = (name) => {
    try {
      return readFileSync(join(buildDir, name)).equals(readFileSync(join(e2eDir, name)));
    } catch {
      return false;
    }
  };
  e2eDiffers = names.filter((name) => !same(name));
}
console.log(`
E2E build runs the production JS: ${e2eDiffers.length === 0 ? 'yes (every .js file identical)' : `NO: ${e2eDiffers.join(', ')}`}`);

// vitest.config.ts gives the scripts the `@/` alias that the test helpers they reuse import with.
const MEASURES = [
  ['check-in round trip', 'scripts/bench-checkin.ts'],
  ['requests per account-day', 'scripts/bench-day.ts'],
  ['storage after a year', 'scripts/bench-storage.ts'],
  // Drives .output/chrome-mv3-e2e, built above; needs Chromium (scripts/find-browser.mjs).
  ['popup load', 'scripts/bench-popup.ts'],
  // Builds the runner (.output/runner), then times `status` against a bare Node.
  ['runner start', 'scripts/bench-runner.ts'],
];
const failed = MEASURES.filter(([, script]) => run('vite-node', ['--config', 'vitest.config.ts', script]) !== 0).map(([name]) => name);

if (over.length > 0) {
  console.error(`\n!!! OVER BUDGET !!!\n${over.map((line) => `  - ${line}`).join('\n')}`);
}
if (failed.length > 0) console.error(`\nOver budget or could not run: ${failed.join(', ')} (see above).`);
process.exit(over.length > 0 || failed.length > 0 || !zips[0] || e2eDiffers.length > 0 ? 1 : 0);
