import { storage } from 'wxt/utils/storage';
import type { StoredKey } from './storage-keys';

// The popup's first read of what it shows, begun by the first module its script runs (before Vue, zod and
// the components are even evaluated) instead of once they are: a storage call is a round trip to the
// browser process, and this one then overlaps the script's start rather than following it (npm run
// bench: popup load against a bare page). The stores take the values when they start; until then every
// change to a key read is noted, and a key that changed is read again, so nothing read early is stale.

/** Values by key, as read (null or undefined for a key never written). */
export type StoredValues = Partial<Record<StoredKey, unknown>>;

interface StartRead {
  values: Promise<StoredValues>;
  changed: Set<StoredKey>;
  stop: () => void;
}

let started: StartRead | undefined;

/** Reads `keys` (storage.local and storage.session alike: one call per area) into an object by key. */
export async function readStored(keys: readonly StoredKey[]): Promise<StoredValues> {
  const read = await storage.getItems([...keys]);
  return Object.fromEntries(read.map(({ key, value }) => [key, value]));
}

/** Begins the start read of `keys` (a page calls it once, as its script starts; a second call is ignored). */
export function beginStartRead(keys: readonly StoredKey[]): void {
  if (started) return;
  const changed = new Set<StoredKey>();
  // The read first: registering the listeners first delayed it by 3 ms (npm run bench). No change can
  // slip between the two: they are sent in this order in one task, and the browser stores the changes
  // and answers the read in one sequence, so a change after the read is reported to these listeners.
  const values = readStored(keys);
  const stops = keys.map((key) => storage.watch(key, () => changed.add(key)));
  started = { values, changed, stop: () => stops.forEach((stop) => stop()) };
}

/**
 * The values of `keys`: from the start read where it has them and none changed since it began, the
 * others read now. Callers watch their keys before they call it, so a change after it resolves reaches
 * them as a change. Rejects as storage.getItems does.
 */
export async function takeStored(keys: readonly StoredKey[]): Promise<StoredValues> {
  const early = started;
  if (!early) return readStored(keys);
  const values = await early.values.catch((): StoredValues => ({}));
  const again = keys.filter((key) => !(key in values) || early.changed.has(key));
  const fresh = again.length > 0 ? await readStored(again) : {};
  return Object.fromEntries(keys.map((key) => [key, key in fresh ? fresh[key] : values[key]]));
}

/** Ends the start read (no more changes noted); the next takeStored reads afresh. For tests and page unloads. */
export function endStartRead(): void {
  started?.stop();
  started = undefined;
}
