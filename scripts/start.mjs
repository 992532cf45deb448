import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, realpathSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { ensureBrowser } from './find-browser.mjs';

// `npm start` (after `npm install`): build the extension and open Chrome/Chromium with it loaded, in a
// profile kept in .chrome-profile/ (gitignored), so accounts and settings survive a restart.
//
//   npm start                  production build (.output/chrome-mv3)
//   npm start -- --e2e         the e2e build (.output/chrome-mv3-e2e): the same plus host permissions
//                              for 127.0.0.1/localhost, so a local mock API works without a permission prompt
//   npm start -- --mock        also run the mock Times/Homing API (tests/mock-api) in this terminal; it
//                              prints its URL and every SMS code, so you can log in without a phone.
//                              Best with --e2e: `npm start -- --e2e --mock`. It knows a Homing employee
//                              (the password is in its banner).
//   npm start -- --mock --points  the mock gives every resident 邦豆 waiting to be claimed and about to expire
//   npm start -- --once        without a display: check, then stop, even with --mock (as under CI=true)
//
// Without a display (a server, CI, a container) Chromium runs headless instead: we wait for the
// extension's service worker, print its id and popup URL, save a screenshot of the popup to
// .output/popup.png and close it. That proves the build loads in a real browser. Then we exit 0, unless
// --mock runs the mock API: it keeps running until Ctrl+C (SIGINT) or SIGTERM, since a person started it
// to log in against it (from this machine, or another one through an SSH tunnel). With --once or under
// CI=true it stops with the browser.

const root = resolve(import.meta.dirname, '..');
const args = new Set(process.argv.slice(2).filter((arg) => arg !== '--'));
for (const arg of args) {
  if (arg !== '--e2e' && arg !== '--mock' && arg !== '--once' && arg !== '--points') {
    console.error(`Unknown option ${arg}. Usage: npm start [-- --e2e] [--mock [--points]] [--once]`);
    process.exit(2);
  }
}
const e2e = args.has('--e2e');
const mock = args.has('--mock');
if (args.has('--points') && !mock) {
  console.error('--points is an option of the mock API: npm start -- --mock --points');
  process.exit(2);
}
const once = args.has('--once') || ['true', '1'].includes(process.env.CI ?? '');
const extensionDir = join(root, '.output', e2e ? 'chrome-mv3-e2e' : 'chrome-mv3');
const profileDir = join(root, '.chrome-profile');
const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const env = { ...process.env, PATH: [join(root, 'node_modules/.bin'), process.env.PATH].join(delimiter) };

function fail(message) {
  console.error(message);
  process.exit(1);
}

/**
 * The id Chrome gives an unpacked extension without a `key`: the first 128 bits of SHA-256 of its
 * absolute path, written with the letters a–p. Knowing it up front lets us print the popup and options
 * URLs before the browser starts (the headless run checks it against the real one).
 */
function unpackedExtensionId(dir) {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

/**
 * Starts the mock API as a child (it is TypeScript) and resolves once it listens with its URL, `exited`
 * (resolves with its exit code whenever it ends) and `stop()` (SIGTERM; resolves when it has exited).
 */
function startMock() {
  const child = spawn('vite-node', ['tests/mock-api/cli.ts', ...(args.has('--points') ? ['--points'] : [])], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolveExit) => child.once('exit', (code, signal) => resolveExit(code ?? (signal ? 1 : 0))));
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    return exited;
  };
  return new Promise((resolveUrl, reject) => {
    child.once('error', reject);
    void exited.then((code) => reject(new Error(`the mock API exited (code ${code}) before it was ready`)));
    // Keep echoing its lines after start-up: they carry the SMS codes and captcha answers.
    createInterface({ input: child.stdout }).on('line', (line) => {
      console.log(`[mock] ${line}`);
      const url = /listening on (\S+)/.exec(line)?.[1];
      if (url) resolveUrl({ url, exited, stop });
    });
  });
}

/**
 * Keeps the mock API running after the headless check, until Ctrl+C or SIGTERM (then stops it and exits
 * 0) or until it ends by itself (then exits with its code).
 */
async function serveMockUntilStopped(mockApi) {
  const { port } = new URL(mockApi.url);
  console.log(`
The mock API keeps running at ${mockApi.url} until you press Ctrl+C; SMS codes are printed here as [mock] lines.
It listens on this machine only (127.0.0.1). To log in against it from a computer with a display:
  1. forward its port there:  ssh -N -L ${port}:127.0.0.1:${port} <this machine>
  2. run the extension there (\`npm start -- --e2e\` in a clone of this repository: that build reaches
     127.0.0.1 without asking) and set http://127.0.0.1:${port} as 时代邻里服务地址 and Homing 服务地址
     on its options page.`);
  const signal = await Promise.race([
    new Promise((resolveSignal) => {
      for (const name of ['SIGINT', 'SIGTERM']) process.once(name, () => resolveSignal(name));
    }),
    mockApi.exited.then(() => undefined),
  ]);
  if (signal === undefined) fail(`The mock API stopped by itself (exit ${await mockApi.exited}).`);
  console.log(`\n${signal}: stopping the mock API.`);
  await mockApi.stop();
  process.exit(0);
}

const built = spawnSync('wxt', ['build', ...(e2e ? ['--mode', 'e2e'] : [])], { cwd: root, env, stdio: 'inherit' });
if (built.status !== 0) fail(`The build failed (exit ${built.status ?? built.error?.message}).`);
if (!existsSync(join(extensionDir, 'manifest.json'))) fail(`The build did not write ${extensionDir}/manifest.json.`);

let browser;
try {
  browser = ensureBrowser({ forTests: false });
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

const mockApi = mock ? await startMock().catch((error) => fail(`Could not start the mock API: ${error.message}`)) : undefined;
mkdirSync(profileDir, { recursive: true });

const id = unpackedExtensionId(extensionDir);
const chromeArgs = [
  `--disable-extensions-except=${extensionDir}`,
  `--load-extension=${extensionDir}`,
  '--no-first-run',
  '--no-default-browser-check',
  // Chromium refuses to start its sandbox as root (containers, CI); anywhere else keep the sandbox.
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
];

console.log(`
Unpacked extension: ${extensionDir}
Browser:            ${browser}
Profile:            ${profileDir}
Extension id:       ${id}
Popup:              chrome-extension://${id}/popup.html
Options:            chrome-extension://${id}/options.html`);
if (mockApi) {
  console.log(`Mock API:           ${mockApi.url}  (set it as the Times and Homing base URL on the options page)`);
  if (!e2e) console.log('                    Chrome will ask for permission to reach it; `npm start -- --e2e --mock` does not need to.');
}

if (headless) {
  console.log('\nNo display (DISPLAY and WAYLAND_DISPLAY are unset): running Chromium headless to check that the extension loads.');
  const { chromium } = await import('playwright-core');
  let context;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: browser,
      // Chromium's own new headless mode runs extensions; Playwright's headless switch adds flags we don't want.
      headless: false,
      // Playwright passes --disable-extensions by default, which would drop ours.
      ignoreDefaultArgs: ['--disable-extensions'],
      args: ['--headless=new', ...chromeArgs],
    });
    const isOurs = (worker) => worker.url().startsWith('chrome-extension://');
    const worker =
      context.serviceWorkers().find(isOurs) ??
      (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 30_000 }));
    const realId = new URL(worker.url()).host;
    console.log(`Service worker running: ${worker.url()}`);
    console.log(`Extension id: ${realId}${realId === id ? '' : `  (not the ${id} computed above: use this one)`}`);
    console.log(`Popup URL:    chrome-extension://${realId}/popup.html`);
    const page = await context.newPage();
    await page.setViewportSize({ width: 360, height: 600 }); // the popup's own width (components/app.css)
    await page.goto(`chrome-extension://${realId}/popup.html`);
    await page.waitForSelector('#app > *', { timeout: 15_000 });
    const shot = join(root, '.output', 'popup.png');
    await page.screenshot({ path: shot, fullPage: true });
    console.log(`Screenshot of the popup: ${shot}`);
  } catch (error) {
    await context?.close().catch(() => {});
    await mockApi?.stop();
    fail(`The extension did not load in headless Chromium: ${error instanceof Error ? error.message : error}`);
  }
  await context.close();
  if (mockApi && !once) await serveMockUntilStopped(mockApi);
  await mockApi?.stop();
  process.exit(0);
}

console.log(`
To pin it: click the puzzle-piece (Extensions) icon right of the address bar, then the pin next to
"邻里签到 Linli Check-in"; click the pinned icon to open the popup. Close the browser to stop${mockApi ? ' (and the mock API)' : ''}.
`);
// A normal window on the new-tab page. Neither the extension's own pages (Chromium opens a start URL
// before the unpacked extension is registered, and blocks it) nor chrome:// pages (ignored on the
// command line) can be the start page, as measured under Xvfb; the popup opens from the toolbar.
const chrome = spawn(browser, [`--user-data-dir=${profileDir}`, ...chromeArgs], { stdio: 'inherit' });
chrome.on('error', async (error) => {
  await mockApi?.stop();
  fail(`Could not start ${browser}: ${error.message}`);
});
chrome.on('exit', async (code) => {
  await mockApi?.stop();
  process.exit(code ?? 0);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => chrome.kill(signal));
