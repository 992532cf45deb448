import { storage } from 'wxt/utils/storage';
import type { StoredKey } from './storage-keys';

// The popup's first read of what it shows, begun by the first module its script runs (before Vue, zod and
// the components are even evaluated) instead of once they are: a storage call is a round trip to the
// browser process, and this one then overlaps the script's start rather than following it (npm run
// bench: popup load against a bare page). The stores take the values when they start; until then every
// change to a key read is noted, and a take that asks for a key that changed reads its keys again.

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
  // Listening first, then reading, as the stores always did: the listeners are in before the read is
  // answered. (Reading first was 1 to 3 ms sooner, but the browser takes the two on separate channels,
  // so a change could fall between them and the popup never show it.)
  const stops = keys.map((key) => storage.watch(key, () => changed.add(key)));
  const values = readStored(keys);
  started = { values, changed, stop: () => stops.forEach((stop) => stop()) };
}

/**
 * The values of `keys`: from the start read when it has them all and none changed since it began, else
 * all of them read now (all, not just the changed ones: a key read early could change while the others
 * are read again, after the caller's own listener saw it). Callers listen to their keys before they
 * call it, so a change after it resolves reaches them as a change. Rejects as storage.getItems does.
 */
export async function takeStored(keys: readonly StoredKey[]): Promise<StoredValues> {
  const early = started;
  if (!early) return readStored(keys);
  const values = await early.values.catch((): StoredValues => ({}));
  if (keys.some((key) => !(key in values) || early.changed.has(key))) return readStored(keys);
  return Object.fromEntries(keys.map((key) => [key, values[key]]));
}

/** Ends the start read (no more changes noted); the next takeStored reads afresh. For tests. */
export function endStartRead(): void {
  started?.stop();
  started = undefined;
}
