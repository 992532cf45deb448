import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { chinaTimeMs } from '../../mock-api/china-time';
import { findBrowser, findLibfaketime } from '../../../scripts/find-browser.mjs';

// Starts the system Chromium with the built e2e extension loaded. Never downloads a browser: the
// tests run against Debian's package, which is what the CI image and developers' machines have.

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../../.output/chrome-mv3-e2e');

/** The browser `npm test` found (it exports CHROME_PATH); the same search when run on its own. */
export function findChromium(): string {
  const found = findBrowser();
  if (!found) throw new Error('No Chromium found (CHROME_PATH, /usr/bin/chromium, an installed Chrome). Install it: apt-get install chromium');
  return found;
}

function libfaketime(): string {
  const found = findLibfaketime();
  if (!found) throw new Error('libfaketime not found, needed by the clock test. Install it: apt-get install faketime');
  return found;
}

export interface LaunchOptions {
  /** Reuse a profile (to restart the browser); by default a fresh temporary one, removed on close. */
  userDataDir?: string;
  /** Start the browser's clock at this China wall-clock time (`YYYY-MM-DD HH:mm:ss`), via libfaketime. */
  faketime?: string;
  /**
   * The browser's UI language (`--lang`), which the extension follows while its language setting is
   * `auto`: Chinese by default, the language of the extension's users.
   */
  locale?: string;
}

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  userDataDir: string;
  /** How far the browser's clock is ahead of the real one (0 without faketime), for the mock's setNow. */
  clockOffsetMs: number;
  close(): Promise<void>;
}

function faketimeEnv(faketime: string): { env: Record<string, string>; offsetMs: number } {
  // A relative offset rather than '@<start>': the mock server's clock must be shifted by exactly the
  // same amount, and an offset is the same in every Chromium process whenever it started.
  const offsetSeconds = Math.round((chinaTimeMs(faketime) - Date.now()) / 1000);
  return {
    offsetMs: offsetSeconds * 1000,
    env: {
      LD_PRELOAD: libfaketime(),
      FAKETIME: `${offsetSeconds >= 0 ? '+' : ''}${offsetSeconds}`,
      TZ: 'Asia/Shanghai',
      // Not FAKETIME_DONT_FAKE_MONOTONIC=1: measured with Chromium 156, it slows every IPC to seconds
      // (launch 40 s instead of 0.5 s). Offsetting the monotonic clock too keeps timers exact.
    },
  };
}

async function extensionWorker(context: BrowserContext): Promise<Worker> {
  const isOurs = (worker: Worker) => worker.url().startsWith('chrome-extension://');
  return context.serviceWorkers().find(isOurs) ?? (await context.waitForEvent('serviceworker', { predicate: isOurs }));
}

export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionSession> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No e2e build at ${EXTENSION_DIR}. Build it: npx wxt build --mode e2e`);
  }
  const ownDir = options.userDataDir === undefined;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'linli-e2e-'));
  const fake = options.faketime ? faketimeEnv(options.faketime) : undefined;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    locale: options.locale ?? 'zh-CN',
    // Playwright's '--headless' is Chromium's new headless mode, the one that runs extensions.
    headless: true,
    // Playwright passes --disable-extensions by default, which would drop ours.
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      '--no-sandbox',
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
    ],
    env: fake ? { ...process.env, ...fake.env } : process.env,
  });
  try {
    const worker = await extensionWorker(context);
    const extensionId = new URL(worker.url()).host;
    let closed: Promise<void> | undefined;
    const close = () =>
      (closed ??= context.close().finally(() => {
        if (ownDir) rmSync(userDataDir, { recursive: true, force: true });
      }));
    return { context, extensionId, worker, userDataDir, clockOffsetMs: fake?.offsetMs ?? 0, close };
  } catch (error) {
    await context.close();
    if (ownDir) rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
}
