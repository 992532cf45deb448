/**
 * At most one task per key at a time: a caller arriving while one runs gets that task's promise
 * instead of starting another. The worker uses it for refreshes (a refresh token must never be sent
 * twice) and for check-ins (one request per account, whoever triggers it).
 */
export function singleFlight<T>(): (key: string, task: () => Promise<T>) => Promise<T> {
  const running = new Map<string, Promise<T>>();
  return (key, task) => {
    const current = running.get(key);
    if (current) return current;
    const started = task().finally(() => running.delete(key));
    running.set(key, started);
    return started;
  };
}
