import type { Page, Worker } from 'playwright-core';

// Reading the extension's storage from its service worker. Tokens never leave the worker in clear: a
// failing assertion prints its values, and test output must not carry credentials.

// The extension API inside worker.evaluate/page.evaluate callbacks, which run in the extension's realm.
// Declared here, for this module only: the product itself uses wxt/browser, never the global.
declare const chrome: { storage: { local: { get(keys: string | null): Promise<Record<string, unknown>> } } };

export interface StoredState {
  settings?: Record<string, unknown>;
  accounts?: Record<string, unknown>[];
  checkins?: Record<string, { date: string; state: string; attempts: number; at: number; error?: string }>;
  /** Which accounts have stored secrets; the secrets themselves stay in the worker. */
  secretKeys: string[];
}

export function readStorage(worker: Worker): Promise<StoredState> {
  return worker.evaluate(async () => {
    const { secrets, ...rest } = await chrome.storage.local.get(null);
    return { ...rest, secretKeys: Object.keys((secrets ?? {}) as object) } as StoredState;
  });
}

/** A short SHA-256 digest of a string: lets a test compare tokens without ever printing one. */
export async function digest(text: string): Promise<string> {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return [...bytes.slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Digests of an account's stored access and refresh tokens, computed inside the worker. */
export function secretDigests(worker: Worker, key: string): Promise<{ token?: string; refreshToken?: string }> {
  return worker.evaluate(async (accountKey) => {
    const hash = async (text: unknown) => {
      if (typeof text !== 'string') return undefined;
      const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
      return [...bytes.slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
    };
    const { secrets } = await chrome.storage.local.get('secrets');
    const secret = (secrets as Record<string, Record<string, unknown>> | undefined)?.[accountKey];
    return { token: await hash(secret?.token), refreshToken: await hash(secret?.refreshToken) };
  }, key);
}

/** One storage read from a page: it completes after every read the page started before it. */
export async function storageRoundTrip(page: Page): Promise<void> {
  await page.evaluate(() => chrome.storage.local.get('settings'));
}
