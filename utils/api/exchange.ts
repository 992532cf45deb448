import { redactText } from '../redact';

// One exchange with a service as the diagnostics report keeps it (issue 13): made at the HTTP layer
// (http.ts requestJson) the moment the exchange is over, and redacted as it is made. What it holds is
// the reply's form (status, envelope code and message, keys and value types), never a value: no token,
// code, password or image can be in it, and numbers and anything we sent are masked in the words.

/**
 * How the client read the reply: `ok` (accepted), `done` / `already` (a check-in that signed the day /
 * found it signed), or the ApiError kind of a failure (rejected, unauthorized, malformed, server,
 * timeout, network).
 */
export type Reading = 'ok' | 'done' | 'already' | 'rejected' | 'unauthorized' | 'malformed' | 'server' | 'timeout' | 'network';

export interface Exchange {
  /** When the request was sent (ms epoch). */
  at: number;
  method: string;
  /** The URL's path without its query, each segment redacted. */
  path: string;
  /** HTTP status; absent when no answer came (timeout, network). */
  status?: number;
  /** The envelope's business code (`code`), redacted. */
  code?: string;
  /** The envelope's words (`message`, `msg`, `error_description` or `error`), redacted, ≤ 120 characters. */
  message?: string;
  /**
   * The reply's shape: keys and value types, e.g. `{code:number,data:{sign:boolean},message:string}`
   * (an array by its first item); `text(123)` for a body of 123 characters that is not JSON; absent
   * when no answer came.
   */
  shape?: string;
  /** How long the exchange took (ms). */
  ms: number;
  reading: Reading;
}

/** Told of each exchange once it is over. Must not throw (http.ts guards it anyway). */
export type ExchangeObserver = (exchange: Exchange) => void;

const SHAPE_MAX = 400;
const KEYS_MAX = 16;
const DEPTH_MAX = 4;

/** Keys and value types of a parsed JSON value; keys are redacted too (a phone or id may be one). */
export function shapeOf(value: unknown, sent: readonly string[] = []): string {
  const shape = (item: unknown, depth: number): string => {
    if (item === null) return 'null';
    if (Array.isArray(item)) return item.length === 0 ? '[]' : depth >= DEPTH_MAX ? '[…]' : `[${shape(item[0], depth + 1)}]`;
    if (typeof item !== 'object') return typeof item;
    if (depth >= DEPTH_MAX) return '{…}';
    const entries = Object.entries(item);
    const fields = entries.slice(0, KEYS_MAX).map(([key, field]) => `${redactText(key, sent, 40)}:${shape(field, depth + 1)}`);
    return `{${fields.join(',')}${entries.length > KEYS_MAX ? ',…' : ''}}`;
  };
  const whole = shape(value, 0);
  return whole.length > SHAPE_MAX ? `${whole.slice(0, SHAPE_MAX - 1)}…` : whole;
}

/** Every string a request carried (body values, query values, header values but the plain ones). */
export function sentValues(url: string, headers: Record<string, string> = {}, body?: unknown): string[] {
  const values: string[] = [];
  const collect = (item: unknown): void => {
    if (typeof item === 'string' || typeof item === 'number') values.push(String(item));
    else if (item instanceof URLSearchParams || (typeof FormData !== 'undefined' && item instanceof FormData)) {
      item.forEach((field) => collect(field));
    } else if (item && typeof item === 'object') Object.values(item).forEach(collect);
  };
  collect(body);
  try {
    new URL(url).searchParams.forEach((field) => values.push(field));
  } catch {
    // Not a URL: nothing in a query.
  }
  for (const [name, value] of Object.entries(headers)) {
    if (/^(locale|content-type|accept)$/i.test(name)) continue;
    // `Bearer <token>`: the token alone too, as a server may quote it without its head.
    values.push(value, ...value.split(/\s+/));
  }
  return values;
}

const wordsOf = (body: unknown): { code?: unknown; message?: unknown } => {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return {};
  const envelope = body as Record<string, unknown>;
  return { code: envelope.code, message: envelope.message ?? envelope.msg ?? envelope.error_description ?? envelope.error };
};

/** What requestJson saw of one exchange, and how its caller read it. */
export interface Seen {
  url: string;
  method: string;
  headers?: Record<string, string>;
  body?: unknown;
  at: number;
  end: number;
  status?: number;
  /** The reply's text, when one came. */
  text?: string;
  /** The reply parsed, when it was JSON. */
  json?: unknown;
  reading: Reading;
}

/** The exchange as diagnostics keep it: redacted here, so nothing secret leaves this function. */
export function describeExchange(seen: Seen): Exchange {
  const sent = sentValues(seen.url, seen.headers, seen.body);
  let path = seen.url;
  try {
    path = new URL(seen.url).pathname;
  } catch {
    path = seen.url.split(/[?#]/)[0];
  }
  const { code, message } = wordsOf(seen.json);
  const isJson = seen.json !== undefined;
  return {
    at: seen.at,
    method: seen.method,
    // Our own path: what we sent is not looked for in it (client_secret `times` is a segment too), but
    // an id or a token in a segment is masked all the same.
    path: path.split('/').map((segment) => redactText(segment, [], 60)).join('/'),
    ...(seen.status === undefined ? {} : { status: seen.status }),
    ...(typeof code === 'number' || typeof code === 'string' ? { code: redactText(String(code), sent, 24) } : {}),
    ...(typeof message === 'string' && message.trim() ? { message: redactText(message.trim(), sent) } : {}),
    ...(isJson ? { shape: shapeOf(seen.json, sent) } : seen.text === undefined ? {} : { shape: `text(${seen.text.length})` }),
    ms: Math.max(0, Math.round(seen.end - seen.at)),
    reading: seen.reading,
  };
}
