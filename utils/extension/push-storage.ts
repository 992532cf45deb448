import { storage } from 'wxt/utils/storage';
import { DEFAULT_PUSH_SETTINGS, emptyPushLog, pushChannelSchema, pushLogSchema, type PushLog, type PushSettings } from '../push-schema';
import { parseList, updater } from './storage';

// Push to the phone (issue 12), apart from storage.ts: the popup reads that one at start and must not
// carry the push schemas. Both items live in storage.local: the keys never sync to other devices.

/**
 * The channels (their keys inside) and the daily-summary switch, written by the options page. Never in
 * storage.sync, the CSV, the history, a hand-off bundle or a log.
 */
export const pushSettingsItem = /* @__PURE__ */ storage.defineItem<PushSettings>('local:push', { fallback: DEFAULT_PUSH_SETTINGS, version: 1 });
/** What the worker pushed and what waits to be; each channel's last failure (no key in it). */
export const pushLogItem = /* @__PURE__ */ storage.defineItem<PushLog>('local:pushLog', { fallback: emptyPushLog(), version: 1 });

/** Stored push settings: the valid channels (a damaged one is left out), the summary off unless set. */
export async function readPushSettings(): Promise<PushSettings> {
  const value = (await pushSettingsItem.getValue()) as Partial<PushSettings> | null;
  return { channels: parseList(pushChannelSchema, value?.channels), digest: value?.digest === true };
}

/** The stored push log; a damaged one reads as empty (it holds no secret and nothing a check-in needs). */
export async function readPush(): Promise<PushLog> {
  const parsed = pushLogSchema.safeParse(await pushLogItem.getValue());
  return parsed.success ? parsed.data : emptyPushLog();
}

/** The engine's push log update (StateStore.updatePush), queued like every other item's. */
export const updatePush = /* @__PURE__ */ updater('push', readPush, (value) => pushLogItem.setValue(value));
