import { text, type Text } from '../../i18n/keys';
import type { PushChannel, PushTarget } from '../../push-schema';

// What every channel module (one per service, beside this file) offers, and what a delivery comes to.

/** A message as a person reads it, already worded (utils/views/push-text.ts). */
export interface PushText {
  title: string;
  body: string;
  /** Where services that group messages (Bark) file it: the app's name. */
  group: string;
}

/** One HTTP request to a service. A plain object body is sent as JSON. */
export interface PushRequest {
  url: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  headers?: Record<string, string>;
  body?: string | URLSearchParams | FormData | Record<string, unknown>;
}

/** The service's answer: its status and its body as text (read whole within the timeout). */
export interface PushReply {
  status: number;
  text: string;
}

export interface ChannelModule {
  /**
   * The address the channel contacts, the key inside it: the extension asks for its host's permission.
   * Throws PushFailure (`push.failure.address` / `push.failure.incomplete`) for a setting it can't use.
   */
  endpoint(channel: PushChannel): URL;
  /** The request that carries `message` at `now` (ms epoch; signatures carry the time). Throws PushFailure. */
  request(channel: PushChannel, message: PushText, now: number): Promise<PushRequest>;
  /** Reads the service's answer: undefined when it took the message, else why not. */
  judge(reply: PushReply): Text | undefined;
}

/**
 * One channel's delivery: the channel's id and type, and when it failed, why (a message key and values:
 * a status or the service's error code, never the address or the key).
 */
export type PushOutcome = { id: string; type: PushTarget; ok: true } | { id: string; type: PushTarget; ok: false; reason: Text };

/** A delivery that failed, with the words to say why. Never carries the address or the key. */
export class PushFailure extends Error {
  override name = 'PushFailure';
  constructor(readonly reason: Text) {
    super(reason.key);
  }
}

export const incomplete = () => new PushFailure(text('push.failure.incomplete'));

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * `raw` as a URL a key may travel to: `https://`, or `http://` to this computer only (a local test
 * server); no user name or password in it. Throws PushFailure `push.failure.address` otherwise.
 */
export function secureUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new PushFailure(text('push.failure.address'));
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
  if (!secure || url.username || url.password) throw new PushFailure(text('push.failure.address'));
  return url;
}

/** A key that goes into a path (Bark, Server酱): letters, digits, `-` and `_` only. */
export function pathKey(raw: string): string {
  const key = raw.trim();
  if (!/^[\w-]{1,512}$/.test(key)) throw new PushFailure(text('push.failure.address'));
  return key;
}

/** Whether what the user pasted is an address rather than a key alone. */
export const isAddress = (raw: string) => /^[a-z][a-z\d+.-]*:\/\//i.test(raw.trim());

/** The message as one text: title, a blank line, the body (bots that take a single text). */
export const oneText = (message: PushText) => `${message.title}\n\n${message.body}`;
