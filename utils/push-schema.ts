import * as z from 'zod/mini';
import { textSchema } from './storage-schema';

// Push to the phone (issue 12): the channels a user sets up and what the engine remembers of its pushes.
// A leaf, so the stored shapes are read the same way by the extension's storage, the runner's state
// file and the engine (utils/core/push/ sends, utils/core/rules/push-policy.ts decides).

/** The services a message can go to, one module each in utils/core/push/. */
export const CHANNEL_TYPES = ['bark', 'wecom', 'dingtalk', 'feishu', 'serverchan', 'pushplus', 'telegram', 'ntfy', 'gotify', 'webhook'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

export const WEBHOOK_METHODS = ['POST', 'GET', 'PUT', 'PATCH'] as const;

const field = z.string().check(z.maxLength(2048));
const template = z.string().check(z.maxLength(8192));

/**
 * One channel as the user set it up. `url` is the address as the service hands it out (the key inside
 * it): Bark `https://api.day.app/KEY` (or the key alone), the WeCom / DingTalk / Feishu bot webhook URL,
 * the Server酱 SendKey, the PushPlus token, the Telegram bot token, the ntfy topic URL, the Gotify
 * server URL, any webhook URL. The other fields belong to some types only. Every field but `id` and
 * `type` is a secret: never logged, exported, pushed or printed.
 */
export const pushChannelSchema = z.object({
  /** Names the channel in outcomes and failure records; not secret (the runner uses the type). */
  id: z.string().check(z.maxLength(64)),
  type: z.enum(CHANNEL_TYPES),
  url: field,
  /** DingTalk 加签 / Feishu signing secret. */
  secret: z.optional(field),
  /** Telegram: the chat to write to. */
  chatId: z.optional(field),
  /** Telegram: an API relay (the official host is not reachable from mainland China). */
  apiHost: z.optional(field),
  /** ntfy access token; Gotify application token. */
  token: z.optional(field),
  /** Webhook: the method (default POST), the body template ($title, $content), its type, header lines. */
  method: z.optional(z.enum(WEBHOOK_METHODS)),
  body: z.optional(template),
  contentType: z.optional(field),
  headers: z.optional(template),
});
export type PushChannel = z.infer<typeof pushChannelSchema>;

/** The extension's push settings (storage.local only): the channels and the daily-summary switch. */
export const pushSettingsSchema = z.object({
  channels: z.array(pushChannelSchema),
  /** One summary a China day once every active account's check-in has an outcome (off by default). */
  digest: z.boolean(),
});
export type PushSettings = z.infer<typeof pushSettingsSchema>;
export const DEFAULT_PUSH_SETTINGS: PushSettings = { channels: [], digest: false };

/** A notice as the engine raises it (utils/core/ports.ts Notice), kept until the wake's push takes it. */
export const noticeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('relogin'), account: z.string() }),
  z.object({ kind: z.literal('lost'), account: z.string(), date: z.string(), reason: z.optional(z.union([z.string(), textSchema])) }),
  z.object({ kind: z.literal('missed'), dates: z.array(z.string()), accounts: z.array(z.string()) }),
  z.object({ kind: z.literal('expiring'), account: z.string(), points: z.number() }),
  z.object({ kind: z.literal('homing-expired'), account: z.string() }),
]);

/** Where a delivery went: a channel type, or Qinglong's own channels (QLAPI.notify) under the panel. */
export type PushTarget = ChannelType | 'qinglong';

/**
 * What the engine remembers of its pushes, in the state store beside the notices shown:
 * - `outbox`: notices raised and not yet pushed (a worker killed mid-wake leaves them for the next);
 * - `sent`: `<notice id>@<raised at>` of those pushed, so none goes twice (the last 200);
 * - `summaryDate`: the China date of the last daily summary;
 * - `failures`: per channel id, its last failed delivery (cleared by one that succeeds). No key in it.
 */
export const pushLogSchema = z.object({
  outbox: z.array(z.object({ id: z.string(), at: z.number(), notice: noticeSchema })),
  sent: z.array(z.string()),
  summaryDate: z.optional(z.string()),
  failures: z.record(z.string(), z.object({ at: z.number(), type: z.string(), reason: textSchema })),
});
export type PushLog = z.infer<typeof pushLogSchema>;
export const emptyPushLog = (): PushLog => ({ outbox: [], sent: [], failures: {} });
