import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import {
  accountSchema,
  dayRecordSchema,
  diagnosticsLogSchema,
  historyTupleSchema,
  memberInfoSchema,
  notifiedIdSchema,
  secretSchema,
  settingsSchema,
  type Account,
  type DayRecord,
  type DiagnosticsLog,
  type HistoryTuple,
  type LoginDraft,
  type MemberInfo,
  type Secret,
  type Settings,
  DEFAULT_SETTINGS,
} from '../storage-schema';
import { STORED } from './storage-keys';


// Every stored item, in one place, at its key (storage-keys.ts). All live in storage.local or
// storage.session: tokens must never sync to other devices. Only the background worker writes accounts,
// secrets and check-in records; pages read and watch them.

// Each definition is marked pure: WXT reads an item as soon as it is defined, and a page that never
// uses an item should neither read it at start nor carry it (the popup uses none: storage-keys.ts).
// The bundler drops a pure definition nobody references.

type SettingsV2 = Omit<Settings, 'language' | 'theme'>;

// Version 2 added autoClaim (issue 6): a v1 user gets the default, claims on. Version 3 added language
// and theme (issue 7): both follow the browser and the system until the user picks one.
export const settingsItem = /* @__PURE__ */ storage.defineItem<Settings>(STORED.settings, {
  fallback: DEFAULT_SETTINGS,
  version: 3,
  migrations: {
    2: (v1: Omit<SettingsV2, 'autoClaim'>): SettingsV2 => ({ ...v1, autoClaim: true }),
    3: (v2: SettingsV2): Settings => ({ ...v2, language: 'auto', theme: 'auto' }),
  },
});
export const accountsItem = /* @__PURE__ */ storage.defineItem<Account[]>(STORED.accounts, { fallback: [], version: 1 });
export const secretsItem = /* @__PURE__ */ storage.defineItem<Record<string, Secret>>(STORED.secrets, { fallback: {}, version: 1 });
export const checkinsItem = /* @__PURE__ */ storage.defineItem<Record<string, DayRecord>>(STORED.checkins, {
  fallback: {},
  version: 1,
});
/** Per account: what the service last said about streak, week, 邦豆 waiting and expiring. */
export const memberItem = /* @__PURE__ */ storage.defineItem<Record<string, MemberInfo>>(STORED.member, { fallback: {}, version: 1 });
/** Per account: one tuple per China day, oldest first, at most HISTORY_MAX_DAYS (utils/core/rules/day-log.ts). */
export const historyItem = /* @__PURE__ */ storage.defineItem<Record<string, HistoryTuple[]>>(STORED.history, { fallback: {}, version: 1 });
/**
 * Per account's masked name ('' for none): the last exchanges with the services, redacted
 * (utils/core/diagnostics.ts), shown by the options page. Nothing in it is secret or a whole number.
 */
export const diagnosticsItem = /* @__PURE__ */ storage.defineItem<Record<string, DiagnosticsLog>>(STORED.diagnostics, { fallback: {}, version: 1 });
export const notifiedItem = /* @__PURE__ */ storage.defineItem<string[]>(STORED.notified, { fallback: [], version: 1 });
export const EMPTY_LOGIN_DRAFT: LoginDraft = { open: false, provider: 'times', phone: '', sent: {} };
/**
 * The account whose history the popup opened: the history page is opened without it in its address,
 * which would put a full phone number in the tab's title, the address bar and the browser's history.
 */
export const historyAccountItem = /* @__PURE__ */ storage.defineItem<string>(STORED.historyAccount, { fallback: '' });

/** Stored settings, each field that fails validation replaced by its default. */
export function parseSettings(value: unknown): Settings {
  const whole = settingsSchema.safeParse(value);
  if (whole.success) return whole.data;
  const merged = { ...DEFAULT_SETTINGS, ...(typeof value === 'object' && value ? value : {}) } as Record<string, unknown>;
  const fixed = Object.fromEntries(
    Object.entries(DEFAULT_SETTINGS).map(([field, fallback]) => {
      const candidate = { ...DEFAULT_SETTINGS, [field]: merged[field] };
      return [field, settingsSchema.safeParse(candidate).success ? merged[field] : fallback];
    }),
  );
  return fixed as Settings;
}

/** The valid entries of a stored list; a damaged entry is left out rather than crashing the reader. */
export function parseList<T>(schema: z.ZodMiniType<T>, value: unknown): T[] {
  return Array.isArray(value) ? value.flatMap((entry) => { const r = schema.safeParse(entry); return r.success ? [r.data] : []; }) : [];
}

/** The valid entries of a stored record keyed by account. */
export function parseRecord<T>(schema: z.ZodMiniType<T>, value: unknown): Record<string, T> {
  if (!value || typeof value !== 'object') return {};
  const out: Record<string, T> = {};
  for (const [key, entry] of Object.entries(value)) {
    const parsed = schema.safeParse(entry);
    if (parsed.success) out[key] = parsed.data;
  }
  return out;
}

/** Stored history: per account the valid tuples; a damaged day is left out, the others kept. */
export function parseHistory(value: unknown): Record<string, HistoryTuple[]> {
  if (!value || typeof value !== 'object') return {};
  return Object.fromEntries(Object.entries(value).map(([key, days]) => [key, parseList(historyTupleSchema, days)]));
}

export const readSettings = async () => parseSettings(await settingsItem.getValue());
export const readAccounts = async () => parseList(accountSchema, await accountsItem.getValue());
export const readSecrets = async () => parseRecord(secretSchema, await secretsItem.getValue());
export const readCheckins = async () => parseRecord(dayRecordSchema, await checkinsItem.getValue());
export const readMember = async () => parseRecord(memberInfoSchema, await memberItem.getValue());
export const readHistory = async () => parseHistory(await historyItem.getValue());
export const readDiagnostics = async () => parseRecord(diagnosticsLogSchema, await diagnosticsItem.getValue());
export const readNotified = async () => parseList(notifiedIdSchema, await notifiedItem.getValue());

// Writes to one item are queued one after another, so two tasks of the worker that update the same
// item concurrently (a check-in and a refresh, say) can't overwrite each other's change.
const queues = new Map<string, Promise<unknown>>();

function serialized<T>(name: string, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(name) ?? Promise.resolve();
  const next = previous.then(task, task);
  queues.set(name, next.catch(() => undefined));
  return next;
}

/** An update of one stored item: read, change, write, queued behind the item's other updates. */
export function updater<T>(name: string, read: () => Promise<T>, write: (value: T) => Promise<void>) {
  return (change: (value: T) => T) =>
    serialized(name, async () => {
      const next = change(await read());
      await write(next);
      return next;
    });
}

export const updateAccounts = /* @__PURE__ */ updater('accounts', readAccounts, (value) => accountsItem.setValue(value));
export const updateSecrets = /* @__PURE__ */ updater('secrets', readSecrets, (value) => secretsItem.setValue(value));
export const updateCheckins = /* @__PURE__ */ updater('checkins', readCheckins, (value) => checkinsItem.setValue(value));

export const updateMember = /* @__PURE__ */ updater('member', readMember, (value) => memberItem.setValue(value));
export const updateHistory = /* @__PURE__ */ updater('history', readHistory, (value) => historyItem.setValue(value));
export const updateDiagnostics = /* @__PURE__ */ updater('diagnostics', readDiagnostics, (value) => diagnosticsItem.setValue(value));

/** Records a notification as shown; false when it had been shown already. */
export const markNotified = (id: string) =>
  serialized('notified', async () => {
    const shown = await readNotified();
    if (shown.includes(id)) return false;
    await notifiedItem.setValue([...shown, id].slice(-200));
    return true;
  });

/** Lets a notification be shown again (after a new login, say). */
export const forgetNotified = (id: string) =>
  serialized('notified', async () => {
    await notifiedItem.setValue((await readNotified()).filter((shown) => shown !== id));
  });
