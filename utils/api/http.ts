import { ofetch, FetchError } from 'ofetch';
import { isSafeNumber, parse as parseLossless } from 'lossless-json';
import { text, type Text } from '../i18n/keys';
import { redactText } from '../redact';
import { describeExchange, type ExchangeObserver, type Reading, type Seen } from './exchange';

// What went wrong with a request, in the terms the worker acts on:
// - network / timeout / server (5xx, 429, an HTML error page) / malformed (a 2xx that is not the JSON we
//   expect) are transient: keep every stored session and try again later;
// - unauthorized: the access token was rejected (HTTP 401, or `code: 401` inside a 200 body);
// - rejected: the server answered and said no (wrong code, already signed, …), with its message.
export type ApiErrorKind = 'network' | 'timeout' | 'server' | 'malformed' | 'unauthorized' | 'rejected';

export class ApiError extends Error {
  override name = 'ApiError';
  /** What to tell the user: a message key and its values, worded where it is shown (issue 7). */
  readonly text: Text;
  /** The server's own message (in Chinese, as the server wrote it, numbers and secrets masked), when it sent one. */
  readonly serverMessage?: string;

  constructor(
    readonly kind: ApiErrorKind,
    /**
     * Our words as a Text, or a string: the server's own message, shown as the server said it
     * (`error.server`). Safe to show either way: never contains a token. `message` is the server's
     * message or the key, for logs.
     */
    words: Text | string,
    readonly status?: number,
    /** The business code of an envelope, when the server sent one. */
    readonly code?: number | string,
    /** The payload that came with an error envelope (e.g. a captcha the server asks for). */
    readonly data?: unknown,
    /** The host (name and port, no path or query) a network error or timeout could not reach. */
    readonly host?: string,
  ) {
    // The server's words are shown, stored with the day's record and printed by the runner: a server
    // that quotes a token, a code or a number back has it masked here (utils/redact.ts).
    super(typeof words === 'string' ? redactText(words, [], 300) : words.key);
    this.text = typeof words === 'string' ? text('error.server', { message: this.message }) : words;
    this.serverMessage = typeof words === 'string' ? this.message : undefined;
  }

  get transient(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || this.kind === 'server' || this.kind === 'malformed';
  }
}

export const REQUEST_TIMEOUT_MS = 15_000;

export interface JsonRequest {
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: Record<string, unknown> | FormData | URLSearchParams;
  /** Times the request is retried after a network error, timeout, 5xx or 429 (idempotent calls only). */
  retry?: number;
  /** Send the cookies of the target origin (the Homing captcha session lives in one). */
  withCookies?: boolean;
  timeout?: number;
  /** Told of the exchange once it is over, redacted (diagnostics, utils/api/exchange.ts). */
  observe?: ExchangeObserver;
  /**
   * How the outcome counts for diagnostics when not by default (`ok` for a value, the ApiError's kind
   * for a failure): a check-in's `true` is `done`, say. undefined: the default.
   */
  reading?: (outcome: { value: unknown } | { error: unknown }) => Reading | undefined;
}

export interface JsonResponse {
  status: number;
  body: unknown;
}

/**
 * JSON text to a value without losing digits: integers beyond Number.MAX_SAFE_INTEGER (the services'
 * 19-digit ids) stay strings instead of being rounded.
 */
export function parseJsonLossless(text: string): unknown {
  return parseLossless(text, undefined, (value: string) => (isSafeNumber(value) ? Number(value) : value));
}

/**
 * An error status without a JSON body to explain it. A 401 is a rejected token whatever the body (a
 * bare 401 is common); any other such page comes from a gateway or proxy, not from the API deciding
 * about us, so it counts as passing: it must not end a session.
 */
function httpFailure(status: number): ApiError {
  if (status === 401) return new ApiError('unauthorized', text('error.unauthorized'), status);
  if (status === 429) return new ApiError('server', text('error.tooManyRequests', { status }), status);
  if (status >= 500) return new ApiError('server', text('error.unavailable', { status }), status);
  return new ApiError('server', text('error.httpFailed', { status }), status);
}

function parseBody(status: number, raw: string, seen?: Pick<Seen, 'status' | 'text' | 'json'>): JsonResponse {
  if (seen) Object.assign(seen, { status, text: raw });
  // An empty 2xx (e.g. 204 to a logout) is a body of null; the caller's schema decides if that is fine.
  if (raw.trim() === '') {
    if (status >= 200 && status < 300) return { status, body: null };
    throw httpFailure(status);
  }
  let body: unknown;
  try {
    body = parseJsonLossless(raw);
  } catch {
    if (status >= 200 && status < 300) {
      throw new ApiError('malformed', text('error.malformed'), status);
    }
    throw httpFailure(status);
  }
  if (seen) seen.json = body;
  return { status, body };
}

/**
 * One HTTP call whose answer is JSON, read by `read` (the caller's envelope and schema; without one,
 * the status and body). Never rejects with anything but an ApiError (or what `read` throws), so a
 * caller can't leak an unhandled rejection or a raw fetch error (which may quote the URL) to the user.
 * 4xx answers with a JSON body are handed to `read`, not thrown: the caller's envelope decides what they
 * mean. With `request.observe`, the exchange is reported once over, whatever the outcome.
 */
export function requestJson(url: string, request: JsonRequest): Promise<JsonResponse>;
export function requestJson<T>(url: string, request: JsonRequest, read: (response: JsonResponse) => T): Promise<T>;
export async function requestJson<T>(url: string, request: JsonRequest, read?: (response: JsonResponse) => T): Promise<T | JsonResponse> {
  const at = Date.now();
  const seen: Pick<Seen, 'status' | 'text' | 'json'> = {};
  const report = (outcome: { value: unknown } | { error: unknown }) => {
    if (!request.observe) return;
    const fallback: Reading = 'value' in outcome ? 'ok' : outcome.error instanceof ApiError ? outcome.error.kind : 'malformed';
    try {
      const { method, headers, body } = request;
      request.observe(describeExchange({ url, method, headers, body, at, end: Date.now(), ...seen, reading: request.reading?.(outcome) ?? fallback }));
    } catch {
      // Diagnostics never fail a call.
    }
  };
  try {
    const response = await send(url, request, seen);
    const value = read ? read(response) : response;
    report({ value });
    return value;
  } catch (error) {
    report({ error });
    throw error;
  }
}

async function send(url: string, request: JsonRequest, seen: Pick<Seen, 'status' | 'text' | 'json'>): Promise<JsonResponse> {
  try {
    const response = await ofetch.raw<string, 'text'>(url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      responseType: 'text',
      timeout: request.timeout ?? REQUEST_TIMEOUT_MS,
      retry: request.retry ?? 0,
      retryDelay: 500,
      credentials: request.withCookies ? 'include' : 'omit',
    });
    return parseBody(response.status, response._data ?? '', seen);
  } catch (error) {
    if (error instanceof ApiError) throw error;
    if (error instanceof FetchError && error.response) {
      // Any error status: its body is read, whatever the status (a 500 with a JSON envelope carries the
      // server's message); without a JSON body the status alone decides (httpFailure).
      return parseBody(error.response.status, typeof error.data === 'string' ? error.data : '', seen);
    }
    const cause = error instanceof FetchError ? error.cause : error;
    const host = hostOf(url);
    if (cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError')) {
      throw new ApiError('timeout', text('error.timeout'), undefined, undefined, undefined, host);
    }
    throw new ApiError('network', text('error.network'), undefined, undefined, undefined, host);
  }
}

/** The host of a URL (name and port): safe to show, it carries no query value. */
function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

/** `https://host/` + `/path` without collapsing any `//` inside the path (the Times API needs one). */
export function joinUrl(baseUrl: string, path: string): string {
  return baseUrl.replace(/\/+$/, '') + path;
}
