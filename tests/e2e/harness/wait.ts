// Waiting on things outside the browser (the mock server's log, the worker's storage). Real time is the
// only clock here: the extension runs in another process and can't be driven by fake timers.

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The first defined value `read` returns, polled every 100 ms; throws `message` after `timeoutMs`. */
export async function poll<T>(read: () => T | undefined | Promise<T | undefined>, timeoutMs: number, message: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(message);
    await sleep(100);
  }
}

/**
 * Samples `read` for `forMs` and returns every distinct value seen (as JSON), so a test can assert that
 * something did not happen during a quiet period, e.g. a second check-in after a restart.
 */
export async function observe<T>(read: () => T | Promise<T>, forMs: number, everyMs = 250): Promise<T[]> {
  const seen = new Map<string, T>();
  const deadline = Date.now() + forMs;
  do {
    const value = await read();
    seen.set(JSON.stringify(value), value);
    await sleep(everyMs);
  } while (Date.now() < deadline);
  return [...seen.values()];
}
