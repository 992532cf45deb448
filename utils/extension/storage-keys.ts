// The keys of the stored values (WXT storage keys; the push settings and log have theirs in
// push-storage.ts), apart from the items so that reading a key needs nothing else: the popup's first
// read starts before the schemas the items need are even built.

/**
 * Where each of those values is stored. The items (storage.ts) are defined with them (the login draft,
 * only the popup's, has none); the popup reads, watches and writes by key (utils/extension/start-read.ts), because WXT reads an item's value as soon
 * as the item is defined: each item the popup only watched was one more round trip to the browser at
 * its start (npm run bench). The worker defines the items and runs their migrations.
 */
export const STORED = {
  settings: 'local:settings',
  accounts: 'local:accounts',
  secrets: 'local:secrets',
  checkins: 'local:checkins',
  member: 'local:member',
  history: 'local:history',
  diagnostics: 'local:diagnostics',
  notified: 'local:notified',
  historyAccount: 'session:historyAccount',
  loginDraft: 'session:loginDraft',
} as const;
export type StoredKey = (typeof STORED)[keyof typeof STORED];
