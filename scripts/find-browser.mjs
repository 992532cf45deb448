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
  '  - or set CHROME_PATH to a Chromium or Chrome for Testing binary, e.g.',
  '      CHROME_PATH="/Applications/Chromium.app/Contents/MacOS/Chromium" npm test',
  '    (Google Chrome 137 and later ignore --load-extension, so they cannot load the unpacked build.)',
  `Looked at: CHROME_PATH (unset), ${CANDIDATES.join(', ')}`,
].join('\n');

/**
 * Google Chrome (the branded build) 137 and later ignore --load-extension, which is how the tests and
 * `npm start` load the unpacked extension; Chromium and Chrome for Testing still honour it.
 */
function brandedChromeTooNew(path) {
  if (!/google-chrome|Google Chrome\.app|\/opt\/google\/chrome/.test(path)) return false;
  try {
    const version = execFileSync(path, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 });
    const major = Number(/(\d+)\./.exec(version)?.[1]);
    return Number.isFinite(major) && major >= 137;
  } catch {
    return false;
  }
}

/** The Chrome/Chromium executable: CHROME_PATH if set, else the first usual install path; undefined if none. */
export function findBrowser() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    // An explicit choice that is wrong must not silently fall back to another browser.
    if (!existsSync(fromEnv)) throw new Error(`CHROME_PATH is set to "${fromEnv}", which does not exist. Point it at a Chrome/Chromium binary, or unset it.`);
    if (brandedChromeTooNew(fromEnv)) {
      throw new Error(`CHROME_PATH is "${fromEnv}": Google Chrome 137 and later ignore --load-extension. Use Chromium (sudo apt-get install chromium) or Chrome for Testing.`);
    }
    return fromEnv;
  }
  return CANDIDATES.find((path) => existsSync(path) && !brandedChromeTooNew(path));
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
export function ensureBrowser({ forTests = true } = {}) {
  const browser = findBrowser();
  // libfaketime only serves the e2e clock test: `npm start` doesn't install it.
  const missing = [...(browser ? [] : ['chromium']), ...(forTests && !findLibfaketime() ? ['faketime'] : [])];
  if (missing.length > 0 && canAptInstall()) {
    try {
      aptInstall(missing);
    } catch (error) {
      // Say what to install by hand rather than only that apt failed.
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      if (!browser) throw new Error(`apt-get could not install ${missing.join(' and ')} (${reason}).\n${INSTALL_HELP}`);
      console.warn(`apt-get could not install ${missing.join(' and ')} (${reason}).`);
    }
  }
  const found = browser ?? findBrowser();
  if (!found) throw new Error(INSTALL_HELP);
  // Without libfaketime the browser is still usable; the one e2e test that needs it fails with its
  // own message (it must not be skipped), so only point at the fix here.
  if (forTests && !findLibfaketime() && process.platform === 'linux') {
    console.warn('Note: libfaketime is not installed, so the e2e clock test will fail. Install it: sudo apt-get install faketime');
  }
  return found;
}
