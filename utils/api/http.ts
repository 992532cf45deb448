import { ofetch, FetchError } from 'ofetch';
import { isSafeNumber, parse as parseLossless } from 'lossless-json';
import { text, type Text } from '../i18n/keys';

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
  /** The server's own message (in Chinese, as the server wrote it), when it sent one. */
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
    super(typeof words === 'string' ? words : words.key);
    this.text = typeof words === 'string' ? text('error.server', { message: words }) : words;
    this.serverMessage = typeof words === 'string' ? words : undefined;
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

function parseBody(status: number, raw: string): JsonResponse {
  // An empty 2xx (e.g. 204 to a logout) is a body of null; the caller's schema decides if that is fine.
  if (raw.trim() === '') {
    if (status >= 200 && status < 300) return { status, body: null };
    throw httpFailure(status);
  }
  try {
    return { status, body: parseJsonLossless(raw) };
  } catch {
    if (status >= 200 && status < 300) {
      throw new ApiError('malformed', text('error.malformed'), status);
    }
    throw httpFailure(status);
  }
}

/**
 * One HTTP call whose answer is JSON. Never rejects with anything but an ApiError, so a caller can't
 * leak an unhandled rejection or a raw fetch error (which may quote the URL) to the user.
 * 4xx answers with a JSON body are returned, not thrown: the caller's envelope decides what they mean.
 */
export async function requestJson(url: string, request: JsonRequest): Promise<JsonResponse> {
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
    return parseBody(response.status, response._data ?? '');
  } catch (error) {
    if (error instanceof ApiError) throw error;
    if (error instanceof FetchError && error.response) {
      // Any error status: its body is read, whatever the status (a 500 with a JSON envelope carries the
      // server's message); without a JSON body the status alone decides (httpFailure).
      return parseBody(error.response.status, typeof error.data === 'string' ? error.data : '');
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
