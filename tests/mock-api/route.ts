import type { IncomingHttpHeaders } from 'node:http';

// The shape every mock route shares. Handlers are synchronous functions from a fully read request to a
// reply, so the server alone deals with sockets, CORS, faults and recording.

export interface RouteRequest {
  method: string;
  /** The raw path, not normalised: `//` stays `//` so the Times check-in path can be told apart. */
  pathname: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  /** The server clock (ms epoch) when the request arrived. */
  now: number;
}

export interface Reply {
  status: number;
  body: string;
  contentType: string;
  headers?: Record<string, string>;
  /**
   * The server has done the work but never sends this reply: the request stays open until the client
   * gives up or the server closes (a gateway that lost the upstream answer).
   */
  hang?: boolean;
  /** Send the reply only this many ms later (the server's setTimeout, so fake timers hold it too). */
  delayMs?: number;
}

export interface Route {
  name: string;
  methods: readonly string[];
  path: string;
  /** `path` is a prefix: the route answers every path that starts with it (a key in the path). */
  prefix?: boolean;
  handle(request: RouteRequest): Reply;
}

// What the real Spring services send.
export const JSON_TYPE = 'application/json;charset=UTF-8';

export function json(status: number, value: unknown): Reply {
  return { status, body: JSON.stringify(value), contentType: JSON_TYPE };
}

/** What the services answer for a path they do not have. */
export function notFound(): Reply {
  return json(404, { code: 404, message: 'Not Found' });
}

/**
 * A 19-digit Long id the real services write as a bare JSON number. A JS number cannot hold one
 * (JSON.parse rounds it), so it travels as this object and jsonWithRawIds writes its digits bare.
 */
export class RawId {
  constructor(readonly digits: string) {
    if (!/^\d+$/.test(digits)) throw new RangeError(`not an id: ${digits}`);
  }

  toJSON(): string {
    return `@@RAW_ID:${this.digits}@@`;
  }

  toString(): string {
    return this.digits;
  }
}

/** Like json(), with every RawId written as a bare number literal. */
export function jsonWithRawIds(status: number, value: unknown): Reply {
  const text = JSON.stringify(value).replace(/"@@RAW_ID:(\d+)@@"/g, '$1');
  return { status, body: text, contentType: JSON_TYPE };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The body as a JSON object, or undefined when it is anything else (so handlers answer 400). */
export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function stringField(object: Record<string, unknown>, key: string): string | undefined {
  const value = object[key];
  return typeof value === 'string' ? value : undefined;
}

/** The token of an `Authorization: Bearer <token>` header. */
export function bearerToken(headers: IncomingHttpHeaders): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
  return match?.[1];
}

/** The media type of Content-Type without parameters, lower-cased ('' when absent). */
export function mediaType(headers: IncomingHttpHeaders): string {
  return (headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

export const PHONE_PATTERN = /^1\d{10}$/;
