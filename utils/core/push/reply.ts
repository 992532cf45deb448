import * as z from 'zod/mini';
import { text, type Text } from '../../i18n/keys';
import type { PushReply } from './channel';

// Reading a service's answer: a 2xx whose body says error is a failed delivery, as is any other status.

const ok = (status: number) => status >= 200 && status < 300;

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** A failure by status alone (no body we can read). */
export const httpFailure = (status: number): Text => text('push.failure.http', { status });

/**
 * Judges a JSON answer: parsed with `schema`, delivered when the status is 2xx and `delivered` says so.
 * Otherwise the service's own code (`code`) when it sent one, the status when not; an unreadable 2xx
 * body is `push.failure.malformed`.
 */
export function judgeJson<T>(reply: PushReply, schema: z.ZodMiniType<T>, delivered: (value: T) => boolean, code: (value: T) => unknown): Text | undefined {
  const parsed = schema.safeParse(parseJson(reply.text));
  if (!parsed.success) return ok(reply.status) ? text('push.failure.malformed') : httpFailure(reply.status);
  if (ok(reply.status) && delivered(parsed.data)) return undefined;
  const said = code(parsed.data);
  // Only a short code is repeated: a service's message could quote anything (a URL, a key).
  if ((typeof said === 'number' && Number.isFinite(said)) || (typeof said === 'string' && /^[\w.-]{1,32}$/.test(said))) {
    return text('push.failure.refused', { code: said });
  }
  return ok(reply.status) ? text('push.failure.refused', { code: '?' }) : httpFailure(reply.status);
}

const errcodeSchema = z.object({ errcode: z.number(), errmsg: z.optional(z.string()) });

/**
 * Judges the `{"errcode":0,"errmsg":"ok"}` answer the WeCom and DingTalk bots share: delivered on
 * errcode 0, else refused with that errcode (both send it in a 200).
 */
export const judgeErrcode = (reply: PushReply): Text | undefined =>
  judgeJson(
    reply,
    errcodeSchema,
    (value) => value.errcode === 0,
    (value) => value.errcode,
  );

/** Judges by status alone: any 2xx is delivered (a webhook's answer is its own business). */
export const judgeStatus = (reply: PushReply): Text | undefined => (ok(reply.status) ? undefined : httpFailure(reply.status));

/** A number or a numeric string (services write codes either way). */
export const looseCode = z.optional(z.union([z.number(), z.string()]));
