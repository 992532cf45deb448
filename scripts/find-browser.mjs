import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

// Where the browser tests, `npm start` and CI find Chromium. We never download a browser (Playwright's
// own builds are not what users run, and CI has no internet beyond npm and apt): we use the system's
// Chrome/Chromium, and on a Debian machine where we are root we install Debian's package ourselves, so a
// fresh CI box needs no manual step.

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  join(homedir(), 'Applications/Google Chrome.app/Contents/MacOS/Google Chrome'),
  join(homedir(), 'Applications/Chromium.app/Contents/MacOS/Chromium'),
];

const INSTALL_HELP = [
  'No Chrome or Chromium found. The browser tests and `npm start` need one. Either:',
  '  - on Debian/Ubuntu: sudo apt-get install chromium      (plus `faketime` for the clock e2e test)',
  '  - or set CHROME_PATH to a Chrome/Chromium binary, e.g.',
  '      CHROME_PATH="/Applications/Google Chrome.app/Contents/MacOS/Google Chrome" npm test',
  `Looked at: CHROME_PATH (unset), ${CANDIDATES.join(', ')}`,
].join('\n');

/** The Chrome/Chromium executable: CHROME_PATH if set, else the first usual install path; undefined if none. */
export function findBrowser() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    // An explicit choice that is wrong must not silently fall back to another browser.
    if (!existsSync(fromEnv)) throw new Error(`CHROME_PATH is set to "${fromEnv}", which does not exist. Point it at a Chrome/Chromium binary, or unset it.`);
    return fromEnv;
  }
  return CANDIDATES.find((path) => existsSync(path));
}

/**
 * libfaketime's preload library, which an e2e test uses to start Chromium at a chosen China time.
 * Debian puts it in a multiarch directory (x86_64-linux-gnu, aarch64-linux-gnu, …), older releases in
 * /usr/lib/faketime.
 */
export function findLibfaketime() {
  let dirs = [];
  try {
    dirs = readdirSync('/usr/lib').map((dir) => join('/usr/lib', dir));
  } catch {
    return undefined; // not a Linux layout (macOS): no libfaketime here
  }
  return ['/usr/lib', ...dirs].map((dir) => join(dir, 'faketime/libfaketime.so.1')).find((path) => existsSync(path));
}

function hasCommand(name) {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Root on a Debian-like system: we may install packages without asking anyone (CI, containers). */
function canAptInstall() {
  return process.platform === 'linux' && process.getuid?.() === 0 && hasCommand('apt-get');
}

function aptInstall(packages) {
  // Non-interactive: CI has no stdin, and a debconf prompt would hang the run.
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) => {
    console.log(`$ apt-get ${args.join(' ')}`);
    execFileSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env });
  };
  console.log(`Installing ${packages.join(' and ')} from Debian (running as root with apt-get available):`);
  run(['update']);
  run(['install', '-y', ...packages]);
}

/**
 * findBrowser(), installing Debian's `chromium` (and `faketime`, for the e2e clock test) first when we
 * are root on a system with apt-get. Throws an Error saying what to install when there is no browser.
 */
export function ensureBrowser() {
  const browser = findBrowser();
  const missing = [...(browser ? [] : ['chromium']), ...(findLibfaketime() ? [] : ['faketime'])];
  if (missing.length > 0 && canAptInstall()) aptInstall(missing);
  const found = browser ?? findBrowser();
  if (!found) throw new Error(INSTALL_HELP);
  // Without libfaketime the browser is still usable; the one e2e test that needs it fails with its
  // own message (it must not be skipped), so only point at the fix here.
  if (!findLibfaketime() && process.platform === 'linux') {
    console.warn('Note: libfaketime is not installed, so the e2e clock test will fail. Install it: sudo apt-get install faketime');
  }
  return found;
}
